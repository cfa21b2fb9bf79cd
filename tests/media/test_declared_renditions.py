"""``APIField("x", serializer=ImageRenditionField(...))`` reads as that rendition, no W001.

The example's ``BlogPage`` declares ``feed_image_thumbnail`` as bakerydemo does:
``ImageRenditionField("fill-100x100", source="feed_image")``.
"""

from __future__ import annotations

from typing import Any

from rest_framework.fields import CharField
from wagtail.api import APIField
from wagtail.images.api.fields import ImageRenditionField

from blog.models import BlogPage
from tests.conftest import GraphQLClient
from wagtail_graphql_write.checks import schema_messages
from wagtail_graphql_write.registry import FieldKind, SkippedField
from wagtail_graphql_write.registry.build import _expose_fields

POST = """
query Post($id: ID!) {
  page(id: $id) { ... on BlogPage { feedImage { id } feedImageThumbnail { url width height alt } } }
}
"""


def test_declared_rendition_reads_as_wagtails_rendition(
    anonymous: GraphQLClient, seeded: Any, settings: Any
) -> None:
    settings.WAGTAIL_GRAPHQL_WRITE = {"IMAGE_RENDITION_FILTERS": []}  # declared, not asked for
    post = next(p for p in seeded.posts if p.live and p.feed_image_id)
    found = anonymous.execute(POST, {"id": str(post.pk)})["page"]
    own = post.feed_image.get_rendition("fill-100x100")
    assert found["feedImageThumbnail"] == {
        "url": own.url,
        "width": own.width,
        "height": own.height,
        "alt": post.feed_image.title,
    }
    assert (own.width, own.height) == (90, 90)  # the 160x90 sample, filled, never enlarged


def test_declared_rendition_without_an_image_is_null(anonymous: GraphQLClient, seeded: Any) -> None:
    post = next(p for p in seeded.posts if p.live)
    BlogPage.objects.filter(pk=post.pk).update(feed_image=None)
    found = anonymous.execute(POST, {"id": str(post.pk)})["page"]
    assert found == {"feedImage": None, "feedImageThumbnail": None}


def test_no_system_check_warning_for_rendition_fields(db: Any) -> None:
    assert not [m for m in schema_messages() if "feed_image_thumbnail" in m.msg]


def test_registry_classifies_rendition_serializers() -> None:
    skipped: list[SkippedField] = []
    entries = [
        APIField("thumb", serializer=ImageRenditionField("max-50x50", source="feed_image")),
        APIField("wthumb", serializer=ImageRenditionField("max-50x50"), writable=True),
        APIField("other", serializer=CharField(source="title")),
    ]
    (thumb,) = _expose_fields(BlogPage, entries, skipped)
    assert (thumb.kind, thumb.writable, thumb.model_field.filter_spec) == (
        FieldKind.RENDITION,
        False,
        "max-50x50",
    )
    reasons = {s.field_name: s.reason for s in skipped}
    assert reasons == {
        "wthumb": "it is an image rendition, which the API cannot write",
        "other": "it uses a custom DRF serializer",
    }

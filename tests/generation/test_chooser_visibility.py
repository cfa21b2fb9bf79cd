"""Chooser blocks at any depth (struct, list, nested stream) obey each object's read rule.

The example site's ``BlogPage.body`` chooses snippets and pages at the top level only,
so this test generates types for a stream block of its own, with the real generator,
and executes them with Strawberry against the seeded database and a real request.
"""

from __future__ import annotations

from typing import Any

import pytest
import strawberry
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from django.http import HttpResponse
from django.test import RequestFactory
from strawberry.django.context import StrawberryDjangoContext
from strawberry.schema.config import StrawberryConfig
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_graphql_write.generation.errors import ERROR_TYPES
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.names import FieldNameConverter
from wagtail_graphql_write.generation.revisions import REVISION_TYPES
from wagtail_graphql_write.generation.workflows import WORKFLOW_TYPES
from wagtail_graphql_write.registry import build_registry


class Chosen(blocks.StructBlock):
    person = SnippetChooserBlock("blog.Person", required=False)
    page = blocks.PageChooserBlock(required=False)
    document = DocumentChooserBlock(required=False)
    image = ImageChooserBlock(required=False)


class Inner(blocks.StreamBlock):
    person = SnippetChooserBlock("blog.Person")


class Probe(blocks.StreamBlock):
    struct = Chosen()
    people = blocks.ListBlock(SnippetChooserBlock("blog.Person"))
    inner = Inner()
    document = DocumentChooserBlock()


QUERY = """
{
  probe {
    ... on ProbeStructBlock {
      struct { person { firstName } page { title } document { title } image { title } }
    }
    ... on ProbePeopleBlock { people { value { firstName } } }
    ... on ProbeInnerBlock { inner { ... on ProbeInnerPersonBlock { person { firstName } } } }
    ... on ProbeDocumentBlock { document { title } }
  }
}
"""


def _schema(value: StreamValue) -> strawberry.Schema:
    """The generated block types of ``Probe``, behind a ``probe`` query returning ``value``."""
    gen = TypeGenerator(build_registry())
    for exposed in gen.registry.pages:
        gen.object_type(exposed.model)  # the Page interface needs its object types
    interface = gen.blocks.stream_interface(Probe(), "Probe")
    namespace = {
        "__annotations__": {"probe": list[interface]},  # type: ignore[valid-type]
        "probe": strawberry.field(resolver=lambda: list(value)),
    }
    gen.finish()
    query = strawberry.type(type("Query", (), namespace), name="Query")
    return strawberry.Schema(
        query=query,
        types=[*gen.all_object_types(), *ERROR_TYPES, *REVISION_TYPES, *WORKFLOW_TYPES],
        config=StrawberryConfig(name_converter=FieldNameConverter()),
    )


def _execute(schema: strawberry.Schema, user: Any) -> list[dict[str, Any]]:
    request = RequestFactory().post("/graphql/")
    request.user = user
    context = StrawberryDjangoContext(request=request, response=HttpResponse())
    result = schema.execute_sync(QUERY, context_value=context)
    assert result.errors is None, result.errors
    assert result.data is not None
    return list(result.data["probe"])


@pytest.fixture
def private_document(seeded: Any) -> Any:
    """A document in a collection only signed-in users may see, as Wagtail serves it."""
    collection = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model()(title="Minutes", collection=collection)
    document.file.save("minutes.txt", ContentFile(b"secret"), save=True)
    return document


@pytest.fixture
def stream(seeded: Any, private_document: Any) -> StreamValue:
    """An unpublished person, a draft page and the private document, at every depth."""
    hidden = seeded.people["lovelace"]
    hidden.unpublish(user=seeded.users["admin"])
    shown = seeded.people["hopper"]
    draft_page = seeded.posts[2]
    raw = [
        {
            "type": "struct",
            "value": {
                "person": hidden.pk,
                "page": draft_page.pk,
                "document": private_document.pk,
                "image": seeded.image.pk,
            },
        },
        {"type": "people", "value": [hidden.pk, shown.pk]},
        {"type": "inner", "value": [{"type": "person", "value": hidden.pk}]},
        {"type": "document", "value": private_document.pk},
    ]
    return StreamValue(Probe(), raw, is_lazy=True)


def test_hidden_objects_are_null_or_left_out_at_every_depth_for_anonymous_readers(
    stream: StreamValue,
) -> None:
    struct, people, inner, document = _execute(_schema(stream), AnonymousUser())
    assert struct["struct"] == {
        "person": None,
        "page": None,
        "document": None,
        "image": {"title": "Sample image"},
    }
    assert people["people"] == [{"value": {"firstName": "Grace"}}]
    assert inner["inner"] == [{"person": None}]
    assert document["document"] is None


def test_a_viewer_who_may_read_them_sees_them_at_every_depth(
    seeded: Any, stream: StreamValue
) -> None:
    struct, people, inner, document = _execute(_schema(stream), seeded.users["editor"])
    assert struct["struct"] == {
        "person": {"firstName": "Ada"},
        "page": {"title": "Coming soon: workflows"},
        "document": {"title": "Minutes"},
        "image": {"title": "Sample image"},
    }
    assert people["people"] == [{"value": {"firstName": "Ada"}}, {"value": {"firstName": "Grace"}}]
    assert inner["inner"] == [{"person": {"firstName": "Ada"}}]
    assert document["document"] == {"title": "Minutes"}

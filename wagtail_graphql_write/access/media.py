"""Which images and documents a request may read: the read rule of ``access.readable``
as querysets, for the ``image(s)`` and ``document(s)`` queries.

Images are public, as Wagtail serves them (original and rendition URLs need no login;
its REST API v2 lists every image to anyone): every image, to anyone who may read at
all (``ANONYMOUS_READS``). Documents are public except those in a collection whose
view restriction rejects the request (Wagtail's document serve view refuses them), and
those are left out as if they did not exist.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from wagtail_graphql_write.access.readable import rejected_collection_ids
from wagtail_graphql_write.access.snippets import may_read_live


def readable_images(request: HttpRequest) -> QuerySet[Any]:
    queryset = get_image_model()._default_manager.all()
    return queryset if may_read_live(request.user) else queryset.none()


def readable_documents(request: HttpRequest) -> QuerySet[Any]:
    queryset = get_document_model()._default_manager.all()
    if not may_read_live(request.user):
        return queryset.none()
    rejected = rejected_collection_ids(request)
    return queryset.exclude(collection_id__in=rejected) if rejected else queryset

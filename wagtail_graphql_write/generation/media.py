"""The image and document types: generated from ``get_image_model()`` / ``get_document_model()``.

``Image`` and ``Document`` keep their names whatever the configured model is called, so
a client's queries survive a switch to a custom model. Their model fields (``title``,
``collection``, ``tags`` and the custom model's ``api_fields``) come from the registry
and the converter table, as for snippets; what every image has besides (its size, file,
focal point and renditions) is added here.

Renditions are made on demand, and making one decodes and resizes the original: an
arbitrary filter per request would let any client make the server do unbounded work
and fill its storage. So ``rendition`` and ``srcSet`` accept only the filters listed in
the ``IMAGE_RENDITION_FILTERS`` setting (as wagtail-grapple's ``ALLOWED_IMAGE_FILTERS``);
another filter is a field error, not a rendition.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import strawberry
from django.db.models import Model
from graphql import GraphQLError
from strawberry.types import Info
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, SourceImageIOError

from wagtail_graphql_write.access.readable import readable_object
from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation.fields import OutputSpec
from wagtail_graphql_write.registry import ExposedField, ExposedModel

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


@strawberry.type(name="Collection", description="A Wagtail collection, which groups media.")
class Collection:
    @strawberry.field
    def id(root: Any) -> strawberry.ID:  # noqa: N805 - Strawberry passes the model as root
        return strawberry.ID(str(root.pk))

    @strawberry.field
    def name(root: Any) -> str:  # noqa: N805
        return str(root.name)


@strawberry.type(
    name="FocalPoint",
    description="The part of the image that crops keep in view, in pixels of the original.",
)
class FocalPoint:
    x: int = strawberry.field(description="Centre, from the left edge.")
    y: int = strawberry.field(description="Centre, from the top edge.")
    width: int
    height: int


@strawberry.input(name="FocalPointInput", description="A focal point, in pixels of the original.")
class FocalPointInput:
    x: int = strawberry.field(description="Centre, from the left edge.")
    y: int = strawberry.field(description="Centre, from the top edge.")
    width: int
    height: int


@strawberry.type(name="ImageRendition", description="The image resized by one filter.")
class ImageRendition:
    @strawberry.field
    def url(root: Any) -> str:  # noqa: N805
        return str(root.url)

    @strawberry.field
    def width(root: Any) -> int:  # noqa: N805
        return int(root.width)

    @strawberry.field
    def height(root: Any) -> int:  # noqa: N805
        return int(root.height)

    @strawberry.field(description="The image's default alt text (its title unless set).")
    def alt(root: Any) -> str:  # noqa: N805
        return str(root.alt)


def allowed_filters() -> list[str]:
    return list(get_settings()["IMAGE_RENDITION_FILTERS"])


def check_filters(filters: Iterable[str]) -> list[str]:
    """``filters`` if every one is on the allow-list; else a field error naming the list."""
    wanted = list(filters)
    allowed = allowed_filters()
    refused = [spec for spec in wanted if spec not in allowed]
    if refused:
        raise GraphQLError(
            f"Image filter {refused[0]!r} is not allowed. Allowed filters (the "
            f"IMAGE_RENDITION_FILTERS setting): {', '.join(allowed) or 'none'}.",
            extensions={"code": "FILTER_NOT_ALLOWED"},
        )
    return wanted


def rendition_or_none(image: Any, spec: str) -> Any:
    """The rendition, or ``None`` when the original file is missing (REST v2 says
    ``{"error": "SourceImageIOError"}`` there; a broken file is not the client's fault)."""
    try:
        return image.get_rendition(spec)
    except SourceImageIOError:
        return None


def resolve_rendition(root: Any, filter: str) -> Any:
    (spec,) = check_filters([filter])
    return rendition_or_none(root, spec)


def resolve_src_set(root: Any, filters: list[str]) -> str | None:
    """``srcset`` syntax, as Wagtail's ``{% srcset_image %}`` writes it: ``url 400w, ...``."""
    specs = check_filters(filters)
    try:
        renditions = root.get_renditions(*specs) if specs else {}
    except SourceImageIOError:
        return None
    return ", ".join(f"{r.url} {r.width}w" for r in renditions.values())


def _id(root: Any) -> strawberry.ID:
    return strawberry.ID(str(root.pk))


def _file_name(root: Any) -> str:
    return os.path.basename(root.file.name)


def _focal_point(root: Any) -> FocalPoint | None:
    if not root.has_focal_point():
        return None
    return FocalPoint(
        x=root.focal_point_x,
        y=root.focal_point_y,
        width=root.focal_point_width,
        height=root.focal_point_height,
    )


def _image_fields() -> dict[str, tuple[OutputSpec, str | None]]:
    return {
        "id": (OutputSpec(strawberry.ID, _id), None),
        "width": (OutputSpec(int, lambda root: int(root.width)), None),
        "height": (OutputSpec(int, lambda root: int(root.height)), None),
        "url": (OutputSpec(str, lambda root: str(root.file.url)), "URL of the original file."),
        "file": (OutputSpec(str, _file_name), "The original file's name, e.g. `sample.png`."),
        "file_size": (
            OutputSpec(int | None, lambda root: root.file_size),
            "The original file's size in bytes.",
        ),
        "focal_point": (
            OutputSpec(FocalPoint | None, _focal_point),
            "Null when the image has none (crops keep the centre).",
        ),
        "rendition": (
            OutputSpec(ImageRendition | None, resolve_rendition),
            "The image resized by `filter` (Wagtail's filter syntax, e.g. `fill-100x100`), "
            "made on first request. Only filters in the IMAGE_RENDITION_FILTERS setting. "
            "Null if the original file is missing.",
        ),
        "src_set": (
            OutputSpec(str | None, resolve_src_set),
            "A `srcset` attribute value for these filters (`url 400w, url 800w`). Only "
            "filters in the IMAGE_RENDITION_FILTERS setting. Null if the original file "
            "is missing.",
        ),
    }


def _document_fields() -> dict[str, tuple[OutputSpec, str | None]]:
    return {
        "id": (OutputSpec(strawberry.ID, _id), None),
        "url": (
            OutputSpec(str, lambda root: str(root.url)),
            "URL that serves the document (Wagtail's serve view, which applies "
            "collection privacy).",
        ),
        "file": (OutputSpec(str, _file_name), "The file's name, e.g. `report.pdf`."),
        "file_extension": (OutputSpec(str, lambda root: str(root.file_extension)), None),
        "file_size": (
            OutputSpec(int | None, lambda root: root.file_size),
            "The file's size in bytes.",
        ),
    }


def media_extra_fields(exposed: ExposedModel) -> dict[str, tuple[OutputSpec, str | None]]:
    """The fields of ``Image`` / ``Document`` that are not ``api_fields`` entries."""
    if issubclass(exposed.model, AbstractImage):
        return _image_fields()
    return _document_fields()


def declared_rendition_output(gen: TypeGenerator, field: ExposedField) -> OutputSpec:
    """``APIField("thumb", serializer=ImageRenditionField("fill-100x100", source="image"))``:
    the rendition REST v2 serves there. The filter is the site's own declaration, so it
    needs no place on the allow-list; the image obeys the read rule (``access.readable``)."""
    serializer = field.model_field
    source = serializer.source or field.name
    spec = serializer.filter_spec

    def resolve(root: Any, info: Info) -> Any:
        image: Any = root
        if source != "*":
            for attribute in source.split("."):
                image = getattr(image, attribute, None)
                if image is None:
                    return None
        image = readable_object(info.context.request, image)
        return None if image is None else rendition_or_none(image, spec)

    return OutputSpec(ImageRendition | None, resolve)


def is_image_model(model: type[Model]) -> bool:
    return issubclass(model, get_image_model())


def is_document_model(model: type[Model]) -> bool:
    return issubclass(model, get_document_model())


def image_with_alt(gen: TypeGenerator) -> Any:
    """``ImageWithAlt``: an ``ImageBlock``'s value, the image and its alt text for this use."""

    def build() -> Any:
        image = gen.object_type(get_image_model())
        namespace: dict[str, Any] = {
            "__annotations__": {"image": image, "alt_text": str | None, "decorative": bool},
            "image": strawberry.field(resolver=lambda root: root),
            "alt_text": strawberry.field(
                resolver=lambda root: getattr(root, "contextual_alt_text", None),
                description="Alt text for this use of the image; empty if decorative.",
            ),
            "decorative": strawberry.field(
                resolver=lambda root: bool(getattr(root, "decorative", False))
            ),
        }
        name = gen.names.claim("ImageWithAlt", "the ImageBlock value", builtin=True)
        cls = type(name, (), namespace)
        description = "An image chosen with its alt text (ImageBlock)."
        return strawberry.type(cls, name=name, description=description)

    return gen.once("ImageWithAlt", build)

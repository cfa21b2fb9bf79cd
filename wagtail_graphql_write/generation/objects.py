"""Fill an object-type shell with its model's readable ``api_fields``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.types import Info
from wagtail.models import Page

from wagtail_graphql_write.access.permissions import allowed_subpage_models
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.fields import OutputSpec, Unsupported
from wagtail_graphql_write.generation.media import media_extra_fields
from wagtail_graphql_write.generation.type_enums import enum_member, page_type_enum
from wagtail_graphql_write.registry import ExposedModel, ModelRole

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


def inherited_field_names(shell: type) -> set[str]:
    """Python names of fields the shell already gets from its interfaces."""
    found: set[str] = set()
    for base in shell.__mro__[1:]:
        definition = getattr(base, "__strawberry_definition__", None)
        if definition is not None:
            found.update(f.python_name for f in definition.fields)
    return found


def add_field(shell: type, python_name: str, spec: OutputSpec, description: str | None) -> None:
    shell.__annotations__[python_name] = spec.annotation
    setattr(
        shell,
        python_name,
        strawberry.field(
            resolver=spec.resolver, name=names.field_name(python_name), description=description
        ),
    )


def _row_id_spec() -> OutputSpec:
    """``rowId``, not ``id``: a child row is part of its page's content, not an entity.

    Normalising caches key every object with an ``id`` by ``__typename`` + ``id``; a row
    has the same primary key in the live page, its draft and every revision, each time
    with that version's values, and rows added in a draft all have a null one. Without
    ``id`` a row is embedded in the page (or revision content) that holds it. Child rows
    added in a draft have no primary key until published: null, not "None".
    """
    return OutputSpec(
        strawberry.ID | None,
        lambda root: None if root.pk is None else strawberry.ID(str(root.pk)),
    )


def allowed_subpage_types_field(gen: TypeGenerator) -> tuple[OutputSpec, str]:
    """``[PageType!]!``: what the viewer may create under the page, as the admin lists it.

    A field of ``interface Page`` whose type exists per schema: see
    ``TypeGenerator.add_page_field``.
    """
    page_type = page_type_enum(gen)

    def resolve(root: Any, info: Info) -> list[Any]:
        models = allowed_subpage_models(info.context.request.user, root)
        members = (enum_member(page_type, model) for model in models)
        return [member for member in members if member is not None]

    description = (
        "Page types the viewer may create under this page now "
        "(its subpage_types rules, max_count and the viewer's add permission)."
    )
    return OutputSpec(list[page_type], resolve), description  # type: ignore[valid-type]


ROW_ID_DOC = (
    "The row's id (null for a row added in a draft until it is published); "
    "send it back as the row input's `id` to keep and edit the row."
)


def _extra_fields(
    gen: TypeGenerator, exposed: ExposedModel
) -> dict[str, tuple[OutputSpec, str | None]]:
    """Fields a type gets besides its model's: ``rowId`` on child rows; on page types
    the ``Page`` interface's fields of this schema (``gen.page_fields()``); an image's
    size, file, focal point and renditions (``generation.media``)."""
    if exposed.role is ModelRole.CHILD:
        return {"row_id": (_row_id_spec(), ROW_ID_DOC)}
    if exposed.role is ModelRole.PAGE:
        return gen.page_fields()
    if exposed.role is ModelRole.MEDIA:
        return media_extra_fields(exposed)
    return {}


def populate_object_type(
    gen: TypeGenerator, exposed: ExposedModel, shell: type, *, content: bool = False
) -> None:
    """Add one GraphQL field per readable model field the converters can map.

    ``content`` fills a ``<Model>RevisionContent`` type: the same model fields, none of
    the extras, and never an ``id`` (see ``revision_content``); child rows never get
    one either (see ``_row_id_spec``).
    """
    taken = inherited_field_names(shell)
    if content or exposed.role is ModelRole.CHILD:
        taken |= {"id", "pk"}
    graphql_names = {names.field_name(n) for n in taken}
    extras = {} if content else _extra_fields(gen, exposed)
    for python_name, (extra, description) in extras.items():
        add_field(shell, python_name, extra, description)
        taken.add(python_name)
        graphql_names.add(names.field_name(python_name))
    for field in exposed.readable_fields:
        if field.name in taken or field.name == "pk":
            continue
        try:
            spec = gen.output_converter(field)(gen, field)
        except Unsupported as unsupported:
            gen.skip(exposed.model, field, str(unsupported))
            continue
        if spec is None:
            gen.skip(exposed.model, field, "its converter does not expose it")
            continue
        graphql_name = names.field_name(field.name)
        if graphql_name in graphql_names:
            raise names.SchemaNameCollision(
                f"{exposed.label}.{field.name} would be the GraphQL field {graphql_name!r}, "
                "which another field of the same type already uses."
            )
        graphql_names.add(graphql_name)
        add_field(shell, field.name, spec, field.description)
    shell.is_type_of = classmethod(_type_check(gen, exposed))  # type: ignore[attr-defined]


def _type_check(gen: TypeGenerator, exposed: ExposedModel) -> Any:
    model = exposed.model
    if model is Page:
        # The base page type also stands for page models a site chose not to expose.
        def is_generic_page(cls: type, obj: Any, info: Any) -> bool:
            return isinstance(obj, Page) and (
                type(obj) is Page or gen.registry.get(type(obj)) is None
            )

        return is_generic_page

    def is_model(cls: type, obj: Any, info: Any) -> bool:
        return type(obj) is model

    return is_model

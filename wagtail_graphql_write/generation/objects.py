"""Fill an object-type shell with its model's readable ``api_fields``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import strawberry
from wagtail.models import Page

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.fields import OutputSpec, Unsupported
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


def _pk_spec() -> OutputSpec:
    """Child rows added in a draft have no primary key until published: null, not "None"."""
    return OutputSpec(
        strawberry.ID | None,
        lambda root: None if root.pk is None else strawberry.ID(str(root.pk)),
    )


def populate_object_type(gen: TypeGenerator, exposed: ExposedModel, shell: type) -> None:
    """Add one GraphQL field per readable model field the converters can map."""
    taken = inherited_field_names(shell)
    graphql_names = {names.field_name(n) for n in taken}
    if exposed.role is ModelRole.CHILD:
        add_field(shell, "id", _pk_spec(), None)
        taken.add("id")
        graphql_names.add("id")
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

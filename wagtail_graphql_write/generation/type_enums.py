"""``PageType`` and ``SnippetType``: enums of the exposed models, one per schema.

Several parts of a schema use them (the ``pages(type:)`` filter, ``allowedSubpageTypes``,
the snippet action mutations), and a GraphQL name can only be claimed once, so each is
built once per ``TypeGenerator``. An enum value's Python value is the model's label
(``"blog.BlogPage"``), which is how resolvers get back to the model.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Model
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import make_enum
from wagtail_graphql_write.registry import ExposedModel

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator

#: The mixins some snippet action needs: a snippet type with none of them has no action.
SNIPPET_ACTION_MIXINS: tuple[type, ...] = (
    DraftStateMixin,
    RevisionMixin,
    LockableMixin,
    TranslatableMixin,
)


def _members(exposed: list[ExposedModel], enum_name: str) -> dict[str, str]:
    """Enum value name -> model label; two models with one value name are a collision."""
    members: dict[str, str] = {}
    for entry in exposed:
        value = names.type_enum_value(entry.model)
        if value in members:
            raise names.SchemaNameCollision(
                f"{members[value]} and {entry.label} would both be {enum_name}.{value}. "
                "Set a `graphql_type_name` attribute on one of the models."
            )
        members[value] = entry.label
    return members


def page_type_enum(gen: TypeGenerator) -> type[enum.Enum]:
    """``enum PageType``: one value per exposed page type (``BLOG_PAGE``)."""

    def build() -> Any:
        members = _members(list(gen.registry.pages), names.PAGE_TYPE_ENUM)
        name = gen.names.claim(names.PAGE_TYPE_ENUM, "the page type enum", builtin=True)
        return make_enum(name, members, "A page type.")

    return gen.once(names.PAGE_TYPE_ENUM, build)


def action_snippets(gen: TypeGenerator) -> list[ExposedModel]:
    """Exposed snippet models that support at least one snippet action."""
    return [e for e in gen.registry.snippets if any(e.has_mixin(m) for m in SNIPPET_ACTION_MIXINS)]


def snippet_type_enum(gen: TypeGenerator) -> type[enum.Enum] | None:
    """``enum SnippetType``: the snippet types with an action; ``None`` if there are none."""

    def build() -> Any:
        exposed = action_snippets(gen)
        if not exposed:
            return None
        members = _members(exposed, names.SNIPPET_TYPE_ENUM)
        name = gen.names.claim(names.SNIPPET_TYPE_ENUM, "the snippet type enum", builtin=True)
        return make_enum(
            name,
            members,
            "A snippet type that supports at least one snippet action (publishSnippet ...).",
        )

    return gen.once(names.SNIPPET_TYPE_ENUM, build)


def model_of(value: enum.Enum) -> type[Model]:
    """The model a ``PageType`` or ``SnippetType`` value stands for."""
    return apps.get_model(str(value.value))


def enum_member(enum_class: type[enum.Enum], model: type[Model]) -> enum.Enum | None:
    """The value standing for ``model`` in a type enum, or ``None`` if it has none."""
    try:
        return enum_class(model._meta.label)
    except ValueError:
        return None

"""A typed GraphQL API to write Wagtail content, built on Wagtail's own actions.

The names in ``__all__`` are the public extension API: what the docs tell a site to
import. They are loaded on first access (PEP 562) rather than here, because Django
imports this package while it is still loading apps, before models can be imported.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.blocks import BlockOutput
    from wagtail_graphql_write.generation.fields import OutputSpec, Unsupported, attribute_resolver
    from wagtail_graphql_write.generation.generator import TypeGenerator
    from wagtail_graphql_write.http.views import graphql_view
    from wagtail_graphql_write.schema import build_schema, get_schema

_PUBLIC = {
    "BlockOutput": "wagtail_graphql_write.generation.blocks",
    "OutputSpec": "wagtail_graphql_write.generation.fields",
    "Unsupported": "wagtail_graphql_write.generation.fields",
    "attribute_resolver": "wagtail_graphql_write.generation.fields",
    "TypeGenerator": "wagtail_graphql_write.generation.generator",
    "graphql_view": "wagtail_graphql_write.http.views",
    "build_schema": "wagtail_graphql_write.schema",
    "get_schema": "wagtail_graphql_write.schema",
}

__all__ = [
    "BlockOutput",
    "OutputSpec",
    "TypeGenerator",
    "Unsupported",
    "attribute_resolver",
    "build_schema",
    "get_schema",
    "graphql_view",
]


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(_PUBLIC[name]), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])

"""The ``WAGTAIL_GRAPHQL_WRITE`` settings dict: one TypedDict, its defaults, one accessor.

Defaults are the safe production choice; a site opts into anything looser.
"""

from __future__ import annotations

from typing import Any, TypedDict, cast

from django.conf import settings


class GraphQLWriteSettings(TypedDict):
    """Every setting the package reads, with its meaning."""

    #: Serve GraphiQL to browsers on GET. Off by default: production sites opt in.
    GRAPHIQL: bool
    #: Let GraphiQL keep the headers typed in its Headers tab (an API token included)
    #: in the browser's localStorage. Off by default: a token stays in the open tab only.
    GRAPHIQL_PERSIST_HEADERS: bool
    #: Answer introspection queries (GraphiQL and codegen need it).
    INTROSPECTION: bool
    #: Let requests without credentials read live, public pages and snippets.
    ANONYMOUS_READS: bool
    #: Largest ``limit`` a list query accepts; larger values are capped.
    MAX_LIMIT: int
    #: ``limit`` used when a list query does not give one.
    DEFAULT_LIMIT: int
    #: Deepest selection a query may make (graphql nesting levels).
    MAX_DEPTH: int
    #: Most aliases one document may use.
    MAX_ALIASES: int
    #: Most tokens one document may have.
    MAX_TOKENS: int
    #: Most mutation fields one request may run.
    MAX_MUTATIONS: int
    #: Largest static cost (see ``limits/cost.py``) an operation may have.
    MAX_QUERY_COST: int
    #: Most items the lists of one mutation input may have, each and all together
    #: (tags, InlinePanel rows, many-to-many ids, blocks at every level).
    MAX_INPUT_ITEMS: int
    #: Deepest nesting of elements rich text input may have (``<b>`` in ``<li>`` ...).
    MAX_RICH_TEXT_DEPTH: int
    #: Image filter specs (``fill-100x100``, ``width-800|format-webp``) clients may ask
    #: for with ``rendition`` and ``srcSet``; any other is refused, since each new
    #: filter makes the server decode, resize and store the image again.
    IMAGE_RENDITION_FILTERS: list[str]
    #: ``app_label.ModelName`` labels to expose; empty means every page and snippet model.
    INCLUDE_MODELS: list[str]
    #: ``app_label.ModelName`` labels never to expose (applied after INCLUDE_MODELS).
    EXCLUDE_MODELS: list[str]
    #: ``app_label.ModelName.field`` entries of ``api_fields`` to leave out of GraphQL
    #: only (Wagtail's REST APIs keep serving them), without a system-check warning.
    EXCLUDE_FIELDS: list[str]
    #: Dotted paths of callables ``hook(generator)`` run on every new ``TypeGenerator``,
    #: e.g. to ``register_field`` or ``register_block`` converters for a site's classes.
    GENERATOR_HOOKS: list[str]
    #: The committed SDL file ``graphql_schema --out`` / ``--check`` use when given no
    #: path (relative paths are relative to the current directory).
    SCHEMA_FILE: str


DEFAULTS: GraphQLWriteSettings = {
    "GRAPHIQL": False,
    "GRAPHIQL_PERSIST_HEADERS": False,
    "INTROSPECTION": True,
    "ANONYMOUS_READS": True,
    "MAX_LIMIT": 100,
    "DEFAULT_LIMIT": 20,
    "MAX_DEPTH": 15,
    "MAX_ALIASES": 30,
    "MAX_TOKENS": 5000,
    "MAX_MUTATIONS": 10,
    "MAX_QUERY_COST": 10000,
    "MAX_INPUT_ITEMS": 500,
    "MAX_RICH_TEXT_DEPTH": 32,
    "IMAGE_RENDITION_FILTERS": [
        "fill-100x100",
        "max-165x165",
        "width-400",
        "width-800",
        "width-1200",
    ],
    "INCLUDE_MODELS": [],
    "EXCLUDE_MODELS": [],
    "EXCLUDE_FIELDS": [],
    "GENERATOR_HOOKS": [],
    "SCHEMA_FILE": "schema.graphql",
}


def get_settings() -> GraphQLWriteSettings:
    """Return the defaults overlaid with the site's ``WAGTAIL_GRAPHQL_WRITE`` dict.

    Read on every call (it is a dict merge) so that ``override_settings`` in tests and
    settings changes between schema builds are honoured without a cache to clear.
    """
    user: dict[str, Any] = getattr(settings, "WAGTAIL_GRAPHQL_WRITE", {}) or {}
    unknown = set(user) - set(DEFAULTS)
    if unknown:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            f"Unknown WAGTAIL_GRAPHQL_WRITE keys: {', '.join(sorted(unknown))}. "
            f"Known keys: {', '.join(DEFAULTS)}."
        )
    return cast(GraphQLWriteSettings, {**DEFAULTS, **user})

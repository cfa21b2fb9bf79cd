"""``revision(id)`` and the revision-related query fields. Filled in by the lifecycle
work; see docs/revisions.md.
"""

from __future__ import annotations

from strawberry.types.field import StrawberryField

from wagtail_graphql_write.generation.generator import TypeGenerator


def revision_query_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Top-level revision queries, keyed by GraphQL name."""
    return {}

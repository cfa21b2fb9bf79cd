"""Generic page actions (publish, unpublish, move, copy, delete, revert, aliases,
translations, locks, scheduling): one mutation each, each ending in the Wagtail action
or lock method the admin uses. Filled in by the lifecycle work; see docs/page-actions.md.
"""

from __future__ import annotations

from strawberry.types.field import StrawberryField

from wagtail_graphql_write.generation.generator import TypeGenerator


def page_action_mutations(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Every generic page action mutation, keyed by GraphQL name."""
    return {}

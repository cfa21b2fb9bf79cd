"""Generic page actions (publish, unpublish, move, copy, delete, revert, aliases,
translations, locks, scheduling): one mutation each, each ending in the Wagtail action
or lock method the admin uses. See docs/page-actions.md.

The actions live in ``page_publishing``, ``page_tree``, ``page_copies`` and
``page_locks``; this module only collects them, so ``schema.py`` has one entry point.
"""

from __future__ import annotations

from strawberry.types.field import StrawberryField

from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.writes import page_copies, page_locks, page_publishing, page_tree
from wagtail_graphql_write.writes.page_common import action_field

SPECS = (*page_publishing.SPECS, *page_tree.SPECS, *page_copies.SPECS, *page_locks.SPECS)


def page_action_mutations(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Every generic page action mutation, keyed by GraphQL name."""
    return {spec.name: action_field(gen, spec) for spec in SPECS}

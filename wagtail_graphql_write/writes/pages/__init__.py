"""Page mutations: ``create<PageType>``/``update<PageType>`` and the generic page actions
(publish, unpublish, revert, scheduling, move, delete, copy, aliases, translations,
locks, the first publication date), each a ``MutationSpec`` ending in the Wagtail
action the admin uses.
See docs/writes.md and docs/page-actions.md."""

from __future__ import annotations

from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.writes.mutation import MutationSpec
from wagtail_graphql_write.writes.pages import content, copies, locks, metadata, publishing, tree


def page_specs(gen: TypeGenerator) -> list[MutationSpec]:
    """Every page mutation of the schema."""
    return [
        *content.content_specs(gen),
        *publishing.SPECS,
        *tree.SPECS,
        *copies.SPECS,
        *locks.SPECS,
        *metadata.SPECS,
    ]

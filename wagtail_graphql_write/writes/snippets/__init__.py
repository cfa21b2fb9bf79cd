"""Snippet mutations: ``create``/``update``/``delete<Snippet>`` per model and the snippet
actions (publish, unpublish, revert, lock, unlock, translate), each a ``MutationSpec``.
See docs/writes.md and docs/snippet-actions.md."""

from __future__ import annotations

from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.writes.mutation import MutationSpec
from wagtail_graphql_write.writes.snippets import actions, content


def snippet_specs(gen: TypeGenerator) -> list[MutationSpec]:
    """Every snippet mutation of the schema."""
    return [*content.content_specs(gen), *actions.snippet_action_specs(gen)]

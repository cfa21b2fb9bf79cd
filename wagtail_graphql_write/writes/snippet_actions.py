"""Snippet actions for models with the matching mixin: publish, unpublish, revert,
lock, unlock and copy for translation, taking ``type: SnippetType!`` and ``id``.
Filled in by the lifecycle work; see docs/snippet-actions.md.
"""

from __future__ import annotations

from strawberry.types.field import StrawberryField

from wagtail_graphql_write.generation.generator import TypeGenerator


def snippet_action_mutations(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Every snippet action mutation, keyed by GraphQL name."""
    return {}

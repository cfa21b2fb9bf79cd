"""``revision(id)``: one revision of any page or snippet, for viewers who may see drafts.

Revision ids are global, so ``revision(id)`` must not become a way around the rule
that drafts are only for editors: it returns ``null`` unless the viewer may read the
``LATEST`` version of the revision's own object (which may not be the object the
client has in mind), and for snippets of types the API does not expose.
"""

from __future__ import annotations

import inspect
from typing import Any

import strawberry
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.models import Page

from wagtail_graphql_write.access.revisions import owner_of, visible_revision
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import resolver_with_signature
from wagtail_graphql_write.generation.revisions import Revision


def revision_query_fields(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Top-level revision queries, keyed by GraphQL name."""

    def resolve(info: Info, id: str) -> Any:
        revision = visible_revision(info.context.request.user, id)
        owner = owner_of(revision) if revision is not None else None
        if owner is None:
            return None
        if not isinstance(owner, Page) and gen.registry.get(type(owner)) is None:
            return None  # its content would have no GraphQL type
        return revision

    resolver = resolver_with_signature(
        "revision", resolve, [("id", strawberry.ID, inspect.Parameter.empty)], Revision | None
    )
    return {
        "revision": strawberry.field(
            resolver=resolver,
            name="revision",
            description="One revision of a page or snippet by id; null unless you may read "
            "that object's drafts (LATEST).",
        )
    }

"""``interface StreamBlock``: what every block in any stream has.

A block's Wagtail id is ``blockId``, not ``id``: normalising caches (Apollo, urql
Graphcache) key every object with an ``id`` by ``__typename`` + ``id``, and a block id
is not an object identity. The same id is in every revision of a page, in its live and
draft versions, and in each copy of it (``copyPage`` keeps block ids), each time with
its own value. Without ``id`` a block is a plain value embedded in its page.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON

from wagtail_graphql_write.generation.names import field_name


@strawberry.interface(name="StreamBlock", description="A block in a StreamField.")
class StreamBlock:
    @strawberry.field(
        description="The block's Wagtail id (unique within its stream); send it back as the "
        "item input's `id` to keep it."
    )
    def block_id(root: Any) -> str:  # noqa: N805 - Strawberry passes the bound block as root
        return str(root.id)

    @strawberry.field(
        description="The block's name in its stream, spelt as the input's `block` field "
        'names it (camelCase), e.g. "heading", "relatedPage".'
    )
    def block_type(root: Any) -> str:  # noqa: N805
        return field_name(str(root.block_type))

    @strawberry.field(description="The block's stored value, as Wagtail saves it (JSON).")
    def raw_value(root: Any) -> JSON:  # noqa: N805
        return root.block.get_prep_value(root.value)

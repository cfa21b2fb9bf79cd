"""``interface StreamBlock``: what every block in any stream has."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.scalars import JSON


@strawberry.interface(name="StreamBlock", description="A block in a StreamField.")
class StreamBlock:
    @strawberry.field(description="The block's id; send it back to keep it.")
    def id(root: Any) -> str:  # noqa: N805 - Strawberry passes the bound block as root
        return str(root.id)

    @strawberry.field(description='The block\'s name in its stream, e.g. "heading".')
    def block_type(root: Any) -> str:  # noqa: N805
        return str(root.block_type)

    @strawberry.field(description="The block's stored value, as Wagtail saves it (JSON).")
    def raw_value(root: Any) -> JSON:  # noqa: N805
        return root.block.get_prep_value(root.value)

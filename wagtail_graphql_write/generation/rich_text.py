"""``RichTextInput`` and ``Warning``: rich text in, and what sanitising took out."""

from __future__ import annotations

import strawberry


@strawberry.input(
    name="RichTextInput",
    one_of=True,
    description=(
        "Rich text, sanitised against the field's or block's features with Wagtail's "
        'converters. Internal links: `<a linktype="page" id="3">` in html, '
        "`[text](wagtail://page?id=3)` in markdown."
    ),
)
class RichTextInput:
    html: str | None = strawberry.field(
        default=strawberry.UNSET, description="Wagtail database HTML."
    )
    markdown: str | None = strawberry.field(
        default=strawberry.UNSET, description="Markdown; wagtail:// links become link entities."
    )


@strawberry.type(
    name="Warning",
    description="Something the server changed in the input while saving it, e.g. rich text "
    "markup outside the allowed features.",
)
class Warning:
    path: list[str] = strawberry.field(description="Where in the input, as in error paths.")
    message: str
    reason: str = strawberry.field(
        description="feature_disabled, unknown_linktype, unknown_embedtype or missing_attribute."
    )
    tag: str | None = strawberry.field(default=None, description="The HTML tag concerned.")

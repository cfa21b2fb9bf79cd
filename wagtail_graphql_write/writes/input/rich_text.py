"""``RichTextInput`` -> sanitised database HTML, with what was removed as warnings."""

from __future__ import annotations

from typing import Any

from wagtail.api.rich_text import APIRichText, RichTextFormatError

from wagtail_graphql_write.generation.rich_text import Warning as GqlWarning
from wagtail_graphql_write.writes.input.notes import InputNotes


def convert_rich_text(
    value: Any, features: list[str] | None, path: list[str], notes: InputNotes
) -> str:
    """Convert ``{html}`` or ``{markdown}`` with Wagtail's own converters.

    ``APIRichText`` enforces the feature list (dropping what is not allowed, ``<script>``
    included) and reports each removal; those become payload warnings at ``path``.
    Content it cannot convert is an input error at ``path``, so that the client learns
    which field (or which block) to fix.
    """
    if value is None:
        return ""
    if isinstance(value, str):  # already database HTML (e.g. a JSON block value)
        value = {"html": value}
    fmt, content = (
        ("db_markdown", value["markdown"])
        if value.get("markdown") is not None
        else ("db_html", value.get("html") or "")
    )
    try:
        db_html, removals = APIRichText.convert_input(
            {"format": fmt, "content": content}, features=features
        )
    except RichTextFormatError as error:
        notes.reject(str(error), "invalid_rich_text", path)
        return ""
    for removal in removals:
        notes.warnings.append(
            GqlWarning(
                path=list(path),
                message=f"<{removal.tag}> was {removal.action} ({removal.reason}).",
                reason=removal.reason,
                tag=removal.tag,
            )
        )
    return str(db_html)

"""``RichTextInput`` -> sanitised database HTML, with what was removed as warnings.

Wagtail's converters walk the element tree recursively: 500 nested ``<b>`` or 1,000
nested markdown list levels raised ``RecursionError`` from deep inside them. Nesting is
bounded (``MAX_RICH_TEXT_DEPTH``) before converting HTML and after converting
markdown, and a converter that still runs out of stack is reported the same way: a
``ValidationError`` at the field's path.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from wagtail.api.rich_text import APIRichText, RichTextFormatError

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation.rich_text import Warning as GqlWarning
from wagtail_graphql_write.writes.input.notes import InputNotes

TOO_DEEPLY_NESTED = "too_deeply_nested"

#: Elements without content: they open no level.
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "wbr"}
#: Elements an opening sibling closes (``<li>a<li>b`` are siblings, not nested).
_SELF_CLOSING_SIBLINGS = {"li", "p"}


class _TooDeep(Exception):
    pass


class _DepthCheck(HTMLParser):
    """Stops at the first element nested deeper than ``limit`` (so the work is linear)."""

    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=True)
        self.limit = limit
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _VOID:
            return
        if tag in _SELF_CLOSING_SIBLINGS and self.open and self.open[-1] == tag:
            self.open.pop()
        self.open.append(tag)
        if len(self.open) > self.limit:
            raise _TooDeep

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            while self.open.pop() != tag:
                pass


def nesting_exceeds(html: str, limit: int) -> bool:
    """Whether ``html`` nests elements more than ``limit`` deep."""
    check = _DepthCheck(limit)
    try:
        check.feed(html)
        check.close()
    except _TooDeep:
        return True
    return False


def _reject_nesting(limit: int, path: list[str], notes: InputNotes) -> str:
    notes.reject(
        f"This rich text nests elements more than {limit} deep; at most {limit} levels "
        "are allowed (MAX_RICH_TEXT_DEPTH).",
        TOO_DEEPLY_NESTED,
        path,
    )
    return ""


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
    limit = get_settings()["MAX_RICH_TEXT_DEPTH"]
    if fmt == "db_html" and nesting_exceeds(content, limit):
        return _reject_nesting(limit, path, notes)
    try:
        db_html, removals = APIRichText.convert_input(
            {"format": fmt, "content": content}, features=features
        )
    except RichTextFormatError as error:
        notes.reject(str(error), "invalid_rich_text", path)
        return ""
    except RecursionError:
        return _reject_nesting(limit, path, notes)
    if nesting_exceeds(str(db_html), limit):
        return _reject_nesting(limit, path, notes)
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

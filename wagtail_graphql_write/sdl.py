"""The schema as SDL text, and a comparison of two SDL texts for review and CI.

A site commits its schema (``schema.graphql``) so that API changes show up in code
review as a diff, and CI fails when a model change altered the API without the file
being regenerated. The comparison classifies changes the way graphql-core does
(breaking, dangerous, safe) so a reviewer sees at once whether clients may break.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

import strawberry
from graphql import GraphQLError, GraphQLSchema
from graphql import build_schema as parse_sdl

try:  # graphql-core >= 3.3 also reports safe changes (added types, fields, descriptions)
    from graphql.utilities.find_schema_changes import find_schema_changes
except ImportError:  # pragma: no cover - graphql-core 3.2
    find_schema_changes = None  # type: ignore[assignment]

#: Most lines of unified diff a report shows; the rest is summarised as a count.
DIFF_EXCERPT_LINES = 40


def export_sdl(schema: strawberry.Schema) -> str:
    """The schema in SDL, byte-for-byte the same for the same models and settings.

    Strawberry's printer sorts types by name (graphql-core's keeps definition order)
    and prints schema directives; fields keep the generator's order, which is fixed.
    Exactly one trailing newline, so the committed file is a well-formed text file.
    """
    return schema.as_str().rstrip("\n") + "\n"


def normalize_sdl(text: str) -> str:
    """Line endings and trailing blank lines do not count as changes.

    A Windows checkout with ``core.autocrlf`` must not look like schema drift.
    """
    return text.replace("\r\n", "\n").rstrip("\n") + "\n"


@dataclass
class SchemaDiff:
    """How the current schema differs from a committed one.

    Each entry is ``"<CHANGE_TYPE>  <description>"``, e.g.
    ``"FIELD_REMOVED  Field BlogPage.intro was removed."``.
    """

    breaking: list[str] = field(default_factory=list)
    dangerous: list[str] = field(default_factory=list)
    #: Changes graphql-core considers safe (empty on graphql-core 3.2).
    safe: list[str] = field(default_factory=list)
    #: The texts differ at all, even if only in descriptions or formatting.
    changed: bool = False
    #: Unified diff lines from the committed text to the current one.
    diff_lines: list[str] = field(default_factory=list)

    def report(self, max_diff_lines: int = DIFF_EXCERPT_LINES) -> str:
        """Readable text for a terminal or a test failure, most severe first."""
        if not self.changed:
            return "The schema is unchanged."
        lines = [self._summary()]
        lines += [f"BREAKING  {entry}" for entry in self.breaking]
        lines += [f"DANGEROUS  {entry}" for entry in self.dangerous]
        lines += [f"SAFE  {entry}" for entry in self.safe]
        if self.diff_lines:
            lines += ["", *_excerpt(self.diff_lines, max_diff_lines)]
        return "\n".join(lines)

    def _summary(self) -> str:
        return (
            f"The schema changed: {len(self.breaking)} breaking, "
            f"{len(self.dangerous)} dangerous, {len(self.safe)} safe change(s)."
        )


def _excerpt(diff_lines: list[str], limit: int) -> list[str]:
    if len(diff_lines) <= limit:
        return diff_lines
    hidden = len(diff_lines) - limit
    return [*diff_lines[:limit], f"... ({hidden} more diff lines)"]


def _label(change: Any) -> str:
    return f"{change.type.name}  {change.description}"


def _unified_diff(committed: str, current: str) -> list[str]:
    return list(
        difflib.unified_diff(
            committed.splitlines(),
            current.splitlines(),
            fromfile="committed",
            tofile="current",
            lineterm="",
            n=2,
        )
    )


def _classify(old: GraphQLSchema, new: GraphQLSchema, diff: SchemaDiff) -> None:
    """Sort graphql-core's change list into the diff's three buckets."""
    from graphql import BreakingChangeType, DangerousChangeType

    if find_schema_changes is None:  # pragma: no cover - graphql-core 3.2
        from graphql import find_breaking_changes, find_dangerous_changes

        diff.breaking = [_label(c) for c in find_breaking_changes(old, new)]
        diff.dangerous = [_label(c) for c in find_dangerous_changes(old, new)]
        return
    for change in find_schema_changes(old, new):
        if isinstance(change.type, BreakingChangeType):
            diff.breaking.append(_label(change))
        elif isinstance(change.type, DangerousChangeType):
            diff.dangerous.append(_label(change))
        else:
            diff.safe.append(_label(change))


def compare_sdl(committed: str, current: str) -> SchemaDiff:
    """Compare a committed SDL text with the current one (old -> new).

    A committed text that does not parse (say, a merge conflict left in it) is
    reported as a breaking entry rather than raised, so ``--check`` still prints a
    report and the regeneration command.
    """
    committed, current = normalize_sdl(committed), normalize_sdl(current)
    diff = SchemaDiff(changed=committed != current)
    if not diff.changed:
        return diff
    diff.diff_lines = _unified_diff(committed, current)
    try:
        old = parse_sdl(committed)
    except GraphQLError as error:
        diff.breaking.append(f"UNPARSABLE  The committed schema is not valid SDL: {error}")
        return diff
    _classify(old, parse_sdl(current), diff)
    return diff

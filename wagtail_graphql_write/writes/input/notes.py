"""What converting one input found: warnings for the payload, and rejected values."""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail_graphql_write.generation.rich_text import Warning as GqlWarning
from wagtail_graphql_write.writes.errors.failures import InvalidInput


@dataclass
class InputNotes:
    """Collected while binding, so that every problem of an input is reported at once."""

    warnings: list[GqlWarning] = field(default_factory=list)
    errors: list[InvalidInput] = field(default_factory=list)

    def reject(self, message: str, code: str, path: list[str]) -> None:
        self.errors.append(InvalidInput(message, code, path))

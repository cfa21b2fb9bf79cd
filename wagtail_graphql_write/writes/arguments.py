"""Arguments several mutations share, defined once so their SDL reads the same everywhere."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import strawberry

from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.generation.payloads import argument

REQUIRED = inspect.Parameter.empty

ACTION = (
    "action",
    argument(SaveAction, "SAVE_DRAFT saves a new revision; PUBLISH also publishes it."),
    SaveAction.SAVE_DRAFT,
)
DRY_RUN = (
    "dry_run",
    argument(bool, "Run every check and validation, return the would-be result, save nothing."),
    False,
)
EXPECTED_REVISION = (
    "expected_revision_id",
    argument(
        strawberry.ID | None,
        "The latest revision id you read; if the object has a newer one, nothing is saved "
        "and an EditConflictError is returned.",
    ),
    None,
)


@dataclass(frozen=True)
class SaveOptions:
    """How a create or update should be saved."""

    action: SaveAction | None = SaveAction.SAVE_DRAFT
    expected_revision_id: Any = None
    dry_run: bool = False

    @property
    def publish(self) -> bool:
        return self.action is SaveAction.PUBLISH

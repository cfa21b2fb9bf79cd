"""Arguments several mutations share, defined once so their SDL reads the same everywhere."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

import strawberry

from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.generation.workflows import WorkflowState
from wagtail_graphql_write.writes.mutation import Argument

REQUIRED = inspect.Parameter.empty


def flag(name: str, description: str) -> Argument:
    """A ``Boolean! = false`` argument."""
    return Argument(name, argument(bool, description), False)


def optional(name: str, annotation: Any, description: str) -> Argument:
    """A nullable argument that defaults to null."""
    return Argument(name, argument(annotation | None, description), None)


def required(name: str, annotation: Any, description: str) -> Argument:
    return Argument(name, argument(annotation, description), REQUIRED)


ACTION = Argument(
    "action",
    argument(
        SaveAction,
        "SAVE_DRAFT saves a new revision; PUBLISH also publishes it; SUBMIT also submits "
        "it for moderation.",
    ),
    SaveAction.SAVE_DRAFT,
)
REVERT_ACTION = Argument(
    "action",
    argument(
        SaveAction,
        "SAVE_DRAFT makes it the latest draft; PUBLISH also publishes it. SUBMIT is not "
        "supported here (the admin has no such button): revert, then startWorkflow.",
    ),
    SaveAction.SAVE_DRAFT,
)
DRY_RUN = flag(
    "dry_run", "Run every check and validation, return the would-be result, save nothing."
)
EXPECTED_REVISION = optional(
    "expected_revision_id",
    strawberry.ID,
    "The latest revision id you read; if the object has a newer one, nothing is saved "
    "and an EditConflictError is returned.",
)

#: The extra payload field of create/update mutations that can submit (action: SUBMIT).
SUBMITTED_STATE = {
    "workflow_state": (WorkflowState, "The workflow state, when the action was SUBMIT."),
}

SAVED_REVISION = "The revision this save made."


def save_payload_extra(revision_type: Any | None, workflows: bool) -> dict[str, tuple[Any, str]]:
    """The extra payload fields of a create or update: ``revision`` for a model with
    revisions, ``workflowState`` for one with workflows."""
    extra = dict(SUBMITTED_STATE) if workflows else {}
    if revision_type is not None:
        extra["revision"] = (revision_type, SAVED_REVISION)
    return extra


@dataclass(frozen=True)
class SaveOptions:
    """How a create or update should be saved."""

    action: SaveAction | None = SaveAction.SAVE_DRAFT
    expected_revision_id: Any = None
    dry_run: bool = False

    @classmethod
    def from_args(cls, args: dict[str, Any]) -> SaveOptions:
        return cls(args.get("action"), args.get("expected_revision_id"), bool(args.get("dry_run")))

    @property
    def publish(self) -> bool:
        return self.action is SaveAction.PUBLISH

    @property
    def submit(self) -> bool:
        return self.action is SaveAction.SUBMIT

    @property
    def submits_now(self) -> bool:
        """SUBMIT, except in a dry run: the checks run, but the workflow is not started.

        Wagtail sends a workflow's notification emails as soon as it starts, not when
        the transaction commits, so a dry run that started one would email reviewers
        about a submission that never happened.
        """
        return self.submit and not self.dry_run

    @property
    def clean(self) -> bool | None:
        """The actions' ``clean``: a submitted draft is validated whole, as the admin's
        "Submit" does; otherwise the action's own default (clean unless a draft)."""
        return True if self.submit else None

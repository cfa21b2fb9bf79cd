"""GraphQL documents and small helpers the workflow tests share."""

from __future__ import annotations

from typing import Any

from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry, PageLogEntry, Revision, TaskState, WorkflowState

STATE = """
fragment State on WorkflowState {
  id status workflow { name }
  requestedBy { displayName }
  currentTaskState { status task { name } comment finishedBy { displayName } }
  taskStates { status comment task { name } finishedBy { displayName } revision { id } }
}
"""

ERRORS = """
fragment Errors on MutationError {
  __typename code message path
  ... on WorkflowStateError { workflowState { status } }
}
"""


def transition(name: str, extra_args: str = "", extra_vars: str = "") -> str:
    """A workflow mutation document taking ``$target: ContentRef!``."""
    return (
        f"mutation($target: ContentRef!{extra_vars}) {{\n"
        f"  {name}(target: $target{extra_args}) {{\n"
        "    workflowState { ...State }\n"
        "    page { id title live }\n"
        "    snippet { id displayTitle }\n"
        "    errors { ...Errors }\n"
        "  }\n"
        "}\n" + STATE + ERRORS
    )


START = transition("startWorkflow")
APPROVE = transition("approveWorkflowTask", ", comment: $comment", ", $comment: String")
REJECT = transition("rejectWorkflowTask", ", comment: $comment", ", $comment: String")
RESUBMIT = transition("resubmitWorkflow")
CANCEL = transition("cancelWorkflow")
RESTART = transition("restartWorkflow")


def page_ref(page_id: Any) -> dict[str, Any]:
    return {"page": str(page_id)}


def snippet_ref(type_name: str, obj_id: Any) -> dict[str, Any]:
    return {"snippet": {"type": type_name, "id": str(obj_id)}}


def codes(payload: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["__typename"], e["code"]) for e in payload["errors"]]


def log_actions(obj: Any) -> list[str]:
    """The audit log of one page or snippet, oldest first."""
    entries = log_registry.get_logs_for_instance(obj).order_by("timestamp", "id")
    return [e.action for e in entries]


def workflow_counts() -> tuple[int, int, int, int, int]:
    """Rows a failed workflow call must not change."""
    return (
        WorkflowState.objects.count(),
        TaskState.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        ModelLogEntry.objects.count(),
    )

"""Workflow mutations: ``startWorkflow``, ``approveWorkflowTask``, ``rejectWorkflowTask``,
``resubmitWorkflow``, ``cancelWorkflow`` and ``restartWorkflow``.

Each takes ``target: ContentRef!`` (a page or a snippet with WorkflowMixin), runs one
transition from ``workflow_steps`` in the mutation's transaction, and returns
``{workflowState, page | snippet, errors}``. The object's row is locked for the
transaction, so two reviewers acting at once are serialised: the second one finds
the task already done (``WorkflowStateError``). See docs/workflows.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import strawberry
from django.db.models import Model
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.models import Page, WorkflowMixin

from wagtail_graphql_write.generation import interfaces, names
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import (
    argument,
    payload_type,
    resolver_with_signature,
)
from wagtail_graphql_write.generation.type_enums import model_of
from wagtail_graphql_write.generation.workflows import WorkflowState, content_ref_input
from wagtail_graphql_write.writes import workflow_steps
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.failures import NotSupported
from wagtail_graphql_write.writes.guards import lock_row
from wagtail_graphql_write.writes.page_common import target_page
from wagtail_graphql_write.writes.pages import latest_version
from wagtail_graphql_write.writes.run import MutationContext, run_mutation
from wagtail_graphql_write.writes.snippets import latest_snippet


def target_object(ctx: MutationContext, target: Any) -> Model:
    """The page or workflow snippet named by ``target``, its row locked."""
    if target.page is not None and target.page is not strawberry.UNSET:
        return target_page(ctx, target.page, ("target", "page"))
    ref = target.snippet
    model = model_of(ref.type)
    if not issubclass(model, WorkflowMixin):
        raise NotSupported(
            f"{names.type_name(model)} snippets have no workflows: the model has no WorkflowMixin.",
            ["target", "snippet", "type"],
        )
    return lock_row(model, ref.id, ["target", "snippet", "id"])


def report_object(ctx: MutationContext, obj: Model) -> None:
    """Put the object, as it is after the step, in the payload's ``page`` or ``snippet``."""
    if isinstance(obj, Page):
        ctx.extra["page"] = latest_version(obj)
    else:
        ctx.extra["snippet"] = latest_snippet(obj)


@dataclass(frozen=True)
class WorkflowMutation:
    """One workflow mutation: ``work(user, obj, **arguments)`` returns the state after."""

    name: str
    description: str
    work: Callable[..., Any]
    params: Sequence[tuple[str, Any, Any]] = ()


COMMENT = (
    "comment",
    argument(str | None, "A comment for the editor, shown in the workflow history."),
    None,
)
WORKFLOW = (
    "workflow",
    argument(
        strawberry.ID | None,
        "The workflow to submit to; the one assigned to the object when not sent. Another "
        "one needs permission to manage workflows.",
    ),
    None,
)


def _approve(user: Any, obj: Model, comment: str | None = None) -> Any:
    return workflow_steps.review(user, obj, "approve", comment)


def _reject(user: Any, obj: Model, comment: str | None = None) -> Any:
    return workflow_steps.review(user, obj, "reject", comment)


MUTATIONS = (
    WorkflowMutation(
        "startWorkflow",
        "Submit a page or snippet's latest revision for moderation, as the admin's "
        '"Submit to <workflow>".',
        workflow_steps.start,
        [WORKFLOW],
    ),
    WorkflowMutation(
        "approveWorkflowTask",
        "Approve the current task (its reviewers only). Approving the last task "
        "publishes the object, as the approver.",
        _approve,
        [COMMENT],
    ),
    WorkflowMutation(
        "rejectWorkflowTask",
        'Request changes on the current task, as the admin\'s "Request changes": the '
        "workflow then NEEDS_CHANGES until the editor resubmits it.",
        _reject,
        [COMMENT],
    ),
    WorkflowMutation(
        "resubmitWorkflow",
        "Send a workflow whose reviewers requested changes back to the task that "
        "requested them, with the latest revision.",
        workflow_steps.resubmit,
    ),
    WorkflowMutation(
        "cancelWorkflow",
        "Cancel the workflow in progress (the requester, the owner or a reviewer).",
        workflow_steps.cancel,
    ),
    WorkflowMutation(
        "restartWorkflow",
        "Cancel a workflow whose reviewers requested changes and start it again from "
        "its first task.",
        workflow_steps.restart,
    ),
)


def _field(gen: TypeGenerator, spec: WorkflowMutation, content_ref: type) -> StrawberryField:
    payload = payload_type(
        gen.names,
        spec.name,
        "workflow_state",
        WorkflowState,
        "The object's workflow state after the step.",
        extra={
            "page": (interfaces.Page, "The page, in its latest version (for a page target)."),
            "snippet": (interfaces.Snippet, "The snippet, in its latest version."),
        },
    )

    def resolve(info: Info, target: Any, **kwargs: Any) -> Any:
        def work(ctx: MutationContext) -> Any:
            user = ctx.require_user()
            obj = target_object(ctx, target)
            state = spec.work(user, obj, **kwargs)
            report_object(ctx, obj)
            return state

        return run_mutation(info.context.request, payload, "workflow_state", work)

    params = [
        ("target", argument(content_ref, "The page or snippet."), REQUIRED),
        *spec.params,
    ]
    resolver = resolver_with_signature(spec.name, resolve, params, payload)
    return strawberry.mutation(resolver=resolver, name=spec.name, description=spec.description)


def workflow_mutations(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Every workflow mutation, keyed by GraphQL name."""
    content_ref = content_ref_input(gen)
    return {spec.name: _field(gen, spec, content_ref) for spec in MUTATIONS}

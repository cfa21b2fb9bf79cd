"""Workflow mutations: ``startWorkflow``, ``approveWorkflowTask``, ``rejectWorkflowTask``,
``resubmitWorkflow``, ``cancelWorkflow`` and ``restartWorkflow``.

Each takes ``target: ContentRef!`` (a page or a snippet with WorkflowMixin), runs one
transition from ``steps`` in the pipeline's order, and returns ``{workflowState, page |
snippet, errors}``. The object's row is locked for the transaction, so two reviewers
acting at once are serialised: the second one finds the task already done
(``WorkflowStateError``). See docs/workflows.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import strawberry
from django.db.models import Model
from wagtail.models import Page, WorkflowMixin

from wagtail_graphql_write.generation import interfaces, names
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.generation.type_enums import model_of
from wagtail_graphql_write.generation.workflows import WorkflowState, content_ref_input
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.errors.failures import NotSupported
from wagtail_graphql_write.writes.guards import ensure_unlocked
from wagtail_graphql_write.writes.mutation import (
    Argument,
    MutationContext,
    MutationSpec,
    Payload,
    Step,
    keep,
)
from wagtail_graphql_write.writes.results import latest_version
from wagtail_graphql_write.writes.targets import locked_object, locked_page
from wagtail_graphql_write.writes.workflows import steps

TARGET_PATH = {"page": ["target", "page"], "snippet": ["target", "snippet", "id"]}


def find_target(ctx: MutationContext) -> Model:
    """The page or workflow snippet named by ``target``, its row locked."""
    target = ctx.args["target"]
    if target.get("page") is not None:
        return locked_page(ctx.request, target["page"], TARGET_PATH["page"])
    ref = target["snippet"]
    model = model_of(ref["type"])
    if not issubclass(model, WorkflowMixin):
        raise NotSupported(
            f"{names.type_name(model)} snippets have no workflows: the model has no WorkflowMixin.",
            ["target", "snippet", "type"],
        )
    return locked_object(ctx.request, model, ref["id"], TARGET_PATH["snippet"])


def _report(ctx: MutationContext, obj: Model, state: Any) -> Any:
    """Put the object, as it is after the step, in the payload's ``page`` or ``snippet``."""
    ctx.extra["page" if isinstance(obj, Page) else "snippet"] = latest_version(obj)
    return state


# ---- steps, in the (ctx, obj) shape of the pipeline ----------------------------------------


def may_edit(verb: str) -> Step:
    return lambda ctx, obj: steps.ensure_can_edit(ctx.user, obj, verb)


def may_review(ctx: MutationContext, obj: Model) -> None:
    steps.ensure_can_see(ctx.user, obj)


def unlocked(ctx: MutationContext, obj: Model) -> None:
    ensure_unlocked(obj, ctx.user)


def revisable(_ctx: MutationContext, obj: Model) -> None:
    steps.ensure_revisable(obj, TARGET_PATH["page"])


def reviewer_of(action_name: str) -> Step:
    """In review, and the current task offers ``action_name`` to this viewer."""

    def check(ctx: MutationContext, obj: Model) -> None:
        steps.state_in_review(obj)
        steps.ensure_task_action(ctx.user, obj, action_name)

    return check


def may_cancel(verb: str) -> Step:
    def check(ctx: MutationContext, obj: Model) -> None:
        state = steps.state_to_cancel(obj)
        steps.ensure_can_cancel(ctx.user, state, obj, verb)

    return check


def execute_start(ctx: MutationContext, found: tuple[Model, Any]) -> Any:
    obj, workflow = found
    return _report(ctx, obj, steps.start(ctx.user, obj, workflow))


def chosen_workflow(ctx: MutationContext, obj: Model) -> tuple[Model, Any]:
    return obj, steps.chosen_workflow(ctx.user, obj, ctx.args.get("workflow"))


def review_data(action_name: str) -> Step:
    def validate(ctx: MutationContext, obj: Model) -> tuple[Model, dict[str, Any]]:
        return obj, steps.action_data(obj, action_name, ctx.args.get("comment"))

    return validate


def execute_review(action_name: str) -> Step:
    def execute(ctx: MutationContext, found: tuple[Model, dict[str, Any]]) -> Any:
        obj, data = found
        return _report(ctx, obj, steps.review(ctx.user, obj, action_name, data))

    return execute


def transition(step: Any) -> Step:
    """A transition taking ``(user, obj)`` as an ``execute`` step."""
    return lambda ctx, obj: _report(ctx, obj, step(ctx.user, obj))


def needs_changes(step: str) -> Step:
    def check(_ctx: MutationContext, obj: Model) -> None:
        steps.state_needing_changes(obj, step)

    return check


def no_active_workflow(_ctx: MutationContext, obj: Model) -> None:
    steps.ensure_no_active_workflow(obj)


COMMENT = Argument(
    "comment",
    argument(str | None, "A comment for the editor, shown in the workflow history."),
    None,
)
WORKFLOW = Argument(
    "workflow",
    argument(
        strawberry.ID | None,
        "The workflow to submit to; the one assigned to the object when not sent. Another "
        "one needs permission to manage workflows.",
    ),
    None,
)


def _spec(
    content_ref: type,
    name: str,
    description: str,
    permission: Step,
    execute: Step,
    preconditions: Sequence[Step] = (),
    validate: Step = keep,
    arguments: Sequence[Argument] = (),
) -> MutationSpec:
    return MutationSpec(
        name=name,
        description=description,
        arguments=[
            Argument("target", argument(content_ref, "The page or snippet."), REQUIRED),
            *arguments,
        ],
        payload=Payload(
            "workflow_state",
            WorkflowState,
            "The object's workflow state after the step.",
            {
                "page": (interfaces.Page, "The page, in its latest version (for a page target)."),
                "snippet": (interfaces.Snippet, "The snippet, in its latest version."),
            },
        ),
        find=find_target,
        permission=permission,
        preconditions=preconditions,
        validate=validate,
        execute=execute,
    )


def workflow_specs(gen: TypeGenerator) -> list[MutationSpec]:
    """Every workflow mutation of the schema."""
    ref = content_ref_input(gen)
    return [
        _spec(
            ref, "startWorkflow",
            "Submit a page or snippet's latest revision for moderation, as the admin's "
            '"Submit to <workflow>".',
            may_edit("submit"), execute_start,
            [revisable, no_active_workflow, unlocked],
            chosen_workflow, [WORKFLOW],
        ),
        _spec(
            ref, "approveWorkflowTask",
            "Approve the current task (its reviewers only). Approving the last task "
            "publishes the object, as the approver.",
            may_review, execute_review("approve"), [reviewer_of("approve")],
            review_data("approve"), [COMMENT],
        ),
        _spec(
            ref, "rejectWorkflowTask",
            'Request changes on the current task, as the admin\'s "Request changes": the '
            "workflow then NEEDS_CHANGES until the editor resubmits it.",
            may_review, execute_review("reject"), [reviewer_of("reject")],
            review_data("reject"), [COMMENT],
        ),
        _spec(
            ref, "resubmitWorkflow",
            "Send a workflow whose reviewers requested changes back to the task that "
            "requested them, with the latest revision.",
            may_edit("resubmit"), transition(steps.resume),
            [revisable, needs_changes("resubmitted"), unlocked],
        ),
        _spec(
            ref, "cancelWorkflow",
            "Cancel the workflow in progress (the requester, the owner or a reviewer).",
            may_review, transition(steps.cancel), [may_cancel("cancel")],
        ),
        _spec(
            ref, "restartWorkflow",
            "Cancel a workflow whose reviewers requested changes and start it again from "
            "its first task.",
            may_edit("restart the workflow of"), transition(steps.restart),
            [revisable, needs_changes("restarted"), unlocked, may_cancel("restart")],
        ),
    ]  # fmt: skip

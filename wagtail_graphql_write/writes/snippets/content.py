"""``create<Snippet>``, ``update<Snippet>`` and ``delete<Snippet>`` through Wagtail's actions.

Create and update run the shared save sequence (``writes.save``), like pages.
Snippets with ``DraftStateMixin`` take ``action: SaveAction``; plain snippets save
directly and are validated whole, as in the admin. Revisable snippets also take
``expectedRevisionId``; lockable ones refuse writes while locked for the viewer.
"""

from __future__ import annotations

from typing import Any

import strawberry
from wagtail.actions import action_registry
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin

from wagtail_graphql_write.access.versions import latest_revision_object
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.revisions import SnippetRevision
from wagtail_graphql_write.registry import ExposedModel
from wagtail_graphql_write.writes import save
from wagtail_graphql_write.writes.arguments import (
    ACTION,
    DRY_RUN,
    EXPECTED_REVISION,
    REQUIRED,
    SaveOptions,
    save_payload_extra,
)
from wagtail_graphql_write.writes.errors.failures import NotSupported
from wagtail_graphql_write.writes.guards import ensure_expected_revision, ensure_unlocked
from wagtail_graphql_write.writes.mutation import (
    Argument,
    MutationContext,
    MutationSpec,
    Payload,
    Step,
)
from wagtail_graphql_write.writes.targets import locked_object


def _snippet_payload(gen: TypeGenerator, exposed: ExposedModel, description: str) -> Payload:
    revision_type = SnippetRevision if exposed.has_mixin(RevisionMixin) else None
    extra = save_payload_extra(revision_type, workflows=exposed.has_mixin(WorkflowMixin))
    return Payload("snippet", gen.object_type(exposed.model), description, extra)


def _save_arguments(exposed: ExposedModel, update: bool) -> list[Argument]:
    arguments: list[Argument] = []
    if exposed.has_mixin(DraftStateMixin):
        arguments.append(ACTION)
    if update and exposed.has_mixin(RevisionMixin):
        arguments.append(EXPECTED_REVISION)
    arguments.append(DRY_RUN)
    return arguments


def submittable(exposed: ExposedModel) -> Step:
    """``action: SUBMIT`` needs WorkflowMixin, then what every submit needs."""

    def check(ctx: MutationContext, job: save.Save) -> None:
        if job.options.submit and not exposed.has_mixin(WorkflowMixin):
            raise NotSupported(
                f"{names.type_name(exposed.model)} snippets have no workflows (WorkflowMixin): "
                "use SAVE_DRAFT or PUBLISH.",
                ["action"],
            )
        save.check_submit(ctx, job)

    return check


def create_spec(gen: TypeGenerator, exposed: ExposedModel) -> MutationSpec:
    def find(ctx: MutationContext) -> save.Save:
        options = SaveOptions.from_args(ctx.args)
        return save.Save(gen.registry, exposed, exposed.model(), ctx.args["input"], options)

    return MutationSpec(
        name=names.mutation_name("create", exposed.model),
        description=f"Create a {names.type_name(exposed.model)}.",
        arguments=[
            Argument("input", gen.create_input(exposed.model), REQUIRED),
            *_save_arguments(exposed, update=False),
        ],
        payload=_snippet_payload(gen, exposed, "The created snippet."),
        find=find,
        permission=save.check_action_permission,
        preconditions=[submittable(exposed)],
        validate=save.validate,
        execute=save.execute,
    )


def unlocked_snippet(ctx: MutationContext, job: save.Save) -> None:
    ensure_unlocked(job.existing, ctx.user)


def expected_revision(_ctx: MutationContext, job: save.Save) -> None:
    ensure_expected_revision(job.existing, job.options.expected_revision_id)


def update_spec(gen: TypeGenerator, exposed: ExposedModel) -> MutationSpec:
    def find(ctx: MutationContext) -> save.Save:
        obj = locked_object(ctx.request, exposed.model, ctx.args["id"], ["id"])
        editable = latest_revision_object(obj) if isinstance(obj, RevisionMixin) else obj
        options = SaveOptions.from_args(ctx.args)
        return save.Save(gen.registry, exposed, editable, ctx.args["input"], options, existing=obj)

    return MutationSpec(
        name=names.mutation_name("update", exposed.model),
        description=f"Edit a {names.type_name(exposed.model)}; fields not sent keep their value.",
        arguments=[
            Argument("id", strawberry.ID, REQUIRED),
            Argument("input", gen.update_input(exposed.model), REQUIRED),
            *_save_arguments(exposed, update=True),
        ],
        payload=_snippet_payload(gen, exposed, "The snippet in its latest version."),
        find=find,
        permission=save.check_action_permission,
        preconditions=[unlocked_snippet, expected_revision, submittable(exposed)],
        validate=save.validate,
        execute=save.execute,
    )


def _delete_action(ctx: MutationContext, obj: Any) -> Any:
    return action_registry.get_action_class(type(obj), "delete")(obj, user=ctx.user)


def may_delete(ctx: MutationContext, obj: Any) -> None:
    action = _delete_action(ctx, obj)
    if not action.user_has_permission():
        raise action.permission_error_class(
            f"You do not have permission to delete this {obj._meta.verbose_name}."
        )


def execute_delete(ctx: MutationContext, obj: Any) -> str:
    object_id = str(obj.pk)
    _delete_action(ctx, obj).execute()
    return object_id


def delete_spec(exposed: ExposedModel) -> MutationSpec:
    return MutationSpec(
        name=names.mutation_name("delete", exposed.model),
        description=f"Delete a {names.type_name(exposed.model)}.",
        arguments=[Argument("id", strawberry.ID, REQUIRED)],
        payload=Payload("deleted_id", strawberry.ID, "The id of the deleted snippet."),
        find=lambda ctx: locked_object(ctx.request, exposed.model, ctx.args["id"], ["id"]),
        permission=may_delete,
        preconditions=[lambda ctx, obj: ensure_unlocked(obj, ctx.user)],
        execute=execute_delete,
    )


def content_specs(gen: TypeGenerator) -> list[MutationSpec]:
    """Create/update (when the snippet has writable fields) and delete, per snippet model."""
    specs: list[MutationSpec] = []
    for exposed in gen.registry.snippets:
        if exposed.creatable and gen.writable_input_fields(exposed):
            specs += [create_spec(gen, exposed), update_spec(gen, exposed)]
        specs.append(delete_spec(exposed))
    return specs

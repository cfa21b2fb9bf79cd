"""``create<Snippet>``, ``update<Snippet>`` and ``delete<Snippet>`` through Wagtail's actions.

Snippets with ``DraftStateMixin`` take ``action: SaveAction`` like pages; plain
snippets save directly, as in the admin. Revisable snippets also take
``expectedRevisionId``; lockable ones refuse writes while locked for the viewer.
"""

from __future__ import annotations

from typing import Any

import strawberry
from django.db.models import Model
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.actions import action_registry
from wagtail.models import DraftStateMixin, RevisionMixin, WorkflowMixin

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import payload_type, resolver_with_signature
from wagtail_graphql_write.registry import ExposedModel
from wagtail_graphql_write.writes import workflow_steps
from wagtail_graphql_write.writes.arguments import (
    ACTION,
    DRY_RUN,
    EXPECTED_REVISION,
    REQUIRED,
    SUBMITTED_STATE,
    SaveOptions,
)
from wagtail_graphql_write.writes.failures import NotSupported
from wagtail_graphql_write.writes.forms import bind_form, execute_with_form
from wagtail_graphql_write.writes.guards import ensure_expected_revision, ensure_unlocked, lock_row
from wagtail_graphql_write.writes.run import MutationContext, run_mutation
from wagtail_graphql_write.writes.values import input_to_dict


def latest_snippet(instance: Model) -> Model:
    fresh = type(instance)._default_manager.get(pk=instance.pk)
    if isinstance(fresh, RevisionMixin):
        return fresh.get_latest_revision_as_object()
    return fresh


def _publish(exposed: ExposedModel, options: SaveOptions) -> bool:
    return options.publish and exposed.has_mixin(DraftStateMixin)


def _check_submit(exposed: ExposedModel, options: SaveOptions, instance: Model, user: Any) -> None:
    """``action: SUBMIT`` needs WorkflowMixin, an assigned workflow, none in progress."""
    if not options.submit:
        return
    if not exposed.has_mixin(WorkflowMixin):
        raise NotSupported(
            f"{names.type_name(exposed.model)} snippets have no workflows (WorkflowMixin): "
            "use SAVE_DRAFT or PUBLISH.",
            ["action"],
        )
    if instance.pk is None:
        workflow_steps.assigned_workflow(instance, ["action"])
    else:
        workflow_steps.check_submit_after_save(user, instance, ["action"])


def _submit(ctx: MutationContext, options: SaveOptions, instance: Model, user: Any) -> None:
    if options.submits_now:
        state = workflow_steps.submit_after_save(user, instance, ["action"])
        ctx.extra["workflow_state"] = state


def create_snippet(
    ctx: MutationContext,
    gen: TypeGenerator,
    exposed: ExposedModel,
    payload: dict[str, Any],
    options: SaveOptions,
) -> Model:
    user = ctx.require_user()
    instance = exposed.model()
    _check_submit(exposed, options, instance, user)
    form, binding = bind_form(gen.registry, exposed, payload, instance, user)
    action_class = action_registry.get_action_class(exposed.model, "create")
    result = action_class(
        form.instance,
        user=user,
        form=form,
        publish=_publish(exposed, options),
        clean=options.clean,
    )
    execute_with_form(ctx, result, form, binding, strict=options.validates_fully)
    _submit(ctx, options, result.instance, user)
    return latest_snippet(result.instance)


def update_snippet(
    ctx: MutationContext,
    gen: TypeGenerator,
    exposed: ExposedModel,
    object_id: str,
    payload: dict[str, Any],
    options: SaveOptions,
) -> Model:
    user = ctx.require_user()
    instance = lock_row(exposed.model, object_id, ["id"])
    ensure_expected_revision(instance, options.expected_revision_id)
    ensure_unlocked(instance, user)
    _check_submit(exposed, options, instance, user)
    editable = (
        instance.get_latest_revision_as_object()
        if isinstance(instance, RevisionMixin)
        else instance
    )
    form, binding = bind_form(gen.registry, exposed, payload, editable, user)
    action_class = action_registry.get_action_class(exposed.model, "edit")
    result = action_class(
        form.instance,
        user=user,
        form=form,
        publish=_publish(exposed, options),
        clean=options.clean,
    )
    execute_with_form(ctx, result, form, binding, strict=options.validates_fully)
    _submit(ctx, options, instance, user)
    return latest_snippet(instance)


def delete_snippet(ctx: MutationContext, exposed: ExposedModel, object_id: str) -> str:
    user = ctx.require_user()
    instance = lock_row(exposed.model, object_id, ["id"])
    ensure_unlocked(instance, user)
    action_registry.get_action_class(exposed.model, "delete")(instance, user=user).execute()
    return str(object_id)


def _save_parameters(exposed: ExposedModel, update: bool) -> list[tuple[str, Any, Any]]:
    params: list[tuple[str, Any, Any]] = []
    if exposed.has_mixin(DraftStateMixin):
        params.append(ACTION)
    if update and exposed.has_mixin(RevisionMixin):
        params.append(EXPECTED_REVISION)
    params.append(DRY_RUN)
    return params


def _submitted_state(exposed: ExposedModel) -> dict[str, tuple[Any, str]] | None:
    return SUBMITTED_STATE if exposed.has_mixin(WorkflowMixin) else None


def _mutation(name: str, resolver: Any, description: str) -> StrawberryField:
    return strawberry.mutation(resolver=resolver, name=name, description=description)


def _options(kwargs: dict[str, Any]) -> SaveOptions:
    return SaveOptions(
        kwargs.get("action"), kwargs.get("expected_revision_id"), bool(kwargs.get("dry_run"))
    )


def _create_field(gen: TypeGenerator, exposed: ExposedModel) -> StrawberryField:
    mutation = names.mutation_name("create", exposed.model)
    payload = payload_type(
        gen.names,
        mutation,
        "snippet",
        gen.object_type(exposed.model),
        "The created snippet.",
        _submitted_state(exposed),
    )

    def resolve(info: Info, input: Any, **kwargs: Any) -> Any:
        options = _options(kwargs)
        return run_mutation(
            info.context.request,
            payload,
            "snippet",
            lambda ctx: create_snippet(ctx, gen, exposed, input_to_dict(input), options),
            dry_run=options.dry_run,
        )

    params = [
        ("input", gen.create_input(exposed.model), REQUIRED),
        *_save_parameters(exposed, update=False),
    ]
    resolver = resolver_with_signature(mutation, resolve, params, payload)
    return _mutation(mutation, resolver, f"Create a {names.type_name(exposed.model)}.")


def _update_field(gen: TypeGenerator, exposed: ExposedModel) -> StrawberryField:
    mutation = names.mutation_name("update", exposed.model)
    payload = payload_type(
        gen.names,
        mutation,
        "snippet",
        gen.object_type(exposed.model),
        "The snippet in its latest version.",
        _submitted_state(exposed),
    )

    def resolve(info: Info, id: str, input: Any, **kwargs: Any) -> Any:
        options = _options(kwargs)
        return run_mutation(
            info.context.request,
            payload,
            "snippet",
            lambda ctx: update_snippet(ctx, gen, exposed, id, input_to_dict(input), options),
            dry_run=options.dry_run,
        )

    params = [
        ("id", strawberry.ID, REQUIRED),
        ("input", gen.update_input(exposed.model), REQUIRED),
        *_save_parameters(exposed, update=True),
    ]
    resolver = resolver_with_signature(mutation, resolve, params, payload)
    return _mutation(
        mutation,
        resolver,
        f"Edit a {names.type_name(exposed.model)}; fields not sent keep their value.",
    )


def _delete_field(gen: TypeGenerator, exposed: ExposedModel) -> StrawberryField:
    mutation = names.mutation_name("delete", exposed.model)
    payload = payload_type(
        gen.names, mutation, "deleted_id", strawberry.ID, "The id of the deleted snippet."
    )

    def resolve(info: Info, id: str) -> Any:
        return run_mutation(
            info.context.request,
            payload,
            "deleted_id",
            lambda ctx: delete_snippet(ctx, exposed, id),
        )

    resolver = resolver_with_signature(
        mutation, resolve, [("id", strawberry.ID, REQUIRED)], payload
    )
    return _mutation(mutation, resolver, f"Delete a {names.type_name(exposed.model)}.")


def snippet_mutations(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Create/update (when the snippet has writable fields) and delete, per snippet model."""
    fields: dict[str, StrawberryField] = {}
    for exposed in gen.registry.snippets:
        if exposed.creatable and gen.writable_input_fields(exposed):
            fields[names.mutation_name("create", exposed.model)] = _create_field(gen, exposed)
            fields[names.mutation_name("update", exposed.model)] = _update_field(gen, exposed)
        fields[names.mutation_name("delete", exposed.model)] = _delete_field(gen, exposed)
    return fields

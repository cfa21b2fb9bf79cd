"""``create<PageType>`` and ``update<PageType>``: the admin's create and edit views as mutations.

Both bind the page model's admin form and run Wagtail's ``create``/``edit`` actions
from ``action_registry``, so permissions, revisions, signals, hooks and the audit log
are the admin's own.
"""

from __future__ import annotations

from typing import Any

import strawberry
from django.http import HttpRequest
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.actions import action_registry
from wagtail.models import Page

from wagtail_graphql_write.access.pages import page_by_reference
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import (
    argument,
    payload_type,
    resolver_with_signature,
)
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
from wagtail_graphql_write.writes.failures import NotFound, TreeViolation
from wagtail_graphql_write.writes.forms import bind_form, execute_with_form
from wagtail_graphql_write.writes.guards import ensure_expected_revision, ensure_unlocked, lock_row
from wagtail_graphql_write.writes.run import MutationContext, run_mutation
from wagtail_graphql_write.writes.values import input_to_dict


def find_page(request: HttpRequest, reference: str, path: list[str]) -> Page:
    """A page by id or URL path, or ``NotFound`` pointing at the argument."""
    page = page_by_reference(request, reference)
    if page is None:
        raise NotFound(f"No page matches {reference!r}.", path)
    return page.specific


def latest_version(page: Page) -> Any:
    """The page as its latest revision says, with live flags from the database."""
    fresh = Page.objects.get(pk=page.pk).specific
    return fresh.get_latest_revision_as_object()


def _check_can_create(user: Any, model: type[Page], parent: Page) -> None:
    from django.core.exceptions import PermissionDenied

    if not parent.permissions_for_user(user).can_add_subpage():
        raise PermissionDenied("You do not have permission to add a page under this parent.")
    if model not in parent.specific_class.creatable_subpage_models() or not model.can_create_at(
        parent
    ):
        raise TreeViolation(
            f"A {names.type_name(model)} cannot be created under "
            f"{names.type_name(parent.specific_class)} {parent.pk}.",
            "page_type_not_allowed",
            ["parent"],
        )


def _fill_slug(page: Page, parent: Page, payload: dict[str, Any]) -> None:
    """Derive a unique slug from the title, as the admin's JavaScript does."""
    if payload.get("slug") or not payload.get("title"):
        return
    page.title = payload["title"]
    page._cached_parent_obj = parent  # lets minimal_clean de-duplicate among siblings
    page.minimal_clean()
    page._cached_parent_obj = None
    payload["slug"] = page.slug


def create_page(
    ctx: MutationContext,
    gen: TypeGenerator,
    exposed: ExposedModel,
    parent_ref: str,
    payload: dict[str, Any],
    options: SaveOptions,
) -> Any:
    user = ctx.require_user()
    model = exposed.model
    parent = find_page(ctx.request, parent_ref, ["parent"])
    _check_can_create(user, model, parent)
    page = model(owner=user, locale=parent.locale)
    if options.submit:  # a new page is moderated by its parent's workflow, as in the admin
        workflow_steps.assigned_workflow(parent, ["action"])
    _fill_slug(page, parent, payload)
    form, binding = bind_form(gen.registry, exposed, payload, page, user, parent_page=parent)
    action_class = action_registry.get_action_class(model, "create")
    result = action_class(
        form.instance, parent, user=user, form=form, publish=options.publish, clean=options.clean
    )
    execute_with_form(ctx, result, form, binding, strict=options.validates_fully)
    if options.submits_now:
        ctx.extra["workflow_state"] = workflow_steps.submit_after_save(
            user, result.instance, ["action"]
        )
    return latest_version(result.instance)


def update_page(
    ctx: MutationContext,
    gen: TypeGenerator,
    exposed: ExposedModel,
    page_id: str,
    payload: dict[str, Any],
    options: SaveOptions,
) -> Any:
    user = ctx.require_user()
    page = lock_row(exposed.model, page_id, ["id"])
    ensure_expected_revision(page, options.expected_revision_id)
    ensure_unlocked(page, user)
    if options.submit:
        workflow_steps.check_submit_after_save(user, page, ["action"])
    latest = page.get_latest_revision_as_object()
    form, binding = bind_form(
        gen.registry, exposed, payload, latest, user, parent_page=page.get_parent()
    )
    action_class = action_registry.get_action_class(exposed.model, "edit")
    result = action_class(
        form.instance, user=user, form=form, publish=options.publish, clean=options.clean
    )
    execute_with_form(ctx, result, form, binding, strict=options.validates_fully)
    if options.submits_now:
        ctx.extra["workflow_state"] = workflow_steps.submit_after_save(user, page, ["action"])
    return latest_version(page)


def _create_field(gen: TypeGenerator, exposed: ExposedModel) -> tuple[str, StrawberryField]:
    mutation = names.mutation_name("create", exposed.model)
    object_type = gen.object_type(exposed.model)
    payload = payload_type(
        gen.names, mutation, "page", object_type, "The created page.", SUBMITTED_STATE
    )

    def resolve(info: Info, parent: str, input: Any, action: SaveAction, dry_run: bool) -> Any:
        options = SaveOptions(action=action, dry_run=dry_run)
        return run_mutation(
            info.context.request,
            payload,
            "page",
            lambda ctx: create_page(ctx, gen, exposed, parent, input_to_dict(input), options),
            dry_run=dry_run,
        )

    parent_doc = 'The parent page: an id, or a URL path like "/blog/".'
    params = [
        ("parent", argument(strawberry.ID, parent_doc), REQUIRED),
        ("input", gen.create_input(exposed.model), REQUIRED),
        ACTION,
        DRY_RUN,
    ]
    resolver = resolver_with_signature(mutation, resolve, params, payload)
    description = (
        f"Create a {names.type_name(exposed.model)} under a parent page, as a draft or published."
    )
    return mutation, strawberry.mutation(resolver=resolver, name=mutation, description=description)


def _update_field(gen: TypeGenerator, exposed: ExposedModel) -> tuple[str, StrawberryField]:
    mutation = names.mutation_name("update", exposed.model)
    object_type = gen.object_type(exposed.model)
    payload = payload_type(
        gen.names, mutation, "page", object_type, "The page in its latest version.", SUBMITTED_STATE
    )

    def resolve(
        info: Info,
        id: str,
        input: Any,
        action: SaveAction,
        expected_revision_id: Any,
        dry_run: bool,
    ) -> Any:
        options = SaveOptions(action, expected_revision_id, dry_run)
        return run_mutation(
            info.context.request,
            payload,
            "page",
            lambda ctx: update_page(ctx, gen, exposed, id, input_to_dict(input), options),
            dry_run=dry_run,
        )

    params = [
        ("id", strawberry.ID, REQUIRED),
        ("input", gen.update_input(exposed.model), REQUIRED),
        ACTION,
        EXPECTED_REVISION,
        DRY_RUN,
    ]
    resolver = resolver_with_signature(mutation, resolve, params, payload)
    description = (
        f"Edit a {names.type_name(exposed.model)}: fields not sent keep their value. "
        "Every update is a new revision; a live page stays as published until PUBLISH."
    )
    return mutation, strawberry.mutation(resolver=resolver, name=mutation, description=description)


def page_mutations(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Create and update mutations for every exposed page type."""
    fields: dict[str, StrawberryField] = {}
    for exposed in gen.registry.pages:
        if exposed.model is Page:
            continue
        if exposed.creatable and gen.writable_input_fields(exposed):
            name, field = _create_field(gen, exposed)
            fields[name] = field
        name, field = _update_field(gen, exposed)
        fields[name] = field
    return fields

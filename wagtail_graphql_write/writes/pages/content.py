"""``create<PageType>`` and ``update<PageType>``: the admin's create and edit views.

Both run the shared save sequence (``writes.save``): the page model's admin form and
Wagtail's ``create``/``edit`` actions, so permissions, revisions, signals, hooks and
the audit log are the admin's own. What is particular to pages is here: the parent,
the page type rules of the tree, and slugs.
"""

from __future__ import annotations

from typing import Any

import strawberry
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.utils.text import slugify
from wagtail.actions.create import CreatePermissionError
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from wagtail_graphql_write.access.versions import latest_revision_object
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.generation.revisions import PageRevision
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
from wagtail_graphql_write.writes.errors.failures import InvalidInput
from wagtail_graphql_write.writes.guards import ensure_expected_revision
from wagtail_graphql_write.writes.mutation import Argument, MutationContext, MutationSpec, Payload
from wagtail_graphql_write.writes.pages.common import (
    PAGE_REFERENCE,
    page_type_not_allowed,
    unlocked,
)
from wagtail_graphql_write.writes.targets import locked_object, visible_page


def _slug_problems(ctx: MutationContext, job: save.Save) -> list[InvalidInput]:
    """A slug the client sent must be free among the siblings; one it did not send is
    made from the title and numbered until it is (``find_available_slug``, as copies)."""
    payload, parent = job.payload, job.parent
    if "slug" not in payload:
        title = payload.get("title") if job.creating else None
        allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
        base = slugify(str(title or ""), allow_unicode=allow_unicode)
        if base and parent is not None:
            payload["slug"] = find_available_slug(parent, base)
        else:
            job.derived.append(["input", "slug"])
        return []
    slug = payload["slug"]
    if slug and parent is not None and not Page._slug_is_available(slug, parent, job.existing):
        message = f"The slug '{slug}' is already in use within the parent page."
        return [InvalidInput(message, "slug_in_use", ["input", "slug"])]
    return []


def validate_page(ctx: MutationContext, job: save.Save) -> save.Save:
    job.problems = _slug_problems(ctx, job)
    return save.validate(ctx, job)


def _find_new(gen: TypeGenerator, exposed: ExposedModel) -> Any:
    def find(ctx: MutationContext) -> save.Save:
        parent = visible_page(ctx.request, ctx.args["parent"], ["parent"])
        page = exposed.model(owner=ctx.user, locale=parent.locale)
        return save.Save(
            gen.registry, exposed, page, ctx.args["input"], SaveOptions.from_args(ctx.args),
            parent=parent,
        )  # fmt: skip

    return find


def may_add_here(ctx: MutationContext, job: save.Save) -> None:
    """The admin's "add child page" permission; publishing also needs publish there."""
    perms = job.parent.permissions_for_user(ctx.user)  # type: ignore[union-attr]
    if not perms.can_add_subpage():
        raise PermissionDenied("You do not have permission to add a page under this parent.")
    if job.options.publish and not perms.can_publish_subpage():
        raise CreatePermissionError("You do not have permission to publish this page.")


def type_allowed_here(_ctx: MutationContext, job: save.Save) -> None:
    """``parent_page_types``, ``subpage_types``, ``max_count``...: a tree rule, not a
    permission, so the client learns why (Wagtail folds it into "permission denied")."""
    model: Any = job.exposed.model
    parent: Any = job.parent
    if model not in parent.specific_class.creatable_subpage_models() or not model.can_create_at(
        parent
    ):
        raise page_type_not_allowed(model, parent, "parent")


def create_spec(gen: TypeGenerator, exposed: ExposedModel) -> MutationSpec:
    type_name = names.type_name(exposed.model)
    parent_doc = f"The parent page: {PAGE_REFERENCE}."
    return MutationSpec(
        name=names.mutation_name("create", exposed.model),
        description=f"Create a {type_name} under a parent page, as a draft or published.",
        arguments=[
            Argument("parent", argument(strawberry.ID, parent_doc), REQUIRED),
            Argument("input", gen.create_input(exposed.model), REQUIRED),
            ACTION,
            DRY_RUN,
        ],
        payload=Payload(
            "page",
            gen.object_type(exposed.model),
            "The created page.",
            save_payload_extra(PageRevision, workflows=True),
        ),
        find=_find_new(gen, exposed),
        permission=may_add_here,
        preconditions=[type_allowed_here, save.check_submit],
        validate=validate_page,
        execute=save.execute,
    )


def _find_existing(gen: TypeGenerator, exposed: ExposedModel) -> Any:
    def find(ctx: MutationContext) -> save.Save:
        page = locked_object(ctx.request, exposed.model, ctx.args["id"], ["id"])
        return save.Save(
            gen.registry, exposed, latest_revision_object(page), ctx.args["input"],
            SaveOptions.from_args(ctx.args), existing=page, parent=page.get_parent(),
        )  # fmt: skip

    return find


def unlocked_page(ctx: MutationContext, job: save.Save) -> None:
    unlocked(ctx, job.existing)


def expected_revision(_ctx: MutationContext, job: save.Save) -> None:
    ensure_expected_revision(job.existing, job.options.expected_revision_id)


def update_spec(gen: TypeGenerator, exposed: ExposedModel) -> MutationSpec:
    type_name = names.type_name(exposed.model)
    return MutationSpec(
        name=names.mutation_name("update", exposed.model),
        description=(
            f"Edit a {type_name}: fields not sent keep their value. Every update is a new "
            "revision; a live page stays as published until PUBLISH."
        ),
        arguments=[
            Argument("id", strawberry.ID, REQUIRED),
            Argument("input", gen.update_input(exposed.model), REQUIRED),
            ACTION,
            EXPECTED_REVISION,
            DRY_RUN,
        ],
        payload=Payload(
            "page",
            gen.object_type(exposed.model),
            "The page in its latest version.",
            save_payload_extra(PageRevision, workflows=True),
        ),
        find=_find_existing(gen, exposed),
        permission=save.check_action_permission,
        preconditions=[unlocked_page, expected_revision, save.check_submit],
        validate=validate_page,
        execute=save.execute,
    )


def content_specs(gen: TypeGenerator) -> list[MutationSpec]:
    """Create and update for every exposed page type (create only where it can be)."""
    specs: list[MutationSpec] = []
    for exposed in gen.registry.pages:
        if exposed.model is Page:
            continue
        if exposed.creatable and gen.writable_input_fields(exposed):
            specs.append(create_spec(gen, exposed))
        specs.append(update_spec(gen, exposed))
    return specs

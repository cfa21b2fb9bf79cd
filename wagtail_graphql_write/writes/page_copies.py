"""``copyPage``, ``createPageAlias``, ``convertPageAlias`` and ``copyPageForTranslation``.

All four make pages from a page, through Wagtail's copy, alias, convert-alias and
translation actions. The checks come in the admin copy form's order (may the page
be copied at all, tree rules, permission at the destination, then title and slug),
with tree rules reported as ``TreeError`` codes rather than folded into "permission
denied" as Wagtail's ``can_copy_to`` does.
"""

from __future__ import annotations

from typing import Any

import strawberry
from wagtail.actions import action_registry
from wagtail.actions.copy_page import CopyPagePermissionError

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.failures import (
    InvalidInput,
    InvalidInputs,
    TreeViolation,
)
from wagtail_graphql_write.writes.locales import target_locale
from wagtail_graphql_write.writes.page_common import (
    PAGE_ID,
    PAGE_REFERENCE,
    ActionSpec,
    flag,
    new_slug,
    new_title,
    optional,
    other_page,
    target_page,
)
from wagtail_graphql_write.writes.pages import find_page, latest_version
from wagtail_graphql_write.writes.run import MutationContext


def _copy_source(ctx: MutationContext, id: str, destination: str | None) -> tuple[Any, Any]:
    """The page to copy and the parent of the copy (by default the page's own parent).

    ``can_copy`` (edit permission on the source) comes first, as the admin's copy view
    checks it before showing the form.
    """
    user = ctx.require_user()
    page = find_page(ctx.request, id, ["id"])
    if not page.permissions_for_user(user).can_copy():
        raise CopyPagePermissionError("You do not have permission to copy this page.")
    parent = other_page(ctx, destination, "destination") or page.get_parent().specific
    return page, parent


def check_copy_tree(page: Any, parent: Any, recursive: bool) -> None:
    """Tree rules of a copy or alias: no subtree into itself, a type the parent allows."""
    if recursive and (parent.pk == page.pk or parent.is_descendant_of(page)):
        raise TreeViolation(
            f"Page {page.pk} cannot be copied with its subtree into itself or a descendant.",
            "copy_into_descendant",
            ["destination"],
        )
    if not page.specific_class.can_create_at(parent):
        raise TreeViolation(
            f"A {names.type_name(page.specific_class)} cannot be created under "
            f"{names.type_name(parent.specific_class)} {parent.pk}.",
            "page_type_not_allowed",
            ["destination"],
        )


def _title_and_slug(page: Any, parent: Any, title: str | None, slug: str | None) -> dict[str, str]:
    """Both checked before anything is saved, so both errors come back together."""
    attrs: dict[str, str] = {}
    problems: list[InvalidInput] = []
    try:
        attrs["title"] = new_title(title, page)
    except InvalidInput as exc:
        problems.append(exc)
    try:
        attrs["slug"] = new_slug(parent, page, slug)
    except InvalidInput as exc:
        problems.append(exc)
    if problems:
        raise InvalidInputs(problems)
    return attrs


def copy_page(
    ctx: MutationContext,
    id: str,
    destination: str | None = None,
    recursive: bool = False,
    keep_live: bool = False,
    title: str | None = None,
    slug: str | None = None,
) -> Any:
    """Copy a page (and its subtree if asked) with Wagtail's copy action."""
    page, parent = _copy_source(ctx, id, destination)
    check_copy_tree(page, parent, recursive)
    copy_class = action_registry.get_action_class(type(page), "copy")
    options = {"to": parent, "recursive": recursive, "keep_live": keep_live, "user": ctx.user}
    copy_class(page=page, **options).check()  # may copy there (and publish, for keepLive)
    update_attrs = _title_and_slug(page, parent, title, slug)
    return latest_version(copy_class(page=page, update_attrs=update_attrs, **options).execute())


def create_page_alias(
    ctx: MutationContext,
    id: str,
    destination: str | None = None,
    slug: str | None = None,
    recursive: bool = False,
) -> Any:
    """Create an alias (a live mirror of the page) with Wagtail's alias action."""
    page, parent = _copy_source(ctx, id, destination)
    check_copy_tree(page, parent, recursive)
    alias_class = action_registry.get_action_class(type(page), "create_alias")
    options = {"recursive": recursive, "parent": parent, "user": ctx.user}
    alias_class(page, **options).check()  # may copy there, and publish: aliases are live
    update_slug = new_slug(parent, page, slug)
    return latest_version(alias_class(page, update_slug=update_slug, **options).execute())


def convert_page_alias(ctx: MutationContext, id: str) -> Any:
    """Turn an alias into an ordinary page, with a first revision of its own."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    action_registry.get_action_class(type(page), "convert_alias")(page, user=user).execute()
    page.refresh_from_db()
    ctx.extra["revision"] = page.latest_revision
    return latest_version(page)


def copy_page_for_translation(
    ctx: MutationContext,
    id: str,
    locale: str,
    copy_parents: bool = False,
    alias: bool = False,
) -> Any:
    """Create the page's translation in another locale, as a draft copy or an alias."""
    user = ctx.require_user()
    page = find_page(ctx.request, id, ["id"])
    target = target_locale(locale)
    action_class = action_registry.get_action_class(type(page), "copy_for_translation")
    action = action_class(page, target, copy_parents=copy_parents, alias=alias, user=user)
    action.check()
    if page.get_translation_or_none(target) is not None:
        raise TreeViolation(
            f"Page {page.pk} already has a translation in {locale!r}.",
            "already_translated",
            ["locale"],
        )
    return latest_version(action.execute())


COPY = ActionSpec(
    name="copyPage",
    description="Copy a page, and with recursive its subtree, as the admin's Copy.",
    params=[
        PAGE_ID,
        optional(
            "destination",
            strawberry.ID,
            f"The copy's parent: {PAGE_REFERENCE}; the page's own parent when not sent.",
        ),
        flag("recursive", "Copy the page's descendants too."),
        flag(
            "keep_live",
            "Publish the copies of live pages (needs publish permission at the destination); "
            "otherwise every copy is a draft.",
        ),
        optional("title", str, "The copy's title; the page's title when not sent."),
        optional(
            "slug", str, "The copy's slug; the page's slug, numbered if taken, when not sent."
        ),
    ],
    work=copy_page,
    object_description="The new copy, in its latest version.",
)

CREATE_ALIAS = ActionSpec(
    name="createPageAlias",
    description=(
        "Create an alias of a page: a page that mirrors the original and follows its "
        "changes. Needs publish permission at the destination, as aliases are live."
    ),
    params=[
        PAGE_ID,
        optional(
            "destination",
            strawberry.ID,
            f"The alias's parent: {PAGE_REFERENCE}; the page's own parent when not sent.",
        ),
        optional(
            "slug", str, "The alias's slug; the page's slug, numbered if taken, when not sent."
        ),
        flag("recursive", "Create aliases of the page's descendants too."),
    ],
    work=create_page_alias,
    object_description="The new alias.",
)

CONVERT_ALIAS = ActionSpec(
    name="convertPageAlias",
    description="Turn an alias into an ordinary, independently editable page.",
    params=[PAGE_ID],
    work=convert_page_alias,
    revision="The page's first revision, made by the conversion.",
)

COPY_FOR_TRANSLATION = ActionSpec(
    name="copyPageForTranslation",
    description=(
        "Create the translation of a page in another locale (a draft copy, or an alias), "
        "under the translation of its parent. Needs WAGTAIL_I18N_ENABLED."
    ),
    params=[
        PAGE_ID,
        ("locale", argument(str, 'The target locale\'s language code, e.g. "fr".'), REQUIRED),
        flag("copy_parents", "Also translate ancestors that have no translation yet."),
        flag("alias", "Create the translation as an alias of the page."),
    ],
    work=copy_page_for_translation,
    object_description="The new translation, in its latest version.",
)

SPECS = (COPY, CREATE_ALIAS, CONVERT_ALIAS, COPY_FOR_TRANSLATION)

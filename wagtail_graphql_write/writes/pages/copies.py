"""``copyPage``, ``createPageAlias``, ``convertPageAlias`` and ``copyPageForTranslation``.

All four make pages from a page, through Wagtail's copy, alias, convert-alias and
translation actions. The checks come in the pipeline's order, which is also the admin
copy form's: may the page be copied at all (edit permission on it), tree rules, then
the action's own permission check at the destination, then title and slug; tree rules
are reported as ``TreeError`` codes rather than folded into "permission denied" as
Wagtail's ``can_copy_to`` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import strawberry
from django import forms
from django.conf import settings
from wagtail.actions import action_registry
from wagtail.actions.convert_alias import ConvertAliasPageError
from wagtail.actions.copy_page import CopyPagePermissionError
from wagtail.coreutils import find_available_slug
from wagtail.models import Page as PageModel

from wagtail_graphql_write.writes.arguments import flag, optional, required
from wagtail_graphql_write.writes.errors.failures import InputErrors, InvalidInput, TreeViolation
from wagtail_graphql_write.writes.locales import untranslated_locale
from wagtail_graphql_write.writes.mutation import MutationContext, MutationSpec
from wagtail_graphql_write.writes.pages.common import (
    PAGE_ID,
    PAGE_REFERENCE,
    allowed,
    find_page,
    page_payload,
    page_type_not_allowed,
)
from wagtail_graphql_write.writes.results import latest_version
from wagtail_graphql_write.writes.targets import optional_page, visible_page


@dataclass(frozen=True)
class Copy:
    """The page to copy and the parent of the copy (by default the page's own parent)."""

    page: Any
    parent: Any


def find_copy_source(ctx: MutationContext) -> Any:
    """The page a copy, alias or translation is made from (it is not changed: no row lock)."""
    return visible_page(ctx.request, ctx.args["id"], ["id"])


def find_copy(ctx: MutationContext) -> Copy:
    page = find_copy_source(ctx)
    destination = optional_page(ctx.request, ctx.args.get("destination"), ["destination"])
    own_parent = page.get_parent()  # None for the root page, refused by copy_tree_rules
    return Copy(page, destination or (own_parent.specific if own_parent else None))


def may_copy(ctx: MutationContext, copy: Copy) -> None:
    """``can_copy`` (edit permission on the source), checked by the admin's copy view
    before it shows its form."""
    if not copy.page.permissions_for_user(ctx.user).can_copy():
        raise CopyPagePermissionError("You do not have permission to copy this page.")


def copy_tree_rules(ctx: MutationContext, copy: Copy) -> None:
    """No subtree into itself, and a page type the parent allows."""
    page, parent = copy.page, copy.parent
    if parent is None:
        raise TreeViolation("The root page cannot be copied.", "invalid_tree_operation", ["id"])
    if ctx.args.get("recursive") and (parent.pk == page.pk or parent.is_descendant_of(page)):
        raise TreeViolation(
            f"Page {page.pk} cannot be copied with its subtree into itself or a descendant.",
            "copy_into_descendant",
            ["destination"],
        )
    if not page.specific_class.can_create_at(parent):
        raise page_type_not_allowed(page.specific_class, parent, "destination")


def new_slug(parent: Any, source: Any, slug: str | None) -> str:
    """The slug for a copy or alias under ``parent``, checked as the admin's copy form does.

    Not sent: the source's slug, numbered if taken (``hello-1``), as Wagtail's API v3
    does. Sent: it must be a valid slug and free under ``parent``.
    """
    if slug is None:
        return str(find_available_slug(parent, source.slug))
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    try:
        forms.SlugField(allow_unicode=allow_unicode).clean(slug)
    except forms.ValidationError as exc:
        raise InvalidInput(exc.messages[0], exc.error_list[0].code or "invalid", ["slug"]) from exc
    if parent.get_children().filter(slug=slug).exists():
        message = f"The slug {slug!r} is already in use under page {parent.pk}."
        raise InvalidInput(message, "slug_in_use", ["slug"])
    return slug


def new_title(title: str | None, source: Any) -> str:
    """The title for a copy: the source's, or the one sent if the title field accepts it."""
    if title is None:
        return str(source.title)
    try:
        return str(PageModel._meta.get_field("title").formfield().clean(title))
    except forms.ValidationError as exc:
        raise InvalidInput(exc.messages[0], exc.error_list[0].code or "invalid", ["title"]) from exc


def _collect(checks: dict[str, Any]) -> dict[str, str]:
    """Run each check, so that every problem comes back at once."""
    values: dict[str, str] = {}
    problems: list[InvalidInput] = []
    for name, check in checks.items():
        try:
            values[name] = check()
        except InvalidInput as exc:
            problems.append(exc)
    if problems:
        raise InputErrors(problems)
    return values


def _copy_options(ctx: MutationContext, copy: Copy) -> dict[str, Any]:
    return {
        "to": copy.parent,
        "recursive": bool(ctx.args.get("recursive")),
        "keep_live": bool(ctx.args.get("keep_live")),
        "user": ctx.user,
    }


def copy_attributes(ctx: MutationContext, copy: Copy) -> tuple[Copy, dict[str, str]]:
    """The copy action's own permission check at the destination (and publish, for
    keepLive) comes first; then the title and slug, both checked before anything is saved."""
    copy_class = action_registry.get_action_class(type(copy.page), "copy")
    copy_class(page=copy.page, **_copy_options(ctx, copy)).check()
    page, parent, args = copy.page, copy.parent, ctx.args
    attrs = _collect(
        {
            "title": lambda: new_title(args.get("title"), page),
            "slug": lambda: new_slug(parent, page, args.get("slug")),
        }
    )
    return copy, attrs


def execute_copy(ctx: MutationContext, prepared: tuple[Copy, dict[str, str]]) -> Any:
    copy, attrs = prepared
    copy_class = action_registry.get_action_class(type(copy.page), "copy")
    options = _copy_options(ctx, copy)
    return latest_version(copy_class(page=copy.page, update_attrs=attrs, **options).execute())


def _alias_action(ctx: MutationContext, copy: Copy, **extra: Any) -> Any:
    alias_class = action_registry.get_action_class(type(copy.page), "create_alias")
    recursive = bool(ctx.args.get("recursive"))
    return alias_class(copy.page, recursive=recursive, parent=copy.parent, user=ctx.user, **extra)


def alias_slug(ctx: MutationContext, copy: Copy) -> tuple[Copy, str]:
    """May alias there (aliases are live: publish permission too), then a free slug."""
    _alias_action(ctx, copy).check()
    return copy, new_slug(copy.parent, copy.page, ctx.args.get("slug"))


def execute_alias(ctx: MutationContext, prepared: tuple[Copy, str]) -> Any:
    copy, slug = prepared
    return latest_version(_alias_action(ctx, copy, update_slug=slug).execute())


def execute_convert(ctx: MutationContext, page: Any) -> Any:
    """Turn an alias into an ordinary page, with a first revision of its own."""
    action_registry.get_action_class(type(page), "convert_alias")(page, user=ctx.user).execute()
    page.refresh_from_db()
    ctx.extra["revision"] = page.latest_revision
    return latest_version(page)


def is_alias(_ctx: MutationContext, page: Any) -> None:
    if not page.alias_of_id:
        raise ConvertAliasPageError("Page must be an alias to be converted.")


def _translation_action(ctx: MutationContext, page: Any, locale: Any) -> Any:
    action_class = action_registry.get_action_class(type(page), "copy_for_translation")
    return action_class(
        page,
        locale,
        copy_parents=bool(ctx.args.get("copy_parents")),
        alias=bool(ctx.args.get("alias")),
        user=ctx.user,
    )


def may_translate(ctx: MutationContext, page: Any) -> None:
    """The translation action's own rule (it does not depend on the locale)."""
    _translation_action(ctx, page, None).check()


def translation_to(ctx: MutationContext, page: Any) -> Any:
    """The action for the locale sent, which must exist and not have a translation yet."""
    locale = untranslated_locale(page, ctx.args["locale"], f"Page {page.pk}")
    return _translation_action(ctx, page, locale)


def execute_translation(_ctx: MutationContext, action: Any) -> Any:
    return latest_version(action.execute())


SPECS = (
    MutationSpec(
        name="copyPage",
        description="Copy a page, and with recursive its subtree, as the admin's Copy.",
        arguments=[
            PAGE_ID,
            optional(
                "destination",
                strawberry.ID,
                f"The copy's parent: {PAGE_REFERENCE}; the page's own parent when not sent.",
            ),
            flag("recursive", "Copy the page's descendants too."),
            flag(
                "keep_live",
                "Publish the copies of live pages (needs publish permission at the "
                "destination); otherwise every copy is a draft.",
            ),
            optional("title", str, "The copy's title; the page's title when not sent."),
            optional(
                "slug", str, "The copy's slug; the page's slug, numbered if taken, when not sent."
            ),
        ],
        payload=page_payload("The new copy, in its latest version."),
        find=find_copy,
        permission=may_copy,
        preconditions=[copy_tree_rules],
        validate=copy_attributes,
        execute=execute_copy,
    ),
    MutationSpec(
        name="createPageAlias",
        description=(
            "Create an alias of a page: a page that mirrors the original and follows its "
            "changes. Needs publish permission at the destination, as aliases are live."
        ),
        arguments=[
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
        payload=page_payload("The new alias."),
        find=find_copy,
        permission=may_copy,
        preconditions=[copy_tree_rules],
        validate=alias_slug,
        execute=execute_alias,
    ),
    MutationSpec(
        name="convertPageAlias",
        description="Turn an alias into an ordinary, independently editable page.",
        arguments=[PAGE_ID],
        payload=page_payload(revision="The page's first revision, made by the conversion."),
        find=find_page,
        permission=allowed(
            lambda perms: perms.can_edit(), "You do not have permission to edit this page."
        ),
        preconditions=[is_alias],
        execute=execute_convert,
    ),
    MutationSpec(
        name="copyPageForTranslation",
        description=(
            "Create the translation of a page in another locale (a draft copy, or an "
            "alias), under the translation of its parent. Needs WAGTAIL_I18N_ENABLED."
        ),
        arguments=[
            PAGE_ID,
            required("locale", str, 'The target locale\'s language code, e.g. "fr".'),
            flag("copy_parents", "Also translate ancestors that have no translation yet."),
            flag("alias", "Create the translation as an alias of the page."),
        ],
        payload=page_payload("The new translation, in its latest version."),
        find=find_copy_source,
        permission=may_translate,
        validate=translation_to,
        execute=execute_translation,
    ),
)

"""Snippet actions: ``publishSnippet``, ``unpublishSnippet``, ``revertSnippet``,
``lockSnippet``, ``unlockSnippet`` and ``copySnippetForTranslation``.

Each takes ``type: SnippetType!`` and ``id``, and does what the snippet admin's view
for the same button does, through the action Wagtail registers for the model in
``action_registry`` (``publish``, ``unpublish``, ``revert``, ``copy_for_translation``)
or, for locks, which have no action, exactly as ``admin/views/generic/lock.py``. So
permissions, signals, revisions and the audit log are the admin's. A mutation is only
generated when some exposed snippet model has the mixin it needs; a ``type`` whose
model lacks it is a ``ValidationError`` with code ``NOT_SUPPORTED`` at ``["type"]``.
Who may do what is ``access.permissions.SnippetPermissionTester``, the admin's rules
gathered in one place. See docs/snippet-actions.md.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import strawberry
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from wagtail.actions import action_registry
from wagtail.actions.publish_revision import PublishPermissionError
from wagtail.actions.unpublish import UnpublishPermissionError
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Revision,
    RevisionMixin,
    TranslatableMixin,
)

from wagtail_graphql_write.access.permissions import SnippetPermissionTester
from wagtail_graphql_write.generation import interfaces, names
from wagtail_graphql_write.generation.common import SaveAction
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.generation.revisions import SnippetRevision
from wagtail_graphql_write.generation.type_enums import model_of, snippet_type_enum
from wagtail_graphql_write.writes.arguments import (
    DRY_RUN,
    EXPECTED_REVISION,
    REQUIRED,
    REVERT_ACTION,
    optional,
    required,
)
from wagtail_graphql_write.writes.errors.failures import (
    NotSupported,
    StateViolation,
    validation_errors_at,
)
from wagtail_graphql_write.writes.guards import (
    ensure_expected_revision,
    ensure_unlocked,
    refuse_submit,
    revision_of,
)
from wagtail_graphql_write.writes.locales import untranslated_locale
from wagtail_graphql_write.writes.locks import execute_lock, execute_unlock
from wagtail_graphql_write.writes.mutation import (
    Argument,
    MutationContext,
    MutationSpec,
    Payload,
    Step,
    keep,
)
from wagtail_graphql_write.writes.results import fresh_revision, latest_version
from wagtail_graphql_write.writes.targets import locked_object


def _label(obj: Model) -> str:
    return f"{names.type_name(type(obj))} {obj.pk}"


def allowed(question: str, verb: str, error: type[Exception] = PermissionDenied) -> Step:
    """A permission step asking ``SnippetPermissionTester`` one question."""

    def check(ctx: MutationContext, obj: Any) -> None:
        if not getattr(SnippetPermissionTester(ctx.user, obj), question)():
            raise error(f"You do not have permission to {verb} {_label(obj)}.")

    return check


may_publish = allowed("can_publish", "publish", PublishPermissionError)


def unlocked(ctx: MutationContext, obj: Any) -> None:
    ensure_unlocked(obj, ctx.user)


def expected_revision(ctx: MutationContext, obj: Any) -> None:
    ensure_expected_revision(obj, ctx.args.get("expected_revision_id"))


def execute_publish(ctx: MutationContext, obj: Any) -> Model:
    """Publish a revision (the latest by default); a future ``goLiveAt`` schedules it."""
    revision_id = ctx.args.get("revision_id")
    if revision_id is not None:
        revision = revision_of(obj, revision_id, _label(obj))
    else:  # as API v3 does, an object without any revision gets one first
        revision = obj.get_latest_revision() or obj.save_revision(user=ctx.user)
    action_registry.get_action_class(type(obj), "publish")(revision, user=ctx.user).execute()
    ctx.extra["revision"] = fresh_revision(revision)
    return latest_version(obj)


def live(_ctx: MutationContext, obj: Any) -> None:
    if not obj.live:
        raise StateViolation(
            f"{_label(obj)} is not live: there is nothing to unpublish.", "not_live", ["id"]
        )


def execute_unpublish(ctx: MutationContext, obj: Any) -> Model:
    """Take the snippet offline, as the admin's Unpublish (``wagtail.unpublish``)."""
    action_registry.get_action_class(type(obj), "unpublish")(obj, user=ctx.user).execute()
    return latest_version(obj)


def _publishes(ctx: MutationContext) -> bool:
    return ctx.args.get("action") is SaveAction.PUBLISH


def may_revert(ctx: MutationContext, obj: Any) -> None:
    """The revert action's rule (``change``), and publish permission for PUBLISH."""
    allowed("can_edit", "revert")(ctx, obj)
    if _publishes(ctx) and isinstance(obj, DraftStateMixin):
        may_publish(ctx, obj)


def revert_options(ctx: MutationContext, obj: Any) -> None:
    """No SUBMIT; PUBLISH only for a model with drafts."""
    refuse_submit(ctx.args.get("action"), "A revert")
    if _publishes(ctx) and not isinstance(obj, DraftStateMixin):
        raise NotSupported(f"{_label(obj)} has no drafts to publish (DraftStateMixin).", ["action"])


def old_revision(ctx: MutationContext, obj: Any) -> tuple[Any, Revision]:
    return obj, revision_of(obj, ctx.args["revision_id"], _label(obj))


def execute_revert(ctx: MutationContext, found: tuple[Any, Revision]) -> Model:
    """Make an old revision's content the latest again (``wagtail.revert``), then publish.

    As the admin's "Replace current draft" / "Publish this version": a new revision with
    the old content; the object's row takes that content too when the admin's edit view
    would save it (models without drafts, and drafts that are not live).
    """
    obj, old = found
    drafts = isinstance(obj, DraftStateMixin)
    publish = _publishes(ctx)
    revert_class = action_registry.get_action_class(type(obj), "revert")
    revert = revert_class(obj, old, user=ctx.user, clean=publish or not drafts)
    with validation_errors_at(["revisionId"]):
        if not drafts or not obj.live:
            old.as_object().save()
        revision = revert.execute()
    if publish:
        publish_class = action_registry.get_action_class(type(obj), "publish")
        publish_class(revision, user=ctx.user, previous_revision=old).execute()
    ctx.extra["revision"] = fresh_revision(revision)
    return latest_version(obj)


def _translation_action(ctx: MutationContext, obj: Any, locale: Any) -> Any:
    action_class = action_registry.get_action_class(type(obj), "copy_for_translation")
    return action_class(obj, locale, user=ctx.user)


def may_translate(ctx: MutationContext, obj: Any) -> None:
    """The translation action's own rule (it does not depend on the locale)."""
    _translation_action(ctx, obj, None).check()


def translation_to(ctx: MutationContext, obj: Any) -> Any:
    locale = untranslated_locale(obj, ctx.args["locale"], _label(obj))
    return _translation_action(ctx, obj, locale)


def execute_translation(_ctx: MutationContext, action: Any) -> Model:
    """Create the snippet's translation, as the admin's "Translate" (saved, not logged)."""
    translated = action.execute()
    translated.save()
    return latest_version(translated)


# ---- the specs ---------------------------------------------------------------------------


def _finder(mixin: type, verb: str) -> Callable[[MutationContext], Any]:
    """The snippet named by ``type`` and ``id``, row-locked, if its type has the mixin."""

    def find(ctx: MutationContext) -> Any:
        model = model_of(ctx.args["type"])
        if not issubclass(model, mixin):
            raise NotSupported(
                f"{names.type_name(model)} snippets cannot be {verb}: the model has no "
                f"{mixin.__name__}.",
                ["type"],
            )
        return locked_object(ctx.request, model, ctx.args["id"], ["id"])

    return find


def _spec(
    snippet_type: Any,
    name: str,
    mixin: type,
    verb: str,
    description: str,
    arguments: Sequence[Argument],
    permission: Step,
    execute: Step,
    preconditions: Sequence[Step] = (),
    validate: Step = keep,
    revision: str | None = None,
) -> MutationSpec:
    extra = {"revision": (SnippetRevision, revision)} if revision else {}
    return MutationSpec(
        name=name,
        description=description,
        arguments=[
            Argument("type", argument(snippet_type, "The snippet's type."), REQUIRED),
            Argument("id", argument(strawberry.ID, "The snippet's id."), REQUIRED),
            *arguments,
        ],
        payload=Payload(
            "snippet",
            interfaces.Snippet,
            "The snippet after the action, in its latest version.",
            extra,
        ),
        find=_finder(mixin, verb),
        permission=permission,
        preconditions=preconditions,
        validate=validate,
        execute=execute,
    )


def _specs(snippet_type: Any) -> list[tuple[type, MutationSpec]]:
    """``(mixin needed, spec)`` for every snippet action."""
    return [
        (DraftStateMixin, _spec(
            snippet_type, "publishSnippet", DraftStateMixin, "published",
            "Publish a revision of a snippet (the latest by default), as the admin's Publish. "
            "A revision whose goLiveAt is in the future is scheduled instead.",
            [optional("revision_id", strawberry.ID,
                      "The revision to publish; the latest when not sent."),
             EXPECTED_REVISION, DRY_RUN],
            may_publish, execute_publish, [unlocked, expected_revision],
            revision="The revision that was published or scheduled.",
        )),
        (DraftStateMixin, _spec(
            snippet_type, "unpublishSnippet", DraftStateMixin, "unpublished",
            "Unpublish a live snippet, as the admin's Unpublish.",
            [], allowed("can_publish", "unpublish", UnpublishPermissionError),
            execute_unpublish, [unlocked, live],
        )),
        (RevisionMixin, _spec(
            snippet_type, "revertSnippet", RevisionMixin, "reverted",
            "Make an old revision's content the snippet's latest revision, and with PUBLISH "
            "publish it, as the admin's revision history does.",
            [required("revision_id", strawberry.ID, "The revision to revert to."),
             REVERT_ACTION, EXPECTED_REVISION],
            may_revert, execute_revert, [revert_options, unlocked, expected_revision],
            validate=old_revision,
            revision="The new revision, with the old revision's content.",
        )),
        (LockableMixin, _spec(
            snippet_type, "lockSnippet", LockableMixin, "locked",
            "Lock a snippet so that only you can edit, publish or delete it.",
            [], allowed("can_lock", "lock"), execute_lock,
        )),
        (LockableMixin, _spec(
            snippet_type, "unlockSnippet", LockableMixin, "unlocked",
            "Remove a snippet's lock (your own, or anyone's with the unlock permission).",
            [], allowed("can_unlock", "unlock"), execute_unlock,
        )),
        (TranslatableMixin, _spec(
            snippet_type, "copySnippetForTranslation", TranslatableMixin, "translated",
            "Copy a snippet into another locale, as the admin's Translate.",
            [required("locale", str, 'The language code of the new translation, e.g. "fr".')],
            may_translate, execute_translation, validate=translation_to,
        )),
    ]  # fmt: skip


def snippet_action_specs(gen: TypeGenerator) -> list[MutationSpec]:
    """Every snippet action some exposed snippet model supports."""
    snippet_type = snippet_type_enum(gen)
    if snippet_type is None:
        return []
    return [
        spec
        for mixin, spec in _specs(snippet_type)
        if any(exposed.has_mixin(mixin) for exposed in gen.registry.snippets)
    ]

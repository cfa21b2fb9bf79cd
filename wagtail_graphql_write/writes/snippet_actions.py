"""Snippet actions: ``publishSnippet``, ``unpublishSnippet``, ``revertSnippet``,
``lockSnippet``, ``unlockSnippet`` and ``copySnippetForTranslation``.

Each takes ``type: SnippetType!`` and ``id``, and does what the snippet admin's view
for the same button does, through the action Wagtail registers for the model in
``action_registry`` (``publish``, ``unpublish``, ``revert``, ``copy_for_translation``)
or, for locks, which have no action, exactly as ``admin/views/generic/lock.py``. So
permissions, signals, revisions and the audit log are the admin's. A mutation is only
generated when some exposed snippet model has the mixin it needs; a ``type`` whose
model lacks it is a ``ValidationError`` with code ``NOT_SUPPORTED`` at ``["type"]``.

Checks run in one order: authentication, the type's support, the object (``NotFound``),
permission, ``expectedRevisionId``, the lock (``LockedError``). See docs/snippet-actions.md.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import strawberry
from django.core.exceptions import PermissionDenied
from django.db.models import Model
from strawberry.types import Info
from strawberry.types.field import StrawberryField
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
from wagtail_graphql_write.generation.payloads import (
    argument,
    payload_type,
    resolver_with_signature,
)
from wagtail_graphql_write.generation.revisions import SnippetRevision
from wagtail_graphql_write.generation.type_enums import model_of, snippet_type_enum
from wagtail_graphql_write.writes.arguments import (
    DRY_RUN,
    EXPECTED_REVISION,
    REQUIRED,
    REVERT_ACTION,
)
from wagtail_graphql_write.writes.failures import (
    NotSupported,
    TreeViolation,
)
from wagtail_graphql_write.writes.guards import (
    ensure_expected_revision,
    ensure_unlocked,
    lock_row,
    refuse_submit,
    revision_of,
)
from wagtail_graphql_write.writes.locales import target_locale
from wagtail_graphql_write.writes.locks import release_lock, take_lock
from wagtail_graphql_write.writes.page_common import validation_errors_at
from wagtail_graphql_write.writes.run import MutationContext, run_mutation
from wagtail_graphql_write.writes.snippets import latest_snippet


def _label(obj: Model) -> str:
    return f"{names.type_name(type(obj))} {obj.pk}"


def _fresh(revision: Revision) -> Revision:
    """The revision as stored now (actions change it and cache its old object)."""
    return Revision.objects.select_related("user").get(pk=revision.pk)


def publish_snippet(
    ctx: MutationContext,
    obj: Any,
    revision_id: Any = None,
    expected_revision_id: Any = None,
) -> Model:
    """Publish a revision (the latest by default); a future ``goLiveAt`` schedules it."""
    user = ctx.require_user()
    if not SnippetPermissionTester(user, obj).can_publish():
        raise PublishPermissionError(f"You do not have permission to publish {_label(obj)}.")
    ensure_expected_revision(obj, expected_revision_id)
    ensure_unlocked(obj, user)
    if revision_id is not None:
        revision = revision_of(obj, revision_id, _label(obj))
    else:  # as API v3 does, an object without any revision gets one first
        revision = obj.get_latest_revision() or obj.save_revision(user=user)
    action_registry.get_action_class(type(obj), "publish")(revision, user=user).execute()
    ctx.extra["revision"] = _fresh(revision)
    return latest_snippet(obj)


def unpublish_snippet(ctx: MutationContext, obj: Any) -> Model:
    """Take the snippet offline, as the admin's Unpublish (``wagtail.unpublish``)."""
    user = ctx.require_user()
    if not SnippetPermissionTester(user, obj).can_publish():
        raise UnpublishPermissionError(f"You do not have permission to unpublish {_label(obj)}.")
    ensure_unlocked(obj, user)
    if not obj.live:
        raise UnpublishPermissionError(f"{_label(obj)} is not live: nothing to unpublish.")
    action_registry.get_action_class(type(obj), "unpublish")(obj, user=user).execute()
    return latest_snippet(obj)


def revert_snippet(
    ctx: MutationContext,
    obj: Any,
    revision_id: Any,
    action: SaveAction = SaveAction.SAVE_DRAFT,
    expected_revision_id: Any = None,
) -> Model:
    """Make an old revision's content the latest again (``wagtail.revert``), then publish.

    As the admin's "Replace current draft" / "Publish this version": a new revision with
    the old content; the object's row takes that content too when the admin's edit view
    would save it (models without drafts, and drafts that are not live).
    """
    user = ctx.require_user()
    refuse_submit(action, "A revert")
    old = revision_of(obj, revision_id, _label(obj))
    drafts = isinstance(obj, DraftStateMixin)
    if action is SaveAction.PUBLISH and not drafts:
        raise NotSupported(f"{_label(obj)} has no drafts to publish (DraftStateMixin).", ["action"])
    publish = action is SaveAction.PUBLISH
    revert_class = action_registry.get_action_class(type(obj), "revert")
    revert = revert_class(obj, old, user=user, clean=publish or not drafts)
    revert.check()
    if publish and not SnippetPermissionTester(user, obj).can_publish():
        raise PublishPermissionError(f"You do not have permission to publish {_label(obj)}.")
    ensure_expected_revision(obj, expected_revision_id)
    ensure_unlocked(obj, user)
    with validation_errors_at(["revisionId"]):
        if not drafts or not obj.live:
            old.as_object().save()
        revision = revert.execute()
    if publish:
        publish_class = action_registry.get_action_class(type(obj), "publish")
        publish_class(revision, user=user, previous_revision=old).execute()
    ctx.extra["revision"] = _fresh(revision)
    return latest_snippet(obj)


def lock_snippet(ctx: MutationContext, obj: Any) -> Model:
    """Lock the snippet for everyone but the viewer (``locks.take_lock``), as ``lockPage``."""
    user = ctx.require_user()
    if not SnippetPermissionTester(user, obj).can_lock():
        raise PermissionDenied(f"You do not have permission to lock {_label(obj)}.")
    take_lock(obj, user)
    return latest_snippet(obj)


def unlock_snippet(ctx: MutationContext, obj: Any) -> Model:
    """Remove the snippet's lock (``locks.release_lock``)."""
    user = ctx.require_user()
    if not SnippetPermissionTester(user, obj).can_unlock():
        raise PermissionDenied(f"You do not have permission to unlock {_label(obj)}.")
    release_lock(obj, user)
    return latest_snippet(obj)


def copy_snippet_for_translation(ctx: MutationContext, obj: Any, locale: str) -> Model:
    """Create the snippet's translation, as the admin's "Translate" (saved, not logged)."""
    user = ctx.require_user()
    target = target_locale(locale)
    action_class = action_registry.get_action_class(type(obj), "copy_for_translation")
    action = action_class(obj, target, user=user)
    action.check()
    if obj.get_translation_or_none(target) is not None:
        raise TreeViolation(
            f"{_label(obj)} already has a translation in {locale!r}.",
            "already_translated",
            ["locale"],
        )
    translated = action.execute()
    translated.save()
    return latest_snippet(translated)


# ---- mutation fields --------------------------------------------------------------------


@dataclass(frozen=True)
class SnippetAction:
    """One snippet action mutation: its name, the mixin it needs, arguments and work.

    ``work(ctx, obj, **arguments)`` gets the snippet (row-locked for the transaction)
    and returns the payload's ``snippet``; it may set ``ctx.extra["revision"]``.
    """

    name: str
    mixin: type
    verb: str
    description: str
    work: Callable[..., Model]
    params: Sequence[tuple[str, Any, Any]] = ()
    revision: str | None = None


REVISION_ID = ("revision_id", argument(strawberry.ID, "The revision to revert to."), REQUIRED)
PUBLISH_REVISION = (
    "revision_id",
    argument(strawberry.ID | None, "The revision to publish; the latest when not sent."),
    None,
)
LOCALE = ("locale", argument(str, 'The language code of the new translation, e.g. "fr".'), REQUIRED)

ACTIONS = (
    SnippetAction(
        "publishSnippet",
        DraftStateMixin,
        "published",
        "Publish a revision of a snippet (the latest by default), as the admin's Publish. "
        "A revision whose goLiveAt is in the future is scheduled instead.",
        publish_snippet,
        [PUBLISH_REVISION, EXPECTED_REVISION, DRY_RUN],
        "The revision that was published or scheduled.",
    ),
    SnippetAction(
        "unpublishSnippet",
        DraftStateMixin,
        "unpublished",
        "Unpublish a live snippet, as the admin's Unpublish.",
        unpublish_snippet,
    ),
    SnippetAction(
        "revertSnippet",
        RevisionMixin,
        "reverted",
        "Make an old revision's content the snippet's latest revision, and with PUBLISH "
        "publish it, as the admin's revision history does.",
        revert_snippet,
        [REVISION_ID, REVERT_ACTION, EXPECTED_REVISION],
        "The new revision, with the old revision's content.",
    ),
    SnippetAction(
        "lockSnippet",
        LockableMixin,
        "locked",
        "Lock a snippet so that only you can edit, publish or delete it.",
        lock_snippet,
    ),
    SnippetAction(
        "unlockSnippet",
        LockableMixin,
        "unlocked",
        "Remove a snippet's lock (your own, or anyone's with the unlock permission).",
        unlock_snippet,
    ),
    SnippetAction(
        "copySnippetForTranslation",
        TranslatableMixin,
        "translated",
        "Copy a snippet into another locale, as the admin's Translate.",
        copy_snippet_for_translation,
        [LOCALE],
    ),
)


def _target(spec: SnippetAction, type_value: enum.Enum, id: str) -> Any:
    """The snippet named by ``type`` and ``id``, row-locked, if its type has the mixin."""
    model = model_of(type_value)
    if not issubclass(model, spec.mixin):
        raise NotSupported(
            f"{names.type_name(model)} snippets cannot be {spec.verb}: the model has no "
            f"{spec.mixin.__name__}.",
            ["type"],
        )
    return lock_row(model, id, ["id"])


def _field(gen: TypeGenerator, spec: SnippetAction, snippet_type: Any) -> StrawberryField:
    extra = {"revision": (SnippetRevision, spec.revision)} if spec.revision else None
    payload = payload_type(
        gen.names,
        spec.name,
        "snippet",
        interfaces.Snippet,
        "The snippet after the action, in its latest version.",
        extra=extra,
    )

    def resolve(info: Info, type: enum.Enum, id: str, **kwargs: Any) -> Any:
        dry_run = bool(kwargs.pop("dry_run", False))

        def work(ctx: MutationContext) -> Model:
            ctx.require_user()
            return spec.work(ctx, _target(spec, type, id), **kwargs)

        return run_mutation(info.context.request, payload, "snippet", work, dry_run=dry_run)

    params = [
        ("type", argument(snippet_type, "The snippet's type."), REQUIRED),
        ("id", argument(strawberry.ID, "The snippet's id."), REQUIRED),
        *spec.params,
    ]
    resolver = resolver_with_signature(spec.name, resolve, params, payload)
    return strawberry.mutation(resolver=resolver, name=spec.name, description=spec.description)


def snippet_action_mutations(gen: TypeGenerator) -> dict[str, StrawberryField]:
    """Every snippet action some exposed snippet model supports, keyed by GraphQL name."""
    snippet_type = snippet_type_enum(gen)
    if snippet_type is None:
        return {}
    fields: dict[str, StrawberryField] = {}
    for spec in ACTIONS:
        if any(e.has_mixin(spec.mixin) for e in gen.registry.snippets):
            fields[spec.name] = _field(gen, spec, snippet_type)
    return fields

"""``PagePermissions`` and ``SnippetPermissions``: what the viewer may do to one object.

Each field asks one question of Wagtail's ``PagePermissionTester`` (pages) or of
``access.permissions.SnippetPermissionTester`` (snippets), lazily: a client pays only
for the answers it selects. Anonymous viewers get ``false`` everywhere. The answers are
about permissions; a mutation can still fail for the object's state (a ``LockedError``
when someone else holds the lock, a ``TreeError`` ...).
"""

from __future__ import annotations

from typing import Any

import strawberry

from wagtail_graphql_write.access.permissions import can_view_page_revisions
from wagtail_graphql_write.access.workflows import workflow_tester

SUBMIT_DESCRIPTION = (
    "Submit it for moderation now (startWorkflow, or action: SUBMIT): you may edit it, it "
    "is not locked for you, a workflow is assigned and none is active. Once reviewers "
    "requested changes, see workflowState.userPermissions.canResubmit."
)


def _can_submit(root: Any) -> bool:
    """Asked of the page or snippet tester; the anonymous tester has neither attribute."""
    user = getattr(root, "user", None)
    obj = getattr(root, "page", None) or getattr(root, "obj", None)
    if user is None or obj is None:
        return False
    return workflow_tester(user, obj).can_submit()


def ask(question: str, description: str) -> Any:
    """A Boolean field answered by ``root.<question>()``."""

    def resolve(root: Any) -> bool:
        return bool(getattr(root, question)())

    return strawberry.field(resolver=resolve, description=description)


@strawberry.type(
    name="PagePermissions",
    description="What the viewer may do to this page now, by Wagtail's page permission "
    "rules (PagePermissionTester); all false for anonymous viewers.",
)
class PagePermissions:
    can_edit: bool = ask("can_edit", "Edit the page (save drafts).")
    can_publish: bool = ask("can_publish", "Publish the page.")
    can_unpublish: bool = ask("can_unpublish", "Unpublish it (it is live and not locked for you).")
    can_delete: bool = ask("can_delete", "Delete the page (and, if allowed, its subtree).")
    can_lock: bool = ask("can_lock", "Lock the page.")
    can_unlock: bool = ask("can_unlock", "Unlock the page (your own lock, or any lock).")
    can_move: bool = ask("can_move", "Move the page (somewhere you may add pages).")
    can_copy: bool = ask("can_copy", "Copy the page.")
    can_add_subpage: bool = ask(
        "can_add_subpage", "Create a page under it (see allowedSubpageTypes for which types)."
    )
    can_publish_subpage: bool = ask(
        "can_publish_subpage", "Publish pages created under it right away."
    )
    can_reorder_children: bool = ask("can_reorder_children", "Reorder its children.")
    can_set_view_restrictions: bool = ask(
        "can_set_view_restrictions", "Set view restrictions (privacy) on it."
    )
    can_unschedule: bool = ask("can_unschedule", "Cancel its scheduled publishing.")
    can_submit_for_moderation: bool = strawberry.field(
        resolver=_can_submit, description=SUBMIT_DESCRIPTION
    )

    @strawberry.field(
        description="Read its revisions and LATEST version (edit or publish permission)."
    )
    def can_view_revisions(root: Any) -> bool:  # noqa: N805 - root is the permission tester
        return can_view_page_revisions(root)


@strawberry.type(
    name="SnippetPermissions",
    description="What the viewer may do to this snippet now, by the snippet admin's rules "
    "and the model's permission policy; all false for anonymous viewers. Questions about "
    "a mixin the model does not have (canPublish without DraftStateMixin ...) are false.",
)
class SnippetPermissions:
    can_edit: bool = ask(
        "can_edit", "Edit it (change permission, or its current workflow task allows it)."
    )
    can_delete: bool = ask("can_delete", "Delete it.")
    can_publish: bool = ask("can_publish", "Publish it (DraftStateMixin).")
    can_unpublish: bool = ask("can_unpublish", "Unpublish it (it is live and not locked for you).")
    can_lock: bool = ask("can_lock", "Lock it (LockableMixin).")
    can_unlock: bool = ask("can_unlock", "Unlock it (your own lock, or any lock).")
    can_view_revisions: bool = ask(
        "can_view_revisions", "Read its revisions and LATEST version (RevisionMixin)."
    )
    can_submit_for_moderation: bool = strawberry.field(
        resolver=_can_submit, description=f"{SUBMIT_DESCRIPTION} (WorkflowMixin)"
    )

"""What the viewer may do to a page or snippet, decided by Wagtail's own rules.

Pages have Wagtail's ``PagePermissionTester``. Snippets have no tester: their rules are
spread over the snippet admin views (``PermissionCheckedMixin``, ``LockView``,
``UnlockView``, the edit view's workflow exceptions). ``SnippetPermissionTester``
gathers them in one place so that ``userPermissions`` and the snippet mutations give
the same answer, and the same answer as the admin.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from django.db.models import Model
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Page,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.permissions import policy_registry


class NoPermissions:
    """The tester for anonymous and inactive viewers: every ``can_*`` answer is no.

    Wagtail's ``PagePermissionTester`` is not safe for anonymous users (``can_lock``
    reads group permissions it never loaded), so it is not asked at all.
    """

    def __getattr__(self, name: str) -> Any:
        if name.startswith("can_"):
            return lambda *args, **kwargs: False
        raise AttributeError(name)


NO_PERMISSIONS = NoPermissions()


def is_active_user(user: Any) -> bool:
    """Authenticated and active: the only users Wagtail's testers are asked about."""
    return bool(user is not None and user.is_authenticated and user.is_active)


def page_permissions(user: Any, page: Page) -> Any:
    """Wagtail's ``PagePermissionTester`` for ``user``, or ``NO_PERMISSIONS``."""
    if not is_active_user(user):
        return NO_PERMISSIONS
    return page.permissions_for_user(user)


def can_view_page_revisions(tester: Any) -> bool:
    """Revisions are drafts: the rule is the one for ``LATEST`` reads (edit or publish)."""
    return bool(tester.can_edit() or tester.can_publish())


class SnippetPermissionTester:
    """``PagePermissionTester``'s questions, answered for one snippet by the admin's rules."""

    def __init__(self, user: Any, obj: Model) -> None:
        self.user = user
        self.obj = obj
        self.policy = policy_registry.get(obj)

    def _has(self, action: str) -> bool:
        return bool(self.policy.user_has_permission_for_instance(self.user, action, self.obj))

    @cached_property
    def _task(self) -> Any:
        """The workflow task the snippet is waiting on, if any: it can grant lock rights."""
        if isinstance(self.obj, WorkflowMixin):
            return self.obj.current_workflow_task
        return None

    def can_edit(self) -> bool:
        """``change``, or a workflow task that lets this user into the editor."""
        if self._has("change"):
            return True
        task = self._task
        return bool(task and task.user_can_access_editor(self.obj, self.user))

    def can_delete(self) -> bool:
        return self._has("delete")

    def can_publish(self) -> bool:
        return isinstance(self.obj, DraftStateMixin) and self._has("publish")

    def locked_for_user(self) -> bool:
        lock = self.obj.get_lock() if isinstance(self.obj, LockableMixin) else None
        return bool(lock and lock.for_user(self.user))

    def can_unpublish(self) -> bool:
        """As for pages: live, not locked for the user, and ``publish`` permission."""
        if not isinstance(self.obj, DraftStateMixin) or not self.obj.live:
            return False
        return self._has("publish") and not self.locked_for_user()

    def can_lock(self) -> bool:
        """The snippet ``LockView``'s rule: superuser, the current task, or ``lock``."""
        if not isinstance(self.obj, LockableMixin):
            return False
        if self.user.is_superuser:
            return True
        if self._task:
            return bool(self._task.user_can_lock(self.obj, self.user))
        return self._has("lock")

    def can_unlock(self) -> bool:
        """The ``UnlockView``'s rule: superuser, the lock owner, the task, or ``unlock``."""
        if not isinstance(self.obj, LockableMixin):
            return False
        if self.user.is_superuser or self.obj.locked_by_id == self.user.pk:
            return True
        if self._task:
            return bool(self._task.user_can_unlock(self.obj, self.user))
        return self._has("unlock")

    def can_view_revisions(self) -> bool:
        """The ``LATEST`` read rule (edit or ``publish``), for revisable snippets.

        As for pages, "edit" includes a workflow task that lets the viewer into the
        editor, so a reviewer can read what they are asked to approve.
        """
        if not isinstance(self.obj, RevisionMixin):
            return False
        return self.can_edit() or self._has("publish")


def snippet_permissions(user: Any, obj: Model) -> Any:
    """A ``SnippetPermissionTester`` for ``user``, or ``NO_PERMISSIONS``."""
    if not is_active_user(user):
        return NO_PERMISSIONS
    return SnippetPermissionTester(user, obj)


def can_view_revisions(user: Any, obj: Model) -> bool:
    """Whether ``user`` may see the revisions (drafts included) of a page or snippet."""
    if isinstance(obj, Page):
        return can_view_page_revisions(page_permissions(user, obj))
    return bool(snippet_permissions(user, obj).can_view_revisions())


def allowed_subpage_models(user: Any, page: Page) -> list[type[Page]]:
    """Page types ``user`` may create under ``page`` (the admin's "add child page" list)."""
    if not page_permissions(user, page).can_add_subpage():
        return []
    specific_class = page.specific_class
    if specific_class is None:
        return []
    return [m for m in specific_class.creatable_subpage_models() if m.can_create_at(page)]

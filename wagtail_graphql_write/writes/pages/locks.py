"""``lockPage`` and ``unlockPage``: the admin's lock and unlock views as mutations.

Who may lock or unlock is Wagtail's rule (``can_lock``/``can_unlock``: the lock and
unlock permissions, the lock owner, superusers, and a workflow task's reviewers);
the change and its ``wagtail.lock``/``wagtail.unlock`` log entry are made exactly as
``wagtail.admin.views.generic.lock`` makes them, since Wagtail has no lock action.
"""

from __future__ import annotations

from wagtail_graphql_write.writes.locks import execute_lock, execute_unlock
from wagtail_graphql_write.writes.mutation import MutationSpec
from wagtail_graphql_write.writes.pages.common import PAGE_ID, allowed, find_page, page_payload

SPECS = (
    MutationSpec(
        name="lockPage",
        description="Lock a page so that only you can edit, publish, move or delete it.",
        arguments=[PAGE_ID],
        payload=page_payload(),
        find=find_page,
        permission=allowed(
            lambda perms: perms.can_lock(), "You do not have permission to lock this page."
        ),
        execute=execute_lock,
    ),
    MutationSpec(
        name="unlockPage",
        description="Remove a page's lock (your own, or anyone's with the unlock permission).",
        arguments=[PAGE_ID],
        payload=page_payload(),
        find=find_page,
        permission=allowed(
            lambda perms: perms.can_unlock(), "You do not have permission to unlock this page."
        ),
        execute=execute_unlock,
    ),
)

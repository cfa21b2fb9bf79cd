"""Small helpers the page action tests share: users with exact permissions, and state.

Users are made like Wagtail v3's own action tests make them: a fresh user in a fresh
group holding exactly the given page permissions on the root page, with an API token.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import APIToken, GroupPagePermission, Page, PageLogEntry, Revision

from tests.conftest import GraphQLClient

#: Permission profiles, as in Wagtail v3's page action tests, plus the seeded users.
#: ``None`` is anonymous; a list is page permission codenames on the root page; a
#: string is a seeded user.
PROFILES: dict[str, Any] = {
    "anonymous": None,
    "no_permission": [],
    "add_only": ["add_page"],
    "add_publish": ["add_page", "publish_page"],
    "change_only": ["change_page"],
    "editor": "editor",
    "moderator": "moderator",
    "superuser": "admin",
}


def user_with_page_permissions(name: str, codenames: list[str]) -> Any:
    user = get_user_model().objects.create_user(username=name, email=f"{name}@example.com")
    if codenames:
        group = Group.objects.create(name=f"Group of {name}")
        user.groups.add(group)
        for codename in codenames:
            GroupPagePermission.objects.create(
                group=group,
                page=Page.get_first_root_node(),
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return user


def profile(name: str, seeded: Any) -> tuple[Any, GraphQLClient]:
    """``(user or None, client)`` for one of ``PROFILES``."""
    spec = PROFILES[name]
    if spec is None:
        return None, GraphQLClient()
    if isinstance(spec, str):
        return seeded.users[spec], GraphQLClient(seeded.tokens[spec])
    user = user_with_page_permissions(f"user-{name}", spec)
    _, token = APIToken.create_token(user=user, name="test")
    return user, GraphQLClient(token)


def fresh(page: Any) -> Any:
    """The page as the database has it now (specific)."""
    return Page.objects.get(pk=page.pk).specific


def fresh_user(user: Any) -> Any:
    """A user without cached permissions, for computing Wagtail's own decision."""
    return type(user).objects.get(pk=user.pk)


def db_state() -> tuple[Any, ...]:
    """Everything a page action could change: tree, flags, locks, revisions, the log."""
    pages = list(
        Page.objects.order_by("pk").values_list(
            "pk", "path", "url_path", "title", "slug", "live", "locked", "locked_by_id",
            "latest_revision_id", "live_revision_id", "has_unpublished_changes", "alias_of_id",
        )
    )  # fmt: skip
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "approved_go_live_at"))
    return pages, revisions, PageLogEntry.objects.count()


def last_log_id() -> int:
    latest = PageLogEntry.objects.order_by("-pk").first()
    return latest.pk if latest else 0


def log_actions_since(log_id: int) -> list[str]:
    """The audit log actions written after ``log_id``, oldest first."""
    return list(
        PageLogEntry.objects.filter(pk__gt=log_id).order_by("pk").values_list("action", flat=True)
    )


def lock(page: Any, user: Any) -> None:
    """Lock as the admin's lock view stores it (no log needed for a fixture)."""
    page.locked, page.locked_by, page.locked_at = True, user, timezone.now()
    page.save(update_fields=["locked", "locked_by", "locked_at"])


def schedule(page: Any, user: Any, days: int = 7) -> Any:
    """Publish a new revision with a future go-live time: Wagtail schedules it."""
    draft = fresh(page).get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + datetime.timedelta(days=days)
    revision = draft.save_revision(user=user)
    revision.publish(user=user)
    return Revision.objects.get(pk=revision.pk)


def add_page(parent: Any, page: Any, user: Any, publish: bool = True) -> Any:
    """Add a page as the admin's create view would leave it: with a revision."""
    fresh(parent).add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish(user=user)
    return fresh(page)

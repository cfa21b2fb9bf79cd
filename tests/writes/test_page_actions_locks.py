"""lockPage/unlockPage, and LockedError on every write to a page locked for the viewer.

A page can be locked by another user, by a scheduled publish, or by a workflow task;
update, publish, unpublish, move and delete all refuse it with ``LockedError`` (Wagtail
v3 lets a locked page be published), and change nothing. The lock owner still writes.
"""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings

from blog.models import BlogIndexPage
from tests.conftest import GraphQLClient
from tests.writes.page_actions_helpers import (
    add_page,
    db_state,
    fresh,
    last_log_id,
    lock,
    log_actions_since,
    schedule,
)

LOCK = """
mutation($id: ID!) {
  lockPage(id: $id) {
    page { id locked lockedBy { displayName } lockedAt }
    errors { __typename code ... on LockedError { lockedBy { displayName } } }
  }
}
"""
UNLOCK = """
mutation($id: ID!) {
  unlockPage(id: $id) { page { id locked lockedBy { displayName } } errors { __typename code } }
}
"""

#: Every write the issue says a lock must refuse, as (mutation, arguments).
WRITES = {
    "update": ("updateBlogPage", 'id: "{post}", input: {{title: "Changed"}}'),
    "publish": ("publishPage", 'id: "{post}"'),
    "unpublish": ("unpublishPage", 'id: "{post}"'),
    "move": ("movePage", 'id: "{post}", destination: "{archive}"'),
    "delete": ("deletePage", 'id: "{post}"'),
}


def _write(client: Any, name: str, post: Any, archive: Any) -> dict[str, Any]:
    mutation, arguments = WRITES[name]
    selection = "deletedId" if mutation == "deletePage" else "page { id }"
    document = (
        f"mutation {{ {mutation}({arguments.format(post=post.pk, archive=archive.pk)}) "
        f"{{ {selection} errors {{ __typename code "
        f"... on LockedError {{ lockedBy {{ displayName }} lockedAt }} }} }} }}"
    )
    return client.execute(document)[mutation]


@pytest.fixture
def archive(seeded: Any) -> Any:
    page = BlogIndexPage(title="Archive", slug="archive")
    return add_page(seeded.home, page, seeded.users["admin"])


def test_lock_and_unlock_log_as_the_admin(moderator: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    log_id = last_log_id()
    locked = moderator.execute(LOCK, {"id": post.pk})["lockPage"]
    assert locked["errors"] == []
    assert locked["page"]["locked"] is True
    assert locked["page"]["lockedBy"] == {"displayName": "moderator"}
    assert locked["page"]["lockedAt"] is not None
    again = moderator.execute(LOCK, {"id": post.pk})["lockPage"]
    assert again["errors"] == []  # your own lock: nothing to do, as in the admin
    unlocked = moderator.execute(UNLOCK, {"id": post.pk})["unlockPage"]
    assert unlocked == {
        "page": {"id": str(post.pk), "locked": False, "lockedBy": None},
        "errors": [],
    }
    moderator.execute(UNLOCK, {"id": post.pk})  # not locked: nothing to do
    assert log_actions_since(log_id) == ["wagtail.lock", "wagtail.unlock"]


def test_locking_a_page_someone_else_locked_is_a_locked_error(admin: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    lock(post, seeded.users["moderator"])
    before = db_state()
    payload = admin.execute(LOCK, {"id": post.pk})["lockPage"]
    assert payload["errors"] == [
        {"__typename": "LockedError", "code": "LOCKED", "lockedBy": {"displayName": "moderator"}}
    ]
    assert db_state() == before


def test_another_users_lock_can_be_removed_with_the_unlock_permission(
    moderator: Any, editor: Any, seeded: Any
) -> None:
    post = seeded.posts[0]
    lock(post, seeded.users["admin"])
    denied = editor.execute(UNLOCK, {"id": post.pk})["unlockPage"]
    assert [e["code"] for e in denied["errors"]] == ["PERMISSION_DENIED"]
    allowed = moderator.execute(UNLOCK, {"id": post.pk})["unlockPage"]
    assert allowed["errors"] == []


@pytest.mark.parametrize("write", list(WRITES))
def test_a_page_locked_by_another_user_refuses_every_write(
    write: str, admin: Any, seeded: Any, archive: Any
) -> None:
    post = seeded.posts[0]
    lock(post, seeded.users["moderator"])
    before = db_state()
    payload = _write(admin, write, post, archive)  # even a superuser
    [error] = payload["errors"]
    assert (error["__typename"], error["code"]) == ("LockedError", "LOCKED")
    assert error["lockedBy"] == {"displayName": "moderator"}
    assert error["lockedAt"] is not None
    assert db_state() == before


@pytest.mark.parametrize("write", list(WRITES))
def test_the_lock_owner_can_still_write(
    write: str, moderator: Any, seeded: Any, archive: Any
) -> None:
    post = seeded.posts[1]  # a leaf without protected references, so delete is allowed
    lock(post, seeded.users["moderator"])
    payload = _write(moderator, write, post, archive)
    assert payload["errors"] == []


@pytest.mark.parametrize("write", list(WRITES))
def test_a_global_edit_lock_binds_the_owner_too(
    write: str, moderator: Any, seeded: Any, archive: Any
) -> None:
    post = seeded.posts[1]
    lock(post, seeded.users["moderator"])
    with override_settings(WAGTAILADMIN_GLOBAL_EDIT_LOCK=True):
        payload = _write(moderator, write, post, archive)
    assert [e["code"] for e in payload["errors"]] == ["LOCKED"]


@pytest.mark.parametrize("write", list(WRITES))
def test_a_scheduled_publish_locks_the_page_for_everyone(
    write: str, admin: Any, seeded: Any, archive: Any
) -> None:
    post = seeded.posts[0]
    schedule(post, seeded.users["admin"])
    before = db_state()
    payload = _write(admin, write, post, archive)
    [error] = payload["errors"]
    assert (error["__typename"], error["lockedBy"]) == ("LockedError", None)
    assert db_state() == before


@pytest.mark.parametrize("write", list(WRITES))
def test_a_workflow_task_locks_the_page_for_non_reviewers(
    write: str, editor: Any, moderator: Any, seeded: Any, archive: Any
) -> None:
    post = fresh(seeded.posts[2])  # the draft: editors may change it
    post.get_workflow().start(post, seeded.users["editor"])
    before = db_state()
    payload = _write(editor, write, post, archive)
    # Permission comes before the lock: editors may not publish or unpublish at all.
    may_not_at_all = write in ("publish", "unpublish")
    expected = "PermissionDeniedError" if may_not_at_all else "LockedError"
    assert [e["__typename"] for e in payload["errors"]] == [expected]
    assert db_state() == before


def test_a_reviewer_is_not_locked_out_by_the_workflow(moderator: Any, seeded: Any) -> None:
    post = fresh(seeded.posts[2])
    post.get_workflow().start(post, seeded.users["editor"])
    payload = _write(moderator, "update", post, post)
    assert payload["errors"] == []


def test_unschedule_lifts_the_scheduled_lock(admin: Any, seeded: Any, archive: Any) -> None:
    post = seeded.posts[0]
    schedule(post, seeded.users["admin"])
    cancel = "mutation($id: ID!) { cancelScheduledPublish(id: $id) { errors { code } } }"
    assert admin.execute(cancel, {"id": post.pk})["cancelScheduledPublish"]["errors"] == []
    assert _write(admin, "publish", post, archive)["errors"] == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_lockers_exactly_one_wins() -> None:
    """The page row is locked for the mutation, so the second locker sees the first lock."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (SQLite serialises whole-database writes)")
    from blog.seeding import seed_site

    seeded = seed_site()
    post = seeded.posts[0]
    barrier = threading.Barrier(2)
    results: dict[str, Any] = {}

    def lock_as(user: str) -> None:
        barrier.wait()
        try:
            client = GraphQLClient(seeded.tokens[user])
            results[user] = client.execute(LOCK, {"id": post.pk})["lockPage"]
        finally:
            connection.close()

    threads = [threading.Thread(target=lock_as, args=(user,)) for user in ("moderator", "admin")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    outcomes = sorted(
        "ok" if r["errors"] == [] else r["errors"][0]["__typename"] for r in results.values()
    )
    assert outcomes == ["LockedError", "ok"]
    winner = next(user for user, r in results.items() if r["errors"] == [])
    assert fresh(post).locked_by == seeded.users[winner]

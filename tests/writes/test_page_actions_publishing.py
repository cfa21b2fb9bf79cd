"""publishPage, unpublishPage, revertPage and cancelScheduledPublish beyond permissions."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from wagtail.models import Page, Revision

from blog.models import BlogPage
from tests.writes.page_actions_helpers import (
    db_state,
    fresh,
    last_log_id,
    log_actions_since,
    schedule,
)

PUBLISH = """
mutation($id: ID!, $revision: ID, $expected: ID, $dryRun: Boolean! = false) {
  publishPage(id: $id, revisionId: $revision, expectedRevisionId: $expected, dryRun: $dryRun) {
    page { id title live hasUnpublishedChanges goLiveAt }
    revision { id approvedGoLiveAt isLive }
    errors { __typename code path message
             ... on EditConflictError { latestRevision { id } } }
  }
}
"""
UNPUBLISH = """
mutation($id: ID!, $descendants: Boolean! = false) {
  unpublishPage(id: $id, includeDescendants: $descendants) {
    page { id live }
    errors { __typename code message }
  }
}
"""
REVERT = """
mutation($id: ID!, $revision: ID!, $action: SaveAction, $expected: ID) {
  revertPage(id: $id, revisionId: $revision, action: $action, expectedRevisionId: $expected) {
    page { id title live hasUnpublishedChanges }
    revision { id isLatest isLive }
    errors { __typename code path }
  }
}
"""
CANCEL = """
mutation($id: ID!) {
  cancelScheduledPublish(id: $id) {
    page { id live }
    revision { id approvedGoLiveAt }
    errors { __typename code path }
  }
}
"""


def _draft_title(page: Any, title: str, user: Any) -> Revision:
    draft = fresh(page).get_latest_revision_as_object()
    draft.title = title
    return draft.save_revision(user=user)


def test_publish_the_latest_revision_by_default(moderator: Any, seeded: Any) -> None:
    draft = seeded.posts[2]
    log_id = last_log_id()
    payload = moderator.execute(PUBLISH, {"id": draft.pk})["publishPage"]
    assert payload["errors"] == []
    assert payload["page"]["live"] is True
    assert payload["revision"] == {
        "id": str(fresh(draft).latest_revision_id),
        "approvedGoLiveAt": None,
        "isLive": True,
    }
    assert log_actions_since(log_id) == ["wagtail.publish"]


def test_publish_by_url_path(moderator: Any, seeded: Any) -> None:
    payload = moderator.execute(PUBLISH, {"id": "/blog/coming-soon-workflows/"})["publishPage"]
    assert payload["errors"] == []
    assert payload["page"]["id"] == str(seeded.posts[2].pk)


def test_publish_an_earlier_revision_keeps_the_newer_draft(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[0]
    live_revision = fresh(page).live_revision
    _draft_title(page, "Newer draft", seeded.users["admin"])
    payload = moderator.execute(PUBLISH, {"id": page.pk, "revision": live_revision.pk})
    result = payload["publishPage"]
    assert result["errors"] == []
    assert result["revision"]["id"] == str(live_revision.pk)
    assert fresh(page).live_revision_id == live_revision.pk
    assert fresh(page).has_unpublished_changes is True
    assert result["page"]["title"] == "Newer draft"  # the payload shows the latest version


def test_revision_of_another_page_is_not_found(moderator: Any, seeded: Any) -> None:
    other = fresh(seeded.posts[1]).latest_revision_id
    before = db_state()
    payload = moderator.execute(PUBLISH, {"id": seeded.posts[2].pk, "revision": other})
    [error] = payload["publishPage"]["errors"]
    assert (error["__typename"], error["path"]) == ("NotFoundError", ["revisionId"])
    assert db_state() == before


def test_stale_expected_revision_is_an_edit_conflict(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[2]
    stale = fresh(page).latest_revision_id
    newer = _draft_title(page, "Changed meanwhile", seeded.users["admin"])
    before = db_state()
    payload = moderator.execute(PUBLISH, {"id": page.pk, "expected": stale})["publishPage"]
    [error] = payload["errors"]
    assert error["__typename"] == "EditConflictError"
    assert error["latestRevision"] == {"id": str(newer.pk)}
    assert db_state() == before
    assert fresh(page).live is False


def test_matching_expected_revision_publishes(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[2]
    expected = fresh(page).latest_revision_id
    payload = moderator.execute(PUBLISH, {"id": page.pk, "expected": expected})["publishPage"]
    assert payload["errors"] == []
    assert fresh(page).live is True


def test_future_go_live_schedules_instead_of_publishing(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[2]
    draft = fresh(page).get_latest_revision_as_object()
    go_live = timezone.now() + datetime.timedelta(days=3)
    draft.go_live_at = go_live
    revision = draft.save_revision(user=seeded.users["admin"])
    log_id = last_log_id()
    payload = moderator.execute(PUBLISH, {"id": page.pk})["publishPage"]
    assert payload["errors"] == []
    assert payload["page"]["live"] is False
    assert payload["revision"]["id"] == str(revision.pk)
    assert payload["revision"]["approvedGoLiveAt"] is not None
    assert fresh(page).scheduled_revision.pk == revision.pk
    assert log_actions_since(log_id) == ["wagtail.publish.schedule"]


def test_dry_run_publish_shows_the_result_and_saves_nothing(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[2]
    before = db_state()
    payload = moderator.execute(PUBLISH, {"id": page.pk, "dryRun": True})["publishPage"]
    assert payload["errors"] == []
    assert payload["page"]["live"] is True
    assert db_state() == before
    assert fresh(page).live is False


def test_dry_run_reports_the_errors_too(editor: Any, seeded: Any) -> None:
    before = db_state()
    payload = editor.execute(PUBLISH, {"id": seeded.posts[2].pk, "dryRun": True})["publishPage"]
    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]
    assert db_state() == before


def test_publishing_a_page_without_revisions_makes_one(moderator: Any, seeded: Any) -> None:
    page = fresh(seeded.index).add_child(instance=BlogPage(title="Scripted", live=False))
    assert fresh(page).latest_revision_id is None
    payload = moderator.execute(PUBLISH, {"id": page.pk})["publishPage"]
    assert payload["errors"] == []
    assert fresh(page).live is True
    assert fresh(page).latest_revision_id is not None


def test_an_alias_cannot_be_published_itself(moderator: Any, seeded: Any) -> None:
    alias = fresh(seeded.posts[0]).create_alias(update_slug="mirror")
    payload = moderator.execute(PUBLISH, {"id": alias.pk})["publishPage"]
    assert [(e["__typename"], e["code"]) for e in payload["errors"]] == [
        ("TreeError", "NOT_REVISABLE")
    ]


def test_unknown_page_is_not_found(moderator: Any, seeded: Any) -> None:
    for reference in ("99999", "/no/such/page/", "not-an-id"):
        payload = moderator.execute(PUBLISH, {"id": reference})["publishPage"]
        assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
            ("NotFoundError", ["id"])
        ]


def test_unpublish_leaves_descendants_live_unless_asked(moderator: Any, seeded: Any) -> None:
    payload = moderator.execute(UNPUBLISH, {"id": seeded.index.pk})["unpublishPage"]
    assert payload == {"page": {"id": str(seeded.index.pk), "live": False}, "errors": []}
    assert fresh(seeded.posts[0]).live is True


def test_unpublish_with_descendants(moderator: Any, seeded: Any) -> None:
    log_id = last_log_id()
    payload = moderator.execute(UNPUBLISH, {"id": seeded.index.pk, "descendants": True})
    assert payload["unpublishPage"]["errors"] == []
    assert not Page.objects.descendant_of(seeded.index, inclusive=True).live().exists()
    # The admin's action logs every page it unpublishes; descendants without a user.
    assert log_actions_since(log_id) == ["wagtail.unpublish"] * 3


def test_unpublishing_a_draft_is_refused(moderator: Any, seeded: Any) -> None:
    before = db_state()
    payload = moderator.execute(UNPUBLISH, {"id": seeded.posts[2].pk})["unpublishPage"]
    assert [(e["__typename"], e["code"]) for e in payload["errors"]] == [("StateError", "NOT_LIVE")]
    assert "not live" in payload["errors"][0]["message"]
    assert db_state() == before


def test_revert_makes_a_new_latest_revision_and_keeps_the_live_one(
    editor: Any, seeded: Any
) -> None:
    page = seeded.posts[0]
    old = fresh(page).latest_revision
    _draft_title(page, "Regrettable", seeded.users["admin"])
    payload = editor.execute(REVERT, {"id": page.pk, "revision": old.pk})["revertPage"]
    assert payload["errors"] == []
    assert payload["page"]["title"] == page.title
    assert payload["revision"]["isLatest"] is True
    assert payload["revision"]["isLive"] is False
    assert int(payload["revision"]["id"]) > old.pk
    assert fresh(page).live_revision_id == old.pk


def test_revert_and_publish(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[0]
    old = fresh(page).latest_revision
    _draft_title(page, "Regrettable", seeded.users["admin"])
    log_id = last_log_id()
    variables = {"id": page.pk, "revision": old.pk, "action": "PUBLISH"}
    payload = moderator.execute(REVERT, variables)["revertPage"]
    assert payload["errors"] == []
    assert payload["revision"]["isLive"] is True
    assert payload["page"]["hasUnpublishedChanges"] is False
    assert log_actions_since(log_id) == ["wagtail.revert", "wagtail.publish"]


def test_revert_checks_expected_revision_and_the_revisions_page(editor: Any, seeded: Any) -> None:
    page = seeded.posts[0]
    old = fresh(page).latest_revision
    _draft_title(page, "Regrettable", seeded.users["admin"])
    before = db_state()
    stale = editor.execute(REVERT, {"id": page.pk, "revision": old.pk, "expected": old.pk})
    assert [e["__typename"] for e in stale["revertPage"]["errors"]] == ["EditConflictError"]
    other = fresh(seeded.posts[1]).latest_revision_id
    foreign = editor.execute(REVERT, {"id": page.pk, "revision": other})["revertPage"]
    assert [(e["__typename"], e["path"]) for e in foreign["errors"]] == [
        ("NotFoundError", ["revisionId"])
    ]
    assert db_state() == before


def test_revert_to_content_that_no_longer_validates_points_at_the_revision(
    editor: Any, seeded: Any
) -> None:
    page = seeded.posts[0]
    old = fresh(page).latest_revision
    sibling = fresh(seeded.posts[1])
    # Give the sibling the slug the old revision has: reverting would duplicate it.
    Page.objects.filter(pk=page.pk).update(slug="renamed")
    Page.objects.filter(pk=sibling.pk).update(slug=old.as_object().slug)
    payload = editor.execute(REVERT, {"id": page.pk, "revision": old.pk})["revertPage"]
    [error] = payload["errors"]
    assert (error["__typename"], error["code"], error["path"]) == (
        "ValidationError",
        "VALIDATION_FAILED",
        ["revisionId"],
    )


def test_cancel_scheduled_publish(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[0]
    scheduled = schedule(page, seeded.users["admin"])
    log_id = last_log_id()
    payload = moderator.execute(CANCEL, {"id": page.pk})["cancelScheduledPublish"]
    assert payload["errors"] == []
    assert payload["revision"] == {"id": str(scheduled.pk), "approvedGoLiveAt": None}
    assert fresh(page).scheduled_revision is None
    assert fresh(page).live is True
    assert log_actions_since(log_id) == ["wagtail.schedule.cancel"]


def test_cancel_without_a_schedule_is_not_found(moderator: Any, seeded: Any) -> None:
    payload = moderator.execute(CANCEL, {"id": seeded.posts[0].pk})["cancelScheduledPublish"]
    assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [("NotFoundError", ["id"])]

"""``setPageFirstPublishedAt``: publish permission, logged, and it survives later
publishes and reverts (every revision carries its own copy of the date)."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from tests.conftest import GraphQLClient
from tests.writes.page_actions_helpers import fresh, last_log_id, lock, log_actions_since

SET = """
mutation ($id: ID!, $at: DateTime!) {
  setPageFirstPublishedAt(id: $id, firstPublishedAt: $at) {
    page { id firstPublishedAt }
    errors { __typename code path message }
  }
}
"""

PUBLISH = "mutation ($id: ID!) { publishPage(id: $id) { errors { message } } }"
BACKDATED = datetime.datetime(2001, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)


def _set(client: GraphQLClient, page: Any, at: datetime.datetime) -> dict[str, Any]:
    variables = {"id": str(page.pk), "at": at.isoformat()}
    return client.execute(SET, variables)["setPageFirstPublishedAt"]


def test_a_moderator_backdates_a_post_and_it_is_logged(
    moderator: GraphQLClient, seeded: Any
) -> None:
    post = seeded.posts[0]
    since = last_log_id()
    payload = _set(moderator, post, BACKDATED)
    assert payload["errors"] == []
    assert payload["page"]["firstPublishedAt"] == BACKDATED.isoformat()
    assert fresh(post).first_published_at == BACKDATED
    assert log_actions_since(since) == ["wagtail_graphql_write.first_published_at"]
    entry = PageLogEntry.objects.get(pk__gt=since)
    assert entry.user == seeded.users["moderator"]
    assert entry.data["first_published_at"]["new"] == BACKDATED.isoformat()
    assert entry.message == (
        "First publication date changed from "
        f"{entry.data['first_published_at']['old']} to {BACKDATED.isoformat()}"
    )


def test_the_date_survives_a_later_publish(moderator: GraphQLClient, seeded: Any) -> None:
    post = seeded.posts[0]
    _set(moderator, post, BACKDATED)
    assert moderator.execute(PUBLISH, {"id": str(post.pk)})["publishPage"]["errors"] == []
    assert fresh(post).first_published_at == BACKDATED


def test_an_editor_without_publish_permission_changes_nothing(
    editor: GraphQLClient, seeded: Any
) -> None:
    post = seeded.posts[0]
    before = fresh(post).first_published_at
    since = last_log_id()
    payload = _set(editor, post, BACKDATED)
    assert [e["code"] for e in payload["errors"]] == ["PERMISSION_DENIED"]
    assert fresh(post).first_published_at == before
    assert log_actions_since(since) == []


@pytest.mark.parametrize(
    ("case", "code", "path"),
    [
        ("future", "VALIDATION_FAILED", ["firstPublishedAt"]),
        ("never_published", "NOT_LIVE", ["id"]),
        ("locked", "LOCKED", None),
    ],
)
def test_refusals_change_nothing(
    case: str, code: str, path: list[str] | None, moderator: GraphQLClient, seeded: Any
) -> None:
    post = seeded.posts[0]
    at = BACKDATED
    if case == "future":
        at = timezone.now() + datetime.timedelta(days=1)
    elif case == "never_published":
        post = fresh(post)
        type(post).objects.filter(pk=post.pk).update(first_published_at=None, live=False)
    else:
        lock(post, seeded.users["admin"])
    before = fresh(post).first_published_at
    payload = _set(moderator, post, at)
    assert [(e["code"], e["path"]) for e in payload["errors"]] == [(code, path)]
    assert payload["page"] is None
    assert fresh(post).first_published_at == before

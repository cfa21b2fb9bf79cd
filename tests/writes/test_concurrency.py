"""Optimistic concurrency: ``expectedRevisionId`` on update, race-safe on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.models import Revision

from blog.models import BlogPage, Person
from tests.concurrently import run_concurrently, skip_unless_postgres

UPDATE = """
mutation($id: ID!, $title: String!, $expected: ID) {
  updateBlogPage(id: $id, input: {title: $title}, expectedRevisionId: $expected) {
    page { id title }
    errors { __typename code message path
             ... on EditConflictError { latestRevision { id } } }
  }
}
"""

UPDATE_PERSON = """
mutation($id: ID!, $expected: ID) {
  updatePerson(id: $id, input: {jobTitle: "Poet"}, expectedRevisionId: $expected) {
    snippet { id }
    errors { __typename code }
  }
}
"""


PUBLISHING_UPDATE = """
mutation($id: ID!, $title: String!, $expected: ID) {
  updateBlogPage(id: $id, input: {title: $title}, action: PUBLISH, expectedRevisionId: $expected) {
    page { id title }
    errors { __typename code message path }
  }
}
"""

PUBLISH = """
mutation($id: ID!, $expected: ID) {
  publishPage(id: $id, expectedRevisionId: $expected) {
    page { id }
    revision { id }
    errors { __typename code message path }
  }
}
"""


def _latest_title(page_id: int) -> str:
    return str(BlogPage.objects.get(pk=page_id).get_latest_revision_as_object().title)


def _outcome(payload: dict[str, Any]) -> str:
    return "ok" if payload["errors"] == [] else str(payload["errors"][0]["__typename"])


def test_matching_expected_revision_saves(editor: Any, seeded: Any) -> None:
    page = seeded.posts[0]
    expected = BlogPage.objects.get(pk=page.pk).latest_revision_id
    payload = editor.execute(UPDATE, {"id": page.pk, "title": "New", "expected": expected})
    assert payload["updateBlogPage"]["errors"] == []
    assert _latest_title(page.pk) == "New"


def test_stale_expected_revision_is_an_edit_conflict_and_saves_nothing(
    editor: Any, seeded: Any
) -> None:
    page = seeded.posts[0]
    stale = BlogPage.objects.get(pk=page.pk).latest_revision_id
    editor.execute(UPDATE, {"id": page.pk, "title": "First", "expected": stale})
    latest = BlogPage.objects.get(pk=page.pk).latest_revision_id
    revisions = Revision.objects.count()
    payload = editor.execute(UPDATE, {"id": page.pk, "title": "Second", "expected": stale})
    errors = payload["updateBlogPage"]["errors"]
    assert [(e["__typename"], e["code"]) for e in errors] == [
        ("EditConflictError", "EDIT_CONFLICT")
    ]
    assert errors[0]["latestRevision"] == {"id": str(latest)}
    assert errors[0]["path"] == ["expectedRevisionId"]
    assert payload["updateBlogPage"]["page"] is None
    assert Revision.objects.count() == revisions
    assert _latest_title(page.pk) == "First"


def test_snippet_update_checks_expected_revision(editor: Any, seeded: Any) -> None:
    person = Person.objects.get(first_name="Ada")
    payload = editor.execute(UPDATE_PERSON, {"id": person.pk, "expected": "999999"})
    assert payload["updatePerson"]["errors"] == [
        {"__typename": "EditConflictError", "code": "EDIT_CONFLICT"}
    ]


def _race_title_updates(
    seeded: Any, document: str, page_id: int, expected: Any, users: tuple[str, str]
) -> dict[str, dict[str, Any]]:
    """Two users set the page's title ("From <user>") at once; payloads by title."""
    writes = {
        f"From {user}": (
            seeded.tokens[user],
            document,
            {"id": page_id, "title": f"From {user}", "expected": expected},
        )
        for user in users
    }
    return {title: data["updateBlogPage"] for title, data in run_concurrently(writes).items()}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_writers_with_one_expected_revision_exactly_one_wins() -> None:
    skip_unless_postgres()
    from blog.seeding import seed_site

    seeded = seed_site()
    page = seeded.posts[0]
    expected = BlogPage.objects.get(pk=page.pk).latest_revision_id
    results = _race_title_updates(seeded, UPDATE, page.pk, expected, ("editor", "admin"))
    outcomes = sorted(_outcome(r) for r in results.values())
    assert outcomes == ["EditConflictError", "ok"]
    winner = next(t for t, r in results.items() if r["errors"] == [])
    assert _latest_title(page.pk) == winner
    # No lost update: exactly one new revision on top of the expected one.
    assert Revision.objects.filter(object_id=str(page.pk), pk__gt=expected).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_concurrent_publishing_updates_exactly_one_wins() -> None:
    skip_unless_postgres()
    from blog.seeding import seed_site

    seeded = seed_site()
    page = seeded.posts[0]
    expected = BlogPage.objects.get(pk=page.pk).latest_revision_id
    results = _race_title_updates(
        seeded, PUBLISHING_UPDATE, page.pk, expected, ("moderator", "admin")
    )
    outcomes = sorted(_outcome(r) for r in results.values())
    assert outcomes == ["EditConflictError", "ok"], results
    winner = next(t for t, r in results.items() if r["errors"] == [])
    live = BlogPage.objects.get(pk=page.pk)
    assert live.title == winner
    new = Revision.objects.filter(object_id=str(page.pk), pk__gt=expected)
    assert new.count() == 1
    assert live.live_revision_id == live.latest_revision_id == new.get().pk


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_publish_with_expected_revision_never_publishes_an_unseen_revision() -> None:
    skip_unless_postgres()
    from blog.seeding import seed_site

    seeded = seed_site()
    page = seeded.posts[0]
    live_title = BlogPage.objects.get(pk=page.pk).title
    # The revision the publisher has read: a draft, so publishing it is visible.
    draft = BlogPage.objects.get(pk=page.pk)
    draft.title = "Seen draft"
    seen = draft.save_revision(user=seeded.users["admin"]).pk
    assert BlogPage.objects.get(pk=page.pk).live_revision_id != seen

    results = run_concurrently(
        {
            "update": (
                seeded.tokens["admin"],
                UPDATE,
                {"id": page.pk, "title": "Unseen", "expected": seen},
            ),
            "publish": (seeded.tokens["moderator"], PUBLISH, {"id": page.pk, "expected": seen}),
        }
    )
    update = results["update"]["updateBlogPage"]
    publish = results["publish"]["publishPage"]
    live = BlogPage.objects.get(pk=page.pk)
    # Whichever ran first, the draft save succeeds: publishing the latest revision
    # adds no revision, so ``seen`` is still the latest when the update checks it.
    assert update["errors"] == [], update
    assert _latest_title(page.pk) == "Unseen"
    assert live.title != "Unseen"
    if _outcome(publish) == "ok":
        # The publish ran first and published exactly the revision it had read.
        assert publish["revision"] == {"id": str(seen)}
        assert live.live_revision_id == seen
        assert live.title == "Seen draft"
    else:
        # The update ran first: the publish saw a newer revision and did nothing.
        assert _outcome(publish) == "EditConflictError", publish
        assert live.live_revision_id != seen
        assert live.title == live_title

"""Optimistic concurrency: ``expectedRevisionId`` on update, race-safe on PostgreSQL."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.db import connection
from wagtail.models import Revision

from blog.models import BlogPage, Person
from tests.conftest import GraphQLClient

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


def _latest_title(page_id: int) -> str:
    return str(BlogPage.objects.get(pk=page_id).get_latest_revision_as_object().title)


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


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_writers_with_one_expected_revision_exactly_one_wins() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL row locks (SQLite serialises whole-database writes)")
    from blog.seeding import seed_site

    seeded = seed_site()
    page = seeded.posts[0]
    expected = BlogPage.objects.get(pk=page.pk).latest_revision_id
    barrier = threading.Barrier(2)
    results: dict[str, Any] = {}

    def write(title: str, token: str) -> None:
        barrier.wait()
        try:
            client = GraphQLClient(token)
            results[title] = client.execute(
                UPDATE, {"id": page.pk, "title": title, "expected": expected}
            )["updateBlogPage"]
        finally:
            connection.close()

    threads = [
        threading.Thread(target=write, args=(title, seeded.tokens[user]))
        for title, user in (("From editor", "editor"), ("From admin", "admin"))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    outcomes = sorted(
        "ok" if r["errors"] == [] else r["errors"][0]["__typename"] for r in results.values()
    )
    assert outcomes == ["EditConflictError", "ok"]
    winner = next(t for t, r in results.items() if r["errors"] == [])
    assert _latest_title(page.pk) == winner
    # No lost update: exactly one new revision on top of the expected one.
    assert Revision.objects.filter(object_id=str(page.pk), pk__gt=expected).count() == 1

"""Reading revisions: ``revisions(...)``, ``latestRevision``, ``liveRevision``,
``scheduledRevision`` and ``revision(id)``, and scheduling with ``goLiveAt``.

Revisions are drafts: only viewers who may read an object's ``LATEST`` version see them,
whatever the route (a field of the object, ``revision(id)`` with another object's id,
a revision handed back in an error).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import APIToken, GroupPagePermission, PageLogEntry, Revision

from blog.models import BlogPage, Person
from tests.conftest import GraphQLClient

PAGE_REVISIONS = """
query($id: ID) {
  page(id: $id) {
    id
    ... on Revisable {
      latestRevision { id isLatest isLive user { displayName } }
      revisions { totalCount items { __typename id isLatest isLive } }
    }
    ... on DraftState {
      liveRevision { id isLive }
      scheduledRevision { id }
    }
  }
}
"""

LIST = """
query($id: ID, $after: DateTime, $before: DateTime, $user: ID, $order: RevisionOrder,
      $offset: Int, $limit: Int, $goLiveAfter: DateTime, $goLiveBefore: DateTime) {
  page(id: $id) {
    ... on BlogPage {
      revisions(createdAfter: $after, createdBefore: $before, user: $user, order: $order,
                offset: $offset, limit: $limit, approvedGoLiveAfter: $goLiveAfter,
                approvedGoLiveBefore: $goLiveBefore) {
        totalCount
        items { id user { id } ... on PageRevision { content { title } } }
      }
    }
  }
}
"""

REVISION = """
query($id: ID!) {
  revision(id: $id) {
    __typename id isLatest isLive
    ... on PageRevision { content { __typename title } }
    ... on SnippetRevision { content { __typename displayTitle } }
  }
}
"""


@pytest.fixture
def nobody(seeded: Any) -> GraphQLClient:
    """An authenticated user without any permission: reads what is public and live."""
    user = get_user_model().objects.create_user("nobody", password="x")
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


@pytest.fixture
def first_post_editor(seeded: Any) -> GraphQLClient:
    """A user who may edit the first post only (page permissions on that page)."""
    user = get_user_model().objects.create_user("first-post-editor", password="x")
    group = Group.objects.create(name="First post")
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=seeded.posts[0],
            permission=Permission.objects.get(codename=codename),
        )
    user.groups.add(group)
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


def _titled_drafts(page: BlogPage, user: Any, count: int) -> list[Revision]:
    """``count`` draft revisions of ``page`` titled "Draft 1", "Draft 2" ..."""
    made = []
    for n in range(1, count + 1):
        draft = BlogPage.objects.get(pk=page.pk).get_latest_revision_as_object()
        draft.title = f"Draft {n}"
        made.append(draft.save_revision(user=user))
    return made


def _ids(payload: dict[str, Any]) -> list[str]:
    return [item["id"] for item in payload["items"]]


# ---- who sees revisions ---------------------------------------------------------------------


def test_editors_see_a_pages_revisions(editor: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    [draft] = _titled_drafts(post, seeded.users["editor"], 1)
    page = editor.execute(PAGE_REVISIONS, {"id": post.pk})["page"]
    live = BlogPage.objects.get(pk=post.pk).live_revision_id
    assert page["latestRevision"] == {
        "id": str(draft.pk),
        "isLatest": True,
        "isLive": False,
        "user": {"displayName": "editor"},
    }
    assert page["liveRevision"] == {"id": str(live), "isLive": True}
    assert page["scheduledRevision"] is None
    assert page["revisions"]["totalCount"] == 2
    assert page["revisions"]["items"] == [
        {"__typename": "PageRevision", "id": str(draft.pk), "isLatest": True, "isLive": False},
        {"__typename": "PageRevision", "id": str(live), "isLatest": False, "isLive": True},
    ]


@pytest.mark.parametrize("who", ["anonymous", "nobody"])
def test_viewers_without_edit_permission_see_no_revisions(
    who: str, request: pytest.FixtureRequest, seeded: Any
) -> None:
    client: GraphQLClient = request.getfixturevalue(who)
    post = seeded.posts[0]
    _titled_drafts(post, seeded.users["editor"], 1)
    page = client.execute(PAGE_REVISIONS, {"id": post.pk})["page"]
    assert page == {
        "id": str(post.pk),
        "latestRevision": None,
        "revisions": None,
        "liveRevision": None,
        "scheduledRevision": None,
    }
    for revision in Revision.objects.all():
        assert client.execute(REVISION, {"id": revision.pk}) == {"revision": None}


def test_revision_by_id_needs_permission_on_that_revisions_own_page(
    first_post_editor: Any, seeded: Any
) -> None:
    mine, other = seeded.posts[0], seeded.posts[1]
    [my_draft] = _titled_drafts(mine, seeded.users["editor"], 1)
    [other_draft] = _titled_drafts(other, seeded.users["editor"], 1)
    found = first_post_editor.execute(REVISION, {"id": my_draft.pk})["revision"]
    assert found == {
        "__typename": "PageRevision",
        "id": str(my_draft.pk),
        "isLatest": True,
        "isLive": False,
        "content": {"__typename": "BlogPageRevisionContent", "title": "Draft 1"},
    }
    assert first_post_editor.execute(REVISION, {"id": other_draft.pk}) == {"revision": None}
    # Nor through the other page itself, which this user may read only as published.
    other_page = first_post_editor.execute(PAGE_REVISIONS, {"id": other.pk})["page"]
    assert other_page["revisions"] is None and other_page["latestRevision"] is None


def test_unknown_or_malformed_revision_ids_are_null(admin: Any, seeded: Any) -> None:
    assert admin.execute(REVISION, {"id": "999999"}) == {"revision": None}
    assert admin.execute(REVISION, {"id": "abc"}) == {"revision": None}


def test_a_revision_in_an_edit_conflict_shows_no_content_to_outsiders(
    nobody: Any, seeded: Any
) -> None:
    """Whatever a write reports, a viewer who may not read drafts never gets their content."""
    person = Person.objects.get(first_name="Ada")
    draft = person.get_latest_revision_as_object()
    draft.job_title = "Secret draft"
    draft.save_revision(user=seeded.users["editor"])
    response = nobody.execute(
        """
        mutation($id: ID!) {
          updatePerson(id: $id, input: {jobTitle: "x"}, expectedRevisionId: "1") {
            errors {
              __typename
              ... on EditConflictError {
                latestRevision {
                  id
                  ... on SnippetRevision { content { ... on PersonRevisionContent { jobTitle } } }
                }
              }
            }
          }
        }
        """,
        {"id": person.pk},
    )
    [error] = response["updatePerson"]["errors"]
    assert error["__typename"] in ("EditConflictError", "PermissionDeniedError")
    if error["__typename"] == "EditConflictError":
        assert error["latestRevision"]["content"] is None


# ---- listing --------------------------------------------------------------------------------


def test_order_and_paging(admin: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    drafts = _titled_drafts(post, seeded.users["editor"], 4)
    first = BlogPage.objects.get(pk=post.pk).live_revision_id
    newest_first = [str(r.pk) for r in reversed(drafts)] + [str(first)]
    listed = admin.execute(LIST, {"id": post.pk})["page"]["revisions"]
    assert (listed["totalCount"], _ids(listed)) == (5, newest_first)
    assert [i["content"]["title"] for i in listed["items"][:2]] == ["Draft 4", "Draft 3"]
    oldest = admin.execute(LIST, {"id": post.pk, "order": "CREATED_AT_ASC"})["page"]
    assert _ids(oldest["revisions"]) == list(reversed(newest_first))
    window = admin.execute(LIST, {"id": post.pk, "offset": 1, "limit": 2})["page"]["revisions"]
    assert (window["totalCount"], _ids(window)) == (5, newest_first[1:3])


def test_filters(admin: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    by_editor = _titled_drafts(post, seeded.users["editor"], 2)
    by_admin = _titled_drafts(post, seeded.users["admin"], 1)
    base = datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)
    for n, revision in enumerate([*by_editor, *by_admin]):
        Revision.objects.filter(pk=revision.pk).update(created_at=base + datetime.timedelta(days=n))
    go_live = base + datetime.timedelta(days=30)
    Revision.objects.filter(pk=by_editor[1].pk).update(approved_go_live_at=go_live)

    def listed(**args: Any) -> list[str]:
        return _ids(admin.execute(LIST, {"id": post.pk, **args})["page"]["revisions"])

    editor_id = str(seeded.users["editor"].pk)
    assert listed(user=editor_id) == [str(r.pk) for r in reversed(by_editor)]
    assert listed(user="not-a-user") == []
    assert listed(after=(base + datetime.timedelta(days=1)).isoformat()) == [
        str(by_admin[0].pk),
        str(by_editor[1].pk),
    ]
    assert listed(before=base.isoformat(), after=base.isoformat()) == [str(by_editor[0].pk)]
    assert listed(goLiveAfter=go_live.isoformat()) == [str(by_editor[1].pk)]
    assert listed(goLiveBefore=(go_live - datetime.timedelta(seconds=1)).isoformat()) == []


def test_person_revisions(editor: Any, anonymous: Any, seeded: Any) -> None:
    person = Person.objects.get(first_name="Ada")
    draft = person.get_latest_revision_as_object()
    draft.job_title = "Poet"
    revision = draft.save_revision(user=seeded.users["editor"])
    query = """
    query($id: ID!) {
      person(id: $id) {
        jobTitle
        latestRevision {
          id isLatest
          ... on SnippetRevision { content { ... on PersonRevisionContent { jobTitle } } }
        }
        liveRevision { id }
        revisions { totalCount items { __typename id } }
      }
    }
    """
    person_read = editor.execute(query, {"id": person.pk})["person"]
    assert person_read["jobTitle"] == "Analyst"  # LIVE content
    assert person_read["latestRevision"] == {
        "id": str(revision.pk),
        "isLatest": True,
        "content": {"jobTitle": "Poet"},
    }
    assert person_read["liveRevision"] == {"id": str(person.live_revision_id)}
    assert person_read["revisions"]["totalCount"] == 2
    assert {i["__typename"] for i in person_read["revisions"]["items"]} == {"SnippetRevision"}
    outsider = anonymous.execute(query, {"id": person.pk})["person"]
    assert (outsider["latestRevision"], outsider["revisions"]) == (None, None)
    found = editor.execute(REVISION, {"id": revision.pk})["revision"]
    assert found["content"] == {
        "__typename": "PersonRevisionContent",
        "displayTitle": "Ada Lovelace",
    }


def test_latest_version_reads_report_the_rows_live_revision(editor: Any, seeded: Any) -> None:
    """A LATEST read is built from revision JSON; revision facts still come from the row."""
    post = seeded.posts[0]
    _titled_drafts(post, seeded.users["editor"], 1)
    query = """
    query($id: ID) { page(id: $id, version: LATEST) {
      title ... on DraftState { liveRevision { id isLive } }
    } }
    """
    page = editor.execute(query, {"id": post.pk})["page"]
    live = BlogPage.objects.get(pk=post.pk).live_revision_id
    assert page == {"title": "Draft 1", "liveRevision": {"id": str(live), "isLive": True}}


def test_listing_revisions_costs_the_same_whatever_their_number(admin: Any, seeded: Any) -> None:
    """Users are joined, the object is not refetched per revision: no N+1."""
    post = seeded.posts[0]
    query = """
    query($id: ID) { page(id: $id) { ... on Revisable {
      revisions(limit: 100) {
        totalCount items { id createdAt isLatest isLive user { displayName } }
      }
    } } }
    """

    def count() -> int:
        admin.execute(query, {"id": post.pk})  # warm-up: content types, site
        with CaptureQueriesContext(connection) as captured:
            result = admin.execute(query, {"id": post.pk})
        assert result["page"]["revisions"]["items"]
        return len(captured.captured_queries)

    _titled_drafts(post, seeded.users["editor"], 2)
    few = count()
    _titled_drafts(post, seeded.users["admin"], 25)
    assert count() == few


def test_listing_revisions_query_budget(
    admin: Any, seeded: Any, django_assert_max_num_queries: Any
) -> None:
    post = seeded.posts[0]
    _titled_drafts(post, seeded.users["editor"], 30)
    query = """
    query($id: ID) { page(id: $id) { ... on Revisable {
      revisions(limit: 50) { totalCount items { id isLatest isLive user { displayName } } }
    } } }
    """
    admin.execute(query, {"id": post.pk})
    # 9 today: the token, the page and its visibility (5), the page row again (revision
    # facts come from the row), the revisions joined with their users, the count.
    with django_assert_max_num_queries(10):
        admin.execute(query, {"id": post.pk})


# ---- scheduling -------------------------------------------------------------------------------


UPDATE_SCHEDULED = """
mutation($id: ID!, $goLiveAt: DateTime, $expireAt: DateTime) {
  updateBlogPage(id: $id, input: {title: "Coming soon", goLiveAt: $goLiveAt, expireAt: $expireAt},
                 action: PUBLISH) {
    page { title live goLiveAt ... on DraftState { scheduledRevision { id approvedGoLiveAt } } }
    errors { __typename path message }
  }
}
"""


def test_publishing_with_a_future_go_live_at_schedules_the_page(
    moderator: Any, anonymous: Any, seeded: Any
) -> None:
    post = seeded.posts[0]
    go_live = (timezone.now() + datetime.timedelta(days=2)).replace(microsecond=0)
    logs = PageLogEntry.objects.filter(page_id=post.pk).count()
    payload = moderator.execute(UPDATE_SCHEDULED, {"id": post.pk, "goLiveAt": go_live.isoformat()})
    payload = payload["updateBlogPage"]
    assert payload["errors"] == []
    scheduled = payload["page"]["scheduledRevision"]
    assert scheduled is not None
    assert datetime.datetime.fromisoformat(scheduled["approvedGoLiveAt"]) == go_live
    row = BlogPage.objects.get(pk=post.pk)
    assert (row.title, row.live, row.scheduled_revision.pk) == (
        "Hello, GraphQL",
        True,
        int(scheduled["id"]),
    )
    live = anonymous.execute("query($id: ID) { page(id: $id) { title } }", {"id": post.pk})
    assert live == {"page": {"title": "Hello, GraphQL"}}  # the old content stays live
    actions = PageLogEntry.objects.filter(page_id=post.pk).order_by("pk")[logs:]
    assert [e.action for e in actions] == ["wagtail.edit", "wagtail.publish.schedule"]


def test_creating_with_a_future_go_live_at_is_not_live_until_then(
    moderator: Any, anonymous: Any, seeded: Any
) -> None:
    go_live = timezone.now() + datetime.timedelta(days=1)
    payload = moderator.execute(
        """
        mutation($goLiveAt: DateTime, $person: ID!) {
          createBlogPage(
            parent: "/blog/"
            input: {
              title: "Later", goLiveAt: $goLiveAt, date: "2025-05-01"
              authors: [{person: $person}]
            }
            action: PUBLISH
          ) {
            page { id live ... on DraftState { scheduledRevision { id } } }
            errors { __typename path }
          }
        }
        """,
        {"goLiveAt": go_live.isoformat(), "person": str(seeded.people["lovelace"].pk)},
    )["createBlogPage"]
    assert payload["errors"] == []
    assert payload["page"]["live"] is False
    assert payload["page"]["scheduledRevision"] is not None
    read = anonymous.execute(
        "query($id: ID) { page(id: $id) { id } }", {"id": payload["page"]["id"]}
    )
    assert read == {"page": None}


def test_schedule_fields_are_validated_by_the_page_form(moderator: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    now = timezone.now()
    past = moderator.execute(
        UPDATE_SCHEDULED,
        {"id": post.pk, "expireAt": (now - datetime.timedelta(days=1)).isoformat()},
    )["updateBlogPage"]
    assert [(e["__typename"], e["path"]) for e in past["errors"]] == [
        ("ValidationError", ["input", "expireAt"])
    ]
    crossed = moderator.execute(
        UPDATE_SCHEDULED,
        {
            "id": post.pk,
            "goLiveAt": (now + datetime.timedelta(days=3)).isoformat(),
            "expireAt": (now + datetime.timedelta(days=2)).isoformat(),
        },
    )["updateBlogPage"]
    assert crossed["page"] is None
    assert ["input", "goLiveAt"] in [e["path"] for e in crossed["errors"]]
    assert BlogPage.objects.get(pk=post.pk).scheduled_revision is None

"""Every path to an object applies that object's read rule (``access.readable``).

An unpublished ``Person`` is ``null`` from ``person(id:)`` for anonymous readers; it
must be ``null`` through a live page's InlinePanel rows (``authors { person }``) and
its person chooser block too, and likewise for pages behind a page chooser. Who holds
a lock is for editors. A page the viewer may not see answers exactly as a missing one.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import APIToken, Page, PageViewRestriction

from blog.models import BlogIndexPage, BlogPage, Person
from tests.conftest import GraphQLClient

POST = """
query($id: ID) {
  page(id: $id) {
    ... on BlogPage {
      authors { role person { id firstName live } }
      body {
        blockType
        ... on BlogPageBodyPersonBlock { person { id firstName live } }
        ... on BlogPageBodyRelatedPageBlock { relatedPage { id title } }
      }
    }
  }
}
"""

PERSON = "query($id: ID!) { person(id: $id) { id } }"


def _client_without_permissions() -> GraphQLClient:
    """A signed-in user with no permission at all: reads like the public, plus nothing."""
    user = get_user_model().objects.create_user("nobody", password="x")
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


@pytest.fixture
def unpublished_author(seeded: Any) -> Person:
    """Ada Lovelace, author of the live first post and chosen in its body, unpublished."""
    person = seeded.people["lovelace"]
    person.unpublish(user=seeded.users["admin"])
    person.refresh_from_db()
    assert not person.live
    return person


def _post(client: GraphQLClient, page: Any) -> dict[str, Any]:
    return client.execute(POST, {"id": str(page.pk)})["page"]


def _chosen_people(post: dict[str, Any]) -> list[Any]:
    return [block["person"] for block in post["body"] if block["blockType"] == "person"]


def test_an_unpublished_snippet_is_null_from_person_and_through_relations(
    anonymous: GraphQLClient, seeded: Any, unpublished_author: Person
) -> None:
    assert anonymous.execute(PERSON, {"id": str(unpublished_author.pk)})["person"] is None
    post = _post(anonymous, seeded.posts[0])
    assert post["authors"] == [{"role": "Author", "person": None}]
    assert _chosen_people(post) == [None]


def test_a_signed_in_reader_without_permissions_does_not_see_it_either(
    seeded: Any, unpublished_author: Person
) -> None:
    post = _post(_client_without_permissions(), seeded.posts[0])
    assert post["authors"] == [{"role": "Author", "person": None}]
    assert _chosen_people(post) == [None]


def test_viewers_who_may_edit_the_snippet_see_it_through_relations(
    editor: GraphQLClient, seeded: Any, unpublished_author: Person
) -> None:
    """The editor may read it (``version: LATEST``), so a relation shows it too."""
    shown = {"id": str(unpublished_author.pk), "firstName": "Ada", "live": False}
    post = _post(editor, seeded.posts[0])
    assert post["authors"] == [{"role": "Author", "person": shown}]
    assert _chosen_people(post) == [shown]


def test_a_published_snippet_shows_its_live_state_through_relations(
    anonymous: GraphQLClient, seeded: Any
) -> None:
    """A draft saved after publishing is not what a relation shows: the row is live."""
    person = seeded.people["lovelace"]
    person.first_name = "Augusta"
    person.save_revision(user=seeded.users["admin"])
    live = {"id": str(person.pk), "firstName": "Ada", "live": True}
    post = _post(anonymous, seeded.posts[0])
    assert post["authors"] == [{"role": "Author", "person": live}]
    assert _chosen_people(post) == [live]


def _related_pages(post: dict[str, Any]) -> list[Any]:
    return [b["relatedPage"] for b in post["body"] if b["blockType"] == "relatedPage"]


def test_a_page_chooser_hides_a_page_behind_a_view_restriction(
    anonymous: GraphQLClient, editor: GraphQLClient, seeded: Any
) -> None:
    target = seeded.posts[0]
    restriction = PageViewRestriction.objects.create(
        page=target, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Moderators"))
    assert _related_pages(_post(anonymous, seeded.posts[1])) == [None]
    shown = [{"id": str(target.pk), "title": target.title}]
    assert _related_pages(_post(editor, seeded.posts[1])) == shown


def test_a_page_chooser_hides_an_unpublished_page_from_readers_who_may_not_edit_it(
    anonymous: GraphQLClient, editor: GraphQLClient, seeded: Any
) -> None:
    target = seeded.posts[0]
    target.unpublish()
    assert _related_pages(_post(anonymous, seeded.posts[1])) == [None]
    assert _related_pages(_post(_client_without_permissions(), seeded.posts[1])) == [None]
    assert _related_pages(_post(editor, seeded.posts[1])) == [
        {"id": str(target.pk), "title": target.title}
    ]


# ---- lockedBy / lockedAt ------------------------------------------------------------------

LOCKS = """
query($page: ID, $person: ID!) {
  page(id: $page) { locked lockedAt lockedBy { displayName } }
  person(id: $person) { locked lockedAt lockedBy { displayName } }
}
"""


def _lock_all(seeded: Any) -> dict[str, str]:
    from django.utils import timezone

    admin = seeded.users["admin"]
    for obj in (seeded.posts[0], seeded.people["hopper"]):
        type(obj).objects.filter(pk=obj.pk).update(
            locked=True, locked_by=admin, locked_at=timezone.now()
        )
    return {"page": str(seeded.posts[0].pk), "person": str(seeded.people["hopper"].pk)}


def test_who_locked_a_live_page_or_snippet_is_hidden_from_readers_who_may_not_edit(
    anonymous: GraphQLClient, seeded: Any
) -> None:
    variables = _lock_all(seeded)
    hidden = {"locked": True, "lockedAt": None, "lockedBy": None}
    for client in (anonymous, _client_without_permissions()):
        data = client.execute(LOCKS, variables)
        assert data == {"page": hidden, "person": hidden}


def test_who_locked_it_is_shown_to_those_who_may_edit_it(
    editor: GraphQLClient, seeded: Any
) -> None:
    data = editor.execute(LOCKS, _lock_all(seeded))
    for found in (data["page"], data["person"]):
        assert found["locked"] is True
        assert found["lockedBy"] == {"displayName": "admin"}
        assert found["lockedAt"] is not None


# ---- a hidden page answers as a missing one ----------------------------------------------

LISTS = """
query($parent: ID) {
  children: pages(childOf: $parent) { totalCount items { id } }
  descendants: pages(descendantOf: $parent) { totalCount items { id } }
}
"""


@pytest.fixture
def draft_section(seeded: Any) -> Page:
    """An unpublished section whose one child is live and public."""
    section = seeded.home.add_child(
        instance=BlogIndexPage(title="Secret", slug="secret", live=False)
    )
    child = section.add_child(instance=BlogPage(title="Leaked?", slug="leaked", live=False))
    child.save_revision().publish()
    return section


def test_pages_under_a_hidden_parent_answer_as_under_a_missing_one(
    anonymous: GraphQLClient, seeded: Any, draft_section: Page
) -> None:
    missing = anonymous.execute(LISTS, {"parent": "999999"})
    empty = {"totalCount": 0, "items": []}
    assert missing == {"children": empty, "descendants": empty}
    assert anonymous.execute(LISTS, {"parent": str(draft_section.pk)}) == missing
    path = "/secret/"
    assert anonymous.execute(LISTS, {"parent": path}) == missing


def test_pages_under_a_parent_the_viewer_may_edit_are_listed(
    editor: GraphQLClient, draft_section: Page
) -> None:
    found = editor.execute(LISTS, {"parent": str(draft_section.pk)})
    assert found["children"]["totalCount"] == 1
    assert found["descendants"]["totalCount"] == 1

"""movePage, deletePage, copyPage and createPageAlias: tree rules as typed TreeErrors."""

from __future__ import annotations

from typing import Any

from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage
from tests.writes.page_actions_helpers import (
    add_page,
    db_state,
    fresh,
    last_log_id,
    log_actions_since,
)

MOVE = """
mutation($id: ID!, $destination: ID!, $position: PagePosition) {
  movePage(id: $id, destination: $destination, position: $position) {
    page { id urlPath }
    errors { __typename code path message }
  }
}
"""
DELETE = """
mutation($id: ID!, $all: Boolean! = false) {
  deletePage(id: $id, withDescendants: $all) { deletedId errors { __typename code path } }
}
"""
COPY = """
mutation($id: ID!, $to: ID, $recursive: Boolean! = false, $keepLive: Boolean! = false,
         $title: String, $slug: String) {
  copyPage(id: $id, destination: $to, recursive: $recursive, keepLive: $keepLive,
           title: $title, slug: $slug) {
    page { id title slug live urlPath }
    errors { __typename code path ... on ValidationError { validationCode } }
  }
}
"""
ALIAS = """
mutation($id: ID!, $to: ID, $slug: String, $recursive: Boolean! = false) {
  createPageAlias(id: $id, destination: $to, slug: $slug, recursive: $recursive) {
    page { id slug live urlPath }
    errors { __typename code path }
  }
}
"""
CONVERT = """
mutation($id: ID!) {
  convertPageAlias(id: $id) { page { id } revision { id isLatest } errors { __typename code } }
}
"""


def _archive(seeded: Any) -> Any:
    archive = BlogIndexPage(title="Archive", slug="archive")
    return add_page(seeded.home, archive, seeded.users["admin"])


def _children(parent: Any) -> list[int]:
    return [page.pk for page in fresh(parent).get_children()]


def _error(payload: dict[str, Any]) -> tuple[str, str, list[str] | None]:
    [error] = payload["errors"]
    return error["__typename"], error["code"], error["path"]


def test_move_to_another_parent_updates_url_paths(moderator: Any, seeded: Any) -> None:
    archive = _archive(seeded)
    log_id = last_log_id()
    post = seeded.posts[0]
    payload = moderator.execute(MOVE, {"id": post.pk, "destination": "/archive/"})["movePage"]
    assert payload == {
        "page": {"id": str(post.pk), "urlPath": f"/home/archive/{post.slug}/"},
        "errors": [],
    }
    assert _children(archive) == [post.pk]
    assert log_actions_since(log_id) == ["wagtail.move"]


def test_positions(moderator: Any, seeded: Any) -> None:
    first, second, third = (p.pk for p in seeded.posts)
    index = seeded.index
    moderator.execute(MOVE, {"id": third, "destination": first, "position": "LEFT"})
    assert _children(index) == [third, first, second]
    moderator.execute(MOVE, {"id": third, "destination": second, "position": "RIGHT"})
    assert _children(index) == [first, second, third]
    moderator.execute(MOVE, {"id": second, "destination": index.pk, "position": "FIRST_CHILD"})
    assert _children(index) == [second, first, third]
    log_id = last_log_id()
    moderator.execute(MOVE, {"id": second, "destination": index.pk})
    assert _children(index) == [first, third, second]
    assert log_actions_since(log_id) == ["wagtail.reorder"]


def test_move_into_own_descendant_is_a_tree_error(admin: Any, seeded: Any) -> None:
    before = db_state()
    post = seeded.posts[0].pk
    for destination, position in ((post, "FIRST_CHILD"), (post, "LEFT")):
        variables = {"id": seeded.index.pk, "destination": destination, "position": position}
        payload = admin.execute(MOVE, variables)["movePage"]
        assert _error(payload) == ("TreeError", "MOVE_INTO_DESCENDANT", ["destination"])
    payload = admin.execute(MOVE, {"id": post, "destination": post})["movePage"]
    assert _error(payload) == ("TreeError", "MOVE_INTO_DESCENDANT", ["destination"])
    assert db_state() == before


def test_move_under_a_parent_that_does_not_allow_the_type(admin: Any, seeded: Any) -> None:
    before = db_state()
    payload = admin.execute(MOVE, {"id": seeded.posts[0].pk, "destination": seeded.home.pk})
    assert _error(payload["movePage"]) == ("TreeError", "PAGE_TYPE_NOT_ALLOWED", ["destination"])
    assert db_state() == before


def test_impossible_positions(admin: Any, seeded: Any) -> None:
    post = seeded.posts[0].pk
    next_to_root = admin.execute(MOVE, {"id": post, "destination": 1, "position": "RIGHT"})
    assert _error(next_to_root["movePage"]) == (
        "TreeError",
        "INVALID_TREE_OPERATION",
        ["position"],
    )
    next_to_self = admin.execute(MOVE, {"id": post, "destination": post, "position": "LEFT"})
    assert _error(next_to_self["movePage"])[:2] == ("TreeError", "INVALID_TREE_OPERATION")


def test_move_to_a_parent_with_the_same_slug_is_refused(admin: Any, seeded: Any) -> None:
    archive = _archive(seeded)
    post = seeded.posts[0]
    add_page(archive, BlogPage(title="Twin", slug=post.slug), seeded.users["admin"])
    payload = admin.execute(MOVE, {"id": post.pk, "destination": archive.pk})["movePage"]
    assert _error(payload) == ("ValidationError", "SLUG_IN_USE", ["destination"])


def test_delete_refuses_a_page_with_children_unless_asked(admin: Any, seeded: Any) -> None:
    before = db_state()
    refused = admin.execute(DELETE, {"id": seeded.index.pk})["deletePage"]
    assert refused["deletedId"] is None
    assert _error(refused) == ("TreeError", "HAS_CHILDREN", ["id"])
    assert db_state() == before
    log_id = last_log_id()
    done = admin.execute(DELETE, {"id": seeded.index.pk, "all": True})["deletePage"]
    assert done == {"deletedId": str(seeded.index.pk), "errors": []}
    assert not Page.objects.filter(pk__in=[seeded.index.pk, *(p.pk for p in seeded.posts)])
    assert log_actions_since(log_id) == ["wagtail.delete"] * 4


def test_delete_by_url_path(admin: Any, seeded: Any) -> None:
    payload = admin.execute(DELETE, {"id": "/blog/coming-soon-workflows/"})["deletePage"]
    assert payload == {"deletedId": str(seeded.posts[2].pk), "errors": []}


def test_copy_gets_a_free_slug_and_is_a_draft(editor: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    payload = editor.execute(COPY, {"id": post.pk})["copyPage"]
    assert payload["errors"] == []
    copy = payload["page"]
    assert (copy["title"], copy["slug"], copy["live"]) == (post.title, f"{post.slug}-1", False)
    assert int(copy["id"]) in _children(seeded.index)


def test_copy_with_title_slug_and_keep_live(moderator: Any, seeded: Any) -> None:
    variables = {"id": seeded.posts[0].pk, "title": "Twin", "slug": "twin", "keepLive": True}
    payload = moderator.execute(COPY, variables)["copyPage"]
    assert payload["errors"] == []
    assert {k: payload["page"][k] for k in ("title", "slug", "live")} == {
        "title": "Twin",
        "slug": "twin",
        "live": True,
    }


def test_copy_recursive(admin: Any, seeded: Any) -> None:
    archive = _archive(seeded)
    variables = {"id": seeded.index.pk, "to": seeded.home.pk, "recursive": True}
    payload = admin.execute(COPY, variables)["copyPage"]
    assert payload["errors"] == []
    copy = Page.objects.get(pk=payload["page"]["id"])
    assert copy.get_children().count() == len(seeded.posts)
    assert archive.pk not in [p.pk for p in copy.get_descendants()]


def test_copy_errors(admin: Any, seeded: Any) -> None:
    before = db_state()
    post, index = seeded.posts[0].pk, seeded.index.pk
    into_self = admin.execute(COPY, {"id": index, "to": post, "recursive": True})["copyPage"]
    assert _error(into_self) == ("TreeError", "COPY_INTO_DESCENDANT", ["destination"])
    wrong_type = admin.execute(COPY, {"id": post, "to": seeded.home.pk})["copyPage"]
    assert _error(wrong_type) == ("TreeError", "PAGE_TYPE_NOT_ALLOWED", ["destination"])
    bad_input = admin.execute(COPY, {"id": post, "title": "", "slug": seeded.posts[1].slug})
    assert [(e["path"], e["validationCode"]) for e in bad_input["copyPage"]["errors"]] == [
        (["title"], "required"),
        (["slug"], "slug_in_use"),
    ]
    nowhere = admin.execute(COPY, {"id": post, "to": "/no/such/page/"})["copyPage"]
    assert _error(nowhere) == ("NotFoundError", "NOT_FOUND", ["destination"])
    bad_slug = admin.execute(COPY, {"id": post, "slug": "no spaces"})["copyPage"]
    assert [(e["path"], e["validationCode"]) for e in bad_slug["errors"]] == [(["slug"], "invalid")]
    assert db_state() == before


def test_create_alias_and_convert_it(moderator: Any, seeded: Any) -> None:
    archive = _archive(seeded)
    post = seeded.posts[0]
    log_id = last_log_id()
    payload = moderator.execute(ALIAS, {"id": post.pk, "to": archive.pk})["createPageAlias"]
    assert payload["errors"] == []
    assert payload["page"]["live"] is True
    assert payload["page"]["urlPath"] == f"/home/archive/{post.slug}/"
    alias = Page.objects.get(pk=payload["page"]["id"])
    assert alias.alias_of_id == post.pk
    assert log_actions_since(log_id) == ["wagtail.create", "wagtail.create_alias"]
    converted = moderator.execute(CONVERT, {"id": alias.pk})["convertPageAlias"]
    assert converted["errors"] == []
    assert converted["revision"]["isLatest"] is True
    assert fresh(alias).alias_of_id is None


def test_alias_next_to_the_original_gets_a_free_slug(moderator: Any, seeded: Any) -> None:
    post = seeded.posts[0]
    payload = moderator.execute(ALIAS, {"id": post.pk})["createPageAlias"]
    assert payload["page"]["slug"] == f"{post.slug}-1"


def test_alias_errors(admin: Any, seeded: Any) -> None:
    before = db_state()
    post, index = seeded.posts[0].pk, seeded.index.pk
    into_self = admin.execute(ALIAS, {"id": index, "to": post, "recursive": True})
    assert _error(into_self["createPageAlias"]) == (
        "TreeError",
        "COPY_INTO_DESCENDANT",
        ["destination"],
    )
    taken = admin.execute(ALIAS, {"id": post, "slug": seeded.posts[1].slug})["createPageAlias"]
    assert _error(taken) == ("ValidationError", "SLUG_IN_USE", ["slug"])
    not_alias = admin.execute(CONVERT, {"id": post})["convertPageAlias"]
    assert [(e["__typename"], e["code"]) for e in not_alias["errors"]] == [
        ("TreeError", "NOT_AN_ALIAS")
    ]
    assert db_state() == before

"""Creating pages: the admin's revisions, audit log, permissions and tree rules."""

from __future__ import annotations

from typing import Any

from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from blog.models import BlogPage

CREATE = """
mutation Create($parent: ID!, $input: BlogPageCreateInput!, $action: SaveAction) {
  createBlogPage(parent: $parent, input: $input, action: $action) {
    page { id title slug live hasUnpublishedChanges url }
    errors { __typename message code path ... on ValidationError { validationCode } }
  }
}
"""


def _counts() -> tuple[int, int, int]:
    return BlogPage.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()


def test_create_as_draft_leaves_the_admins_revision_and_log(editor: Any, seeded: Any) -> None:
    result = editor.execute(CREATE, {"parent": "/blog/", "input": {"title": "Draft post"}})
    payload = result["createBlogPage"]
    assert payload["errors"] == []
    page = BlogPage.objects.get(pk=payload["page"]["id"])
    assert (page.title, page.slug, page.live) == ("Draft post", "draft-post", False)
    assert payload["page"]["live"] is False
    assert page.revisions.count() == 1
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["wagtail.create", "wagtail.edit"]


def test_create_and_publish_logs_publish_too(moderator: Any, seeded: Any) -> None:
    complete = {"date": "2025-05-01", "authors": [{"person": str(seeded.people["hopper"].pk)}]}
    result = moderator.execute(
        CREATE,
        {
            "parent": str(seeded.index.pk),
            "input": {"title": "Live post", **complete},
            "action": "PUBLISH",
        },
    )
    page = BlogPage.objects.get(pk=result["createBlogPage"]["page"]["id"])
    assert page.live is True
    actions = list(
        PageLogEntry.objects.filter(page=page).order_by("pk").values_list("action", flat=True)
    )
    assert actions == ["wagtail.create", "wagtail.edit", "wagtail.publish"]


def test_user_without_add_permission_is_denied_and_nothing_is_saved(seeded: Any) -> None:
    from django.contrib.auth import get_user_model
    from wagtail.models import APIToken

    from tests.conftest import GraphQLClient

    nobody = get_user_model().objects.create_user("nobody", password="x")
    _, token = APIToken.create_token(user=nobody, name="t")
    before = _counts()
    result = GraphQLClient(token).execute(CREATE, {"parent": "/blog/", "input": {"title": "X"}})
    payload = result["createBlogPage"]
    assert payload["page"] is None
    assert [e["__typename"] for e in payload["errors"]] == ["PermissionDeniedError"]
    assert payload["errors"][0]["code"] == "PERMISSION_DENIED"
    assert _counts() == before


def test_anonymous_write_is_unauthenticated(anonymous: Any, seeded: Any) -> None:
    before = _counts()
    payload = anonymous.execute(CREATE, {"parent": "/blog/", "input": {"title": "X"}})[
        "createBlogPage"
    ]
    assert payload["errors"][0]["code"] == "UNAUTHENTICATED"
    assert _counts() == before


def test_page_type_not_allowed_under_parent_is_a_tree_error(editor: Any, seeded: Any) -> None:
    before = _counts()
    payload = editor.execute(CREATE, {"parent": str(seeded.home.pk), "input": {"title": "X"}})[
        "createBlogPage"
    ]
    assert payload["page"] is None
    assert payload["errors"] == [
        {
            "__typename": "TreeError",
            "message": payload["errors"][0]["message"],
            "code": "PAGE_TYPE_NOT_ALLOWED",
            "path": ["parent"],
        }
    ]
    assert _counts() == before


def test_duplicate_slug_is_a_validation_error_on_input_slug(editor: Any, seeded: Any) -> None:
    existing = seeded.posts[0]
    before = _counts()
    payload = editor.execute(
        CREATE, {"parent": "/blog/", "input": {"title": "Dup", "slug": existing.slug}}
    )["createBlogPage"]
    assert payload["page"] is None
    errors = payload["errors"]
    assert [(e["__typename"], e["path"]) for e in errors] == [
        ("ValidationError", ["input", "slug"])
    ]
    assert errors[0]["code"] == "SLUG_IN_USE"
    assert _counts() == before


def test_unknown_parent_is_not_found(editor: Any, seeded: Any) -> None:
    payload = editor.execute(CREATE, {"parent": "/nope/", "input": {"title": "X"}})[
        "createBlogPage"
    ]
    assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
        ("NotFoundError", ["parent"])
    ]


def test_no_model_log_entries_for_pages(editor: Any, seeded: Any) -> None:
    before = ModelLogEntry.objects.count()
    editor.execute(CREATE, {"parent": "/blog/", "input": {"title": "Y"}})
    assert ModelLogEntry.objects.count() == before

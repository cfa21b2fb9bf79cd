"""``dryRun: true`` checks and validates everything and leaves the database as it was."""

from __future__ import annotations

from typing import Any

from wagtail.models import ModelLogEntry, Page, PageLogEntry, Revision

from blog.models import BlogPage, Category

CREATE = """
mutation($input: BlogPageCreateInput!, $action: SaveAction) {
  createBlogPage(parent: "/blog/", input: $input, action: $action, dryRun: true) {
    page { id title slug live }
    errors { __typename path code }
  }
}
"""
UPDATE = """
mutation($id: ID!, $input: BlogPageUpdateInput!) {
  updateBlogPage(id: $id, input: $input, action: PUBLISH, dryRun: true) {
    page { id title live }
    errors { __typename path code }
  }
}
"""


def _counts() -> tuple[int, ...]:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        ModelLogEntry.objects.count(),
        Category.objects.count(),
    )


def test_valid_create_returns_the_would_be_page_and_saves_nothing(
    moderator: Any, seeded: Any
) -> None:
    before = _counts()
    complete = {"date": "2025-05-01", "authors": [{"person": str(seeded.people["hopper"].pk)}]}
    variables = {"input": {"title": "Trial balloon", **complete}, "action": "PUBLISH"}
    payload = moderator.execute(CREATE, variables)["createBlogPage"]
    assert payload["errors"] == []
    assert payload["page"]["title"] == "Trial balloon"
    assert payload["page"]["slug"] == "trial-balloon"
    assert payload["page"]["live"] is True
    assert _counts() == before
    assert not BlogPage.objects.filter(title="Trial balloon").exists()


def test_invalid_create_returns_errors_and_saves_nothing(editor: Any, seeded: Any) -> None:
    before = _counts()
    payload = editor.execute(CREATE, {"input": {"title": "Dup", "slug": seeded.posts[0].slug}})[
        "createBlogPage"
    ]
    assert payload["page"] is None
    assert [e["path"] for e in payload["errors"]] == [["input", "slug"]]
    assert _counts() == before


def test_valid_and_invalid_update_save_nothing(moderator: Any, seeded: Any) -> None:
    page = seeded.posts[0]
    before = _counts()
    ok = moderator.execute(UPDATE, {"id": page.pk, "input": {"title": "Renamed"}})
    assert ok["updateBlogPage"]["errors"] == []
    assert ok["updateBlogPage"]["page"]["title"] == "Renamed"
    bad = moderator.execute(UPDATE, {"id": page.pk, "input": {"title": ""}})
    assert bad["updateBlogPage"]["errors"][0]["path"] == ["input", "title"]
    assert _counts() == before
    assert BlogPage.objects.get(pk=page.pk).title == page.title


def test_dry_run_still_checks_permissions(editor: Any, seeded: Any) -> None:
    before = _counts()
    payload = editor.execute(CREATE, {"input": {"title": "Live?"}, "action": "PUBLISH"})
    assert [e["__typename"] for e in payload["createBlogPage"]["errors"]] == [
        "PermissionDeniedError"
    ]
    assert _counts() == before


def test_dry_run_snippet_create(editor: Any, seeded: Any) -> None:
    before = _counts()
    payload = editor.execute(
        'mutation { createCategory(input: {name: "Tmp", slug: "tmp"}, dryRun: true) '
        "{ snippet { ... on Category { name } } errors { path } } }"
    )["createCategory"]
    assert payload == {"snippet": {"name": "Tmp"}, "errors": []}
    assert _counts() == before

"""Create and update validate the whole admin form, not only the fields that were sent.

Each test here names a rule the Wagtail admin enforces on the same data: a required
field of a snippet without drafts, an InlinePanel's ``min_num``, and the page type's own
``base_form_class`` rule (``blog.forms.BlogPageForm``: a published post needs a date).
"""

from __future__ import annotations

import json
from typing import Any

from wagtail.models import PageLogEntry, Revision

from blog.models import BlogPage, Category
from tests.writes.content_helpers import same_content

ERRORS = "errors { __typename message code path ... on ValidationError { validationCode } }"

CREATE_CATEGORY = f"""
mutation Create($input: CategoryCreateInput!) {{
  createCategory(input: $input) {{ snippet {{ id name }} {ERRORS} }}
}}
"""

CREATE_POST = f"""
mutation Create($input: BlogPageCreateInput!, $action: SaveAction) {{
  createBlogPage(parent: "/blog/", input: $input, action: $action) {{
    page {{ id title live }} {ERRORS}
  }}
}}
"""

UPDATE_POST = f"""
mutation Update($id: ID!, $input: BlogPageUpdateInput!, $action: SaveAction) {{
  updateBlogPage(id: $id, input: $input, action: $action) {{
    page {{ id title live }} {ERRORS}
  }}
}}
"""

MIN_NUM = "Please submit at least 1 form."

#: Every writable field of BlogPage as stored in a revision, other than the title.
CONTENT_KEYS = (
    "slug", "seo_title", "search_description", "show_in_menus", "go_live_at", "expire_at",
    "date", "intro", "body", "feed_image", "tagged_items", "categories", "reading_level",
    "featured", "authors",
)  # fmt: skip


def _counts() -> tuple[int, int, int]:
    return BlogPage.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()


def _errors(payload: dict[str, Any]) -> list[tuple[str, list[str] | None, str | None]]:
    return [(e["message"], e["path"], e.get("validationCode")) for e in payload["errors"]]


def test_a_plain_snippet_is_not_created_with_a_blank_required_field(
    editor: Any, seeded: Any
) -> None:
    before = Category.objects.count()
    for _ in range(2):  # the second attempt used to leak an IntegrityError
        payload = editor.execute(CREATE_CATEGORY, {"input": {"name": "", "slug": "x"}})[
            "createCategory"
        ]
        assert payload["snippet"] is None
        assert _errors(payload) == [("This field is required.", ["input", "name"], "required")]
    assert Category.objects.count() == before


def test_publishing_without_the_inline_panels_minimum_is_refused(
    moderator: Any, seeded: Any
) -> None:
    before = _counts()
    payload = moderator.execute(
        CREATE_POST, {"input": {"title": "No authors", "date": "2025-03-01"}, "action": "PUBLISH"}
    )["createBlogPage"]
    assert payload["page"] is None
    assert _errors(payload) == [(MIN_NUM, ["input", "authors"], "too_few_forms")]
    assert _counts() == before


def test_submitting_without_the_inline_panels_minimum_is_refused(editor: Any, seeded: Any) -> None:
    before = _counts()
    payload = editor.execute(
        CREATE_POST, {"input": {"title": "No authors", "date": "2025-03-01"}, "action": "SUBMIT"}
    )["createBlogPage"]
    assert _errors(payload) == [(MIN_NUM, ["input", "authors"], "too_few_forms")]
    assert _counts() == before


def test_a_draft_may_leave_the_inline_panel_empty(editor: Any, seeded: Any) -> None:
    payload = editor.execute(CREATE_POST, {"input": {"title": "Authors later"}})["createBlogPage"]
    assert payload["errors"] == []
    assert BlogPage.objects.get(pk=payload["page"]["id"]).authors.count() == 0


def test_the_page_types_form_rule_runs_for_an_omitted_field(moderator: Any, seeded: Any) -> None:
    person = seeded.people["lovelace"].pk
    before = _counts()
    payload = moderator.execute(
        CREATE_POST,
        {"input": {"title": "No date", "authors": [{"person": str(person)}]}, "action": "PUBLISH"},
    )["createBlogPage"]
    assert _errors(payload) == [
        (
            "A post needs a date before it is published or submitted.",
            ["input", "date"],
            "date_required_to_publish",
        )
    ]
    assert _counts() == before


def test_an_update_validates_the_fields_it_did_not_send(moderator: Any, seeded: Any) -> None:
    """The seeded draft has no date: publishing it with a new title only is refused."""
    draft = seeded.posts[2]
    before = _counts()
    payload = moderator.execute(
        UPDATE_POST, {"id": str(draft.pk), "input": {"title": "Ready?"}, "action": "PUBLISH"}
    )["updateBlogPage"]
    assert [e["path"] for e in payload["errors"]] == [["input", "date"]]
    assert _counts() == before
    assert BlogPage.objects.get(pk=draft.pk).title == "Coming soon: workflows"


def _comparable(key: str, value: Any) -> Any:
    """Tags are re-linked on every save through the form (as in the admin): compare the
    tags, not the ids of their link rows."""
    return sorted(item["tag"] for item in value) if key == "tagged_items" else value


def test_an_update_keeps_every_field_it_did_not_send(editor: Any, seeded: Any) -> None:
    """Binding the whole form must not change what the client left out. Saving through
    the admin's form completes content it never saved (paragraph keys, block ids, row
    sort orders: ``content_helpers``), as the admin does; after that it stays as it is."""
    post = BlogPage.objects.get(pk=seeded.posts[1].pk)
    before = post.get_latest_revision().content
    contents = []
    for title in ("Renamed", "Renamed again", "Renamed once more"):
        payload = editor.execute(UPDATE_POST, {"id": str(post.pk), "input": {"title": title}})
        assert payload["updateBlogPage"]["errors"] == []
        after = BlogPage.objects.get(pk=post.pk).get_latest_revision().content
        assert after["title"] == title
        for key in CONTENT_KEYS:
            same_content(_comparable(key, before[key]), _comparable(key, after[key]), key)
        contents.append(json.dumps([_comparable(k, after[k]) for k in CONTENT_KEYS]))
    assert contents[1] == contents[2]

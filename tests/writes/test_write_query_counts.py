"""An update that leaves the tags alone costs the same queries for 3 tags and for 30.

Both starting points of an edit are counted: a page whose latest version is its row,
and a draft, whose tag rows come from its revision. For a draft, Wagtail's
``get_latest_revision_as_object`` checks each row's foreign keys one at a time
(``access.versions.latest_revision_object`` checks them together), and modelcluster
reads each row's tag with a query of its own, in each of the two forms ``bind_form``
builds (``writes.input.forms.load_form_relations`` reads them together, once).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogPage

UPDATE = """
mutation U($id: ID!, $title: String!) {
  updateBlogPage(id: $id, input: {title: $title}) { page { title tags } errors { message } }
}
"""


def _page_with_tags(seeded: Any, count: int, draft: bool) -> BlogPage:
    """The same page each time, with ``count`` tags (and, with ``draft``, a draft)."""
    page = BlogPage.objects.get(pk=seeded.posts[0].pk)
    page.tags.set([f"tag-{n}" for n in range(count)])
    page.save_revision(user=seeded.users["admin"]).publish()
    if draft:
        page = BlogPage.objects.get(pk=page.pk)
        page.intro = "A draft"
        page.save_revision(user=seeded.users["admin"])
    return page


def _queries(editor: Any, page: BlogPage, count: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        result = editor.execute(UPDATE, {"id": str(page.pk), "title": f"Retitled {count}"})
    payload = result["updateBlogPage"]
    assert payload["errors"] == []
    assert len(payload["page"]["tags"]) == count
    return len(queries)


@pytest.mark.parametrize("draft", [False, True], ids=["from the row", "from a draft"])
def test_unsent_tags_cost_the_same_for_3_and_30(editor: Any, seeded: Any, draft: bool) -> None:
    editor.execute("{ __typename }")  # the token's first use of the day is recorded once
    few = _queries(editor, _page_with_tags(seeded, 3, draft), 3)
    many = _queries(editor, _page_with_tags(seeded, 30, draft), 30)
    assert few == many

"""Input sizes: list lengths (MAX_INPUT_ITEMS), linear tag writes, rich text nesting."""

from __future__ import annotations

import cProfile
import json
import os
import pstats
import time
from typing import Any

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from blog.models import BlogPage
from tests.conftest import GraphQLClient

UPDATE = """
mutation Update($id: ID!, $input: BlogPageUpdateInput!, $dryRun: Boolean! = false) {
  updateBlogPage(id: $id, input: $input, dryRun: $dryRun) {
    page { title tags }
    errors { __typename message path ... on ValidationError { validationCode } }
  }
}
"""


def _post() -> BlogPage:
    """The seeded site's first post (ids differ between databases)."""
    post = BlogPage.objects.order_by("pk").first()
    assert post is not None
    return post


def _update(client: GraphQLClient, dry_run: bool = False, **fields: Any) -> dict[str, Any]:
    variables = {"id": str(_post().pk), "input": fields, "dryRun": dry_run}
    return client.execute(UPDATE, variables)["updateBlogPage"]


def _latest() -> BlogPage:
    return _post().get_latest_revision_as_object()


def _writes(queries: CaptureQueriesContext) -> list[str]:
    """Writes other than the API token's ``last_used_at`` (authentication's own)."""
    verbs = ("INSERT", "UPDATE", "DELETE")
    sql = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(verbs)]
    return [s for s in sql if "wagtailcore_apitoken" not in s]


def _headings(count: int) -> list[dict[str, Any]]:
    return [{"block": {"heading": f"Heading {i}"}} for i in range(count)]


def test_too_many_tags_are_refused_at_their_path_before_any_write(editor: GraphQLClient) -> None:
    tags = [f"tag{i}" for i in range(4000)]
    started = time.monotonic()
    with CaptureQueriesContext(connection) as queries:
        result = _update(editor, title="Tagged", tags=tags)
    assert time.monotonic() - started < 5
    [error] = result["errors"]
    assert error["__typename"] == "ValidationError"
    assert error["path"] == ["input", "tags"]
    assert error["validationCode"] == "too_many_items"
    assert "4000 items" in error["message"] and "MAX_INPUT_ITEMS" in error["message"]
    assert _writes(queries) == []
    assert not Tag.objects.filter(name="tag0").exists()


def test_too_many_inline_panel_rows_are_refused(editor: GraphQLClient, seeded: Any) -> None:
    person = str(next(iter(seeded.people.values())).pk)
    authors = [{"person": person, "role": "Author"} for _ in range(501)]
    [error] = _update(editor, authors=authors)["errors"]
    assert (error["path"], error["validationCode"]) == (["input", "authors"], "too_many_items")


def test_too_many_blocks_in_a_stream_are_refused(editor: GraphQLClient) -> None:
    [error] = _update(editor, body=_headings(501))["errors"]
    assert (error["path"], error["validationCode"]) == (["input", "body"], "too_many_items")


def test_nested_lists_count_together(editor: GraphQLClient, seeded: Any) -> None:
    image = str(seeded.image.pk)
    gallery = [{"block": {"image": image}} for _ in range(200)]
    body = [{"block": {"gallery": gallery}} for _ in range(3)]
    [error] = _update(editor, body=body)["errors"]
    assert error["path"] == ["input", "body", "2", "block", "gallery"]
    assert "together" in error["message"]


def test_lists_within_the_limit_are_saved(editor: GraphQLClient) -> None:
    result = _update(editor, body=_headings(50), tags=[f"t{i}" for i in range(50)])
    assert result["errors"] == []
    assert len(result["page"]["tags"]) == 50
    page = _latest()
    assert len(page.body) == 50


def _model_comparisons(run: Any) -> int:
    """How many times ``run()`` compares two model instances (``Model.__eq__``), counted
    by the profiler: a count, unlike a duration, does not depend on the machine's load."""
    profile = cProfile.Profile()
    profile.runcall(run)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return sum(
        calls[1]
        for (filename, _line, name), calls in stats.items()
        if name == "__eq__" and filename.endswith(os.path.join("django", "db", "models", "base.py"))
    )


CREATE = """
mutation Create($input: BlogPageCreateInput!) {
  createBlogPage(parent: "/blog/", input: $input, dryRun: true) {
    page { title tags }
    errors { __typename message path }
  }
}
"""


@override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_INPUT_ITEMS": 5000})
def test_tag_writes_of_a_new_page_are_linear(editor: GraphQLClient) -> None:
    """modelcluster adds tags one at a time, comparing each with every tag added before
    (1,000 tags: half a million comparisons, 4,000 tags: a minute). Set at once, the
    comparisons grow with the number of tags, not its square. (Edits still take
    modelcluster's path, bounded by MAX_INPUT_ITEMS: see writes/input/tags.py.)"""
    names = [f"existing{i}" for i in range(1000)]
    Tag.objects.bulk_create([Tag(name=n, slug=n) for n in names])
    results: list[dict[str, Any]] = []
    variables = {"input": {"title": "Many tags", "tags": names}}
    comparisons = _model_comparisons(
        lambda: results.append(editor.execute(CREATE, variables)["createBlogPage"])
    )
    assert results[0]["errors"] == []
    assert sorted(results[0]["page"]["tags"]) == sorted(names)
    assert comparisons < 10 * len(names)


def test_tags_are_still_saved_as_sent(editor: GraphQLClient) -> None:
    result = _update(editor, tags=["b", "a", "a", "c"])
    assert result["errors"] == []
    page = _latest()
    assert sorted(t.name for t in page.tags.all()) == ["a", "b", "c"]


# ---- rich text nesting ----------------------------------------------------------------


def _small_refusal(client: GraphQLClient, path: list[str], **fields: Any) -> dict[str, Any]:
    response = client.post(UPDATE, {"id": str(_post().pk), "input": fields})
    assert len(json.dumps(response.body)) < 5000  # no traceback in the answer
    [error] = response.data["updateBlogPage"]["errors"]
    assert error["__typename"] == "ValidationError"
    assert (error["path"], error["validationCode"]) == (path, "too_deeply_nested")
    return error


@pytest.mark.parametrize("depth", [500, 5000])
def test_deeply_nested_html_is_refused(editor: GraphQLClient, depth: int) -> None:
    html = "<p>" + "<b>" * depth + "deep" + "</b>" * depth + "</p>"
    _small_refusal(editor, ["input", "intro"], intro={"html": html})


def test_deeply_nested_markdown_lists_are_refused(editor: GraphQLClient) -> None:
    markdown = "\n".join("    " * level + "- item" for level in range(1000))
    body = [{"block": {"paragraph": {"markdown": markdown}}}]
    _small_refusal(editor, ["input", "body", "0", "block", "paragraph"], body=body)


def test_ordinary_nesting_is_kept(editor: GraphQLClient) -> None:
    html = "<ul><li><b><i>one</i></b><ul><li>two<ul><li>three</li></ul></li></ul></li></ul>"
    result = _update(editor, body=[{"block": {"paragraph": {"html": html}}}])
    assert result["errors"] == []
    stored = _latest().body[0].value.source
    assert "three</li>" in stored and "<b><i>one</i></b>" in stored

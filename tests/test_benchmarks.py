"""``make bench`` cannot rot: its harness runs here once per operation, at tiny sizes.

The run happens in the test's database with the benchmark's URLs (Wagtail's v3 REST API
beside ``/graphql/``). Besides every table row having sane values, the two APIs must
return the same pages (detail and lists), so the benchmark compares like with like; and
a variant that returns something else must stop the run.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from graphql import parse, print_ast

from benchmarks import documents
from benchmarks import report as markdown
from benchmarks.data import seed
from benchmarks.harness import bench
from benchmarks.operations import (
    VARIANTS,
    Api,
    Failed,
    Operation,
    Variant,
    operations,
    v3_data,
)
from benchmarks.options import Options
from benchmarks.runner import check, timed

pytestmark = pytest.mark.urls("benchmarks.urls")

SMALL = Options(iterations=1, warmup=0, lists=(2, 4), sizes=(2, 4), repeats=1)


def test_the_harness_measures_every_row(db: Any, tmp_path: Path) -> None:
    report = bench(SMALL)

    assert list(report.results) == [
        "page detail",
        "list 2 pages",
        "list 4 pages",
        "create page (draft)",
        "update title (draft revision)",
        "publish",
    ]
    for operation, stats in report.results.items():
        assert set(stats) == set(VARIANTS), operation
        for variant, measured in stats.items():
            assert len(measured.samples) == 1, (operation, variant)
            assert measured.median > 0 and measured.p90 >= measured.median
            assert measured.queries > 0, (operation, variant)
    writes = ("create page (draft)", "update title (draft revision)", "publish")
    for operation in writes:  # a write saves a page, a revision and a log entry at least
        assert all(report.results[operation][v].queries >= 3 for v in VARIANTS)

    assert [row.size for row in report.scaling] == [2, 4]
    for row in report.scaling:
        assert row.graphql.queries > 0 and row.direct.queries > 0
        assert row.graphql.median > 0 and row.direct.median > 0
        assert row.graphql_peak > 0 and row.direct_peak > 0

    text = markdown.render(report)
    for operation in report.results:
        assert f"| {operation} |" in text
    assert "| 2 |" in text and "| 4 |" in text

    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\n{markdown.BEGIN}\nold run\n{markdown.END}\n\nAfter.\n")
    markdown.update_docs(page, text)
    written = page.read_text()
    assert "old run" not in written and text in written and written.endswith("After.\n")


def _answers(operation: Operation) -> dict[str, Any]:
    return {
        name: variant.canonical(variant.call(0)) for name, variant in operation.variants.items()
    }


def test_graphql_and_v3_return_the_same_pages(db: Any) -> None:
    fixture = seed(4)
    detail, short, full, *_ = operations(fixture, Api(fixture.token), (2, 4))

    answers = _answers(detail)
    assert answers["graphql"] == answers["v3"] == answers["direct"]
    assert answers["v3"]["title"] == fixture.detail.title
    kinds = [block[1] for block in answers["v3"]["body"]]
    assert kinds == [
        "heading",
        "paragraph",
        "image",
        "quote",
        "links",
        "gallery",
        "relatedPage",
        "person",
    ]

    titles = [post.title for post in fixture.posts]
    for operation, size in ((short, 2), (full, 4)):
        answers = _answers(operation)
        assert answers["graphql"] == answers["v3"] == answers["direct"]
        assert [item[1] for item in answers["v3"]["items"]] == titles[:size]
        assert answers["v3"]["count"] == len(fixture.posts)


def test_variants_that_disagree_or_fail_stop_the_run(db: Any) -> None:
    fixture = seed(3)
    _, listing, *_ = operations(fixture, Api(fixture.token), (3,))
    check(listing)  # the real variants agree

    fewer = dict(listing.variants)
    fewer["v3"] = Variant(
        lambda i: Api(fixture.token).get(f"/api/v3/pages/?child_of={fixture.index.pk}&limit=2"),
        listing.variants["v3"].canonical,
    )
    with pytest.raises(Failed, match=re.escape("disagree at .items: 3 items != 2 items")):
        check(Operation(listing.name, False, fewer))

    failing = dict(listing.variants)
    failing["direct"] = Variant(lambda i: json.dumps({"count": 0}).encode(), json.loads)
    with pytest.raises(Failed, match="disagree"):
        check(Operation(listing.name, False, failing))

    missing = Variant(lambda i: Api(fixture.token).get("/api/v3/pages/999999/"), v3_data)
    with pytest.raises(Failed, match="v3 404"):  # a timed call's answer is checked too
        timed(listing, missing, 1)


def test_the_docs_show_the_typed_list_the_harness_runs() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "performance.md").read_text()
    shown = page.split("```graphql\n", 1)[1].split("```", 1)[0]
    assert print_ast(parse(shown)) == print_ast(parse(documents.TYPED_LIST))

"""The documentation's GraphQL examples run against the example site, so they cannot rot.

The pages of the reading path (``READING_PATH``: README, getting-started, writes,
workflows) run in that order on ONE freshly seeded site, as a newcomer runs them on
``make demo``; every other page (``docs/*.md``) runs on a freshly seeded site of its own.
Within a page, examples run in document order, so a create can be followed by an update
of what it made. The markers are described in ``tests/docs_examples.py``.

Ids: examples use the ids of a freshly seeded example site (``make demo`` on a new
database): pages Home 3, Blog 4, posts 5, 6 and 7 (a draft); people 1 (Ada Lovelace)
and 2 (Grace Hopper); categories 1 (News) and 2 (Tutorials); image 1. Pages created by
the examples get ids 8, 9, ... in document order, counted across the reading path's
pages (the README's post is 8, writes.md's 9, workflows.md's 10). Sequences are reset
before seeding, so this holds on PostgreSQL as well as on SQLite.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

from tests.conftest import GraphQLClient
from tests.docs_examples import (
    DocsFormatError,
    Example,
    excerpt_mismatches,
    heading_anchors,
    is_mutation,
    parse_examples,
    subset_mismatch,
    substitute,
)

ROOT = Path(__file__).resolve().parent.parent
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _reset_sequences() -> None:
    """Make the next id of every table max(id) + 1, as in a new database.

    PostgreSQL sequences ignore the rollback that ends each test, so without this ids
    would depend on which tests ran before. SQLite rolls its counters back already.
    """
    models = [
        m
        for m in apps.get_models(include_auto_created=True)
        if m._meta.managed and not m._meta.proxy
    ]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


@pytest.fixture
def clients(db: Any) -> dict[str, GraphQLClient]:
    from blog.seeding import seed_site

    _reset_sequences()
    tokens = seed_site().tokens
    return {"anonymous": GraphQLClient(), **{user: GraphQLClient(t) for user, t in tokens.items()}}


def _check_payloads(example: Example, data: dict[str, Any]) -> None:
    failed = []
    for name, payload in data.items():
        assert isinstance(payload, dict) and "errors" in payload, (
            f"{example.where}: select `errors` in the {name} payload"
        )
        if payload["errors"]:
            failed.append((name, payload["errors"]))
    if example.expects_errors:
        assert failed, f"{example.where}: marked expect-errors, but every mutation succeeded"
    else:
        assert not failed, f"{example.where}: mutation errors {failed}"


def _run_examples(path: Path, clients: dict[str, GraphQLClient]) -> None:
    """Run one file's marked examples in document order, checking each documented result."""
    schema = None
    previous: Any = {}
    for example in parse_examples(path, ROOT):
        if example.kind == "schema-excerpt":
            from wagtail_graphql_write.schema import get_schema

            schema = schema or get_schema()._schema
            problems = excerpt_mismatches(example.document, schema)
            assert not problems, f"{example.where}: {problems}"
        if example.kind != "run":
            continue
        variables = substitute(example.variables, previous)
        expect = substitute(example.expect, previous)
        response = clients[example.user].post(example.document, variables)
        assert "errors" not in response.body, f"{example.where}: {response.body['errors']}"
        data = previous = response.body["data"]
        if is_mutation(example.document):
            _check_payloads(example, data)
        if expect is not None:
            problem = subset_mismatch(expect, data)
            assert problem is None, f"{example.where}: {problem}"


#: The pages a newcomer reads one after the other, running each example on the same
#: ``make demo`` site: their ids continue from one page to the next (the README's post
#: is page 8, getting-started's pages follow, and so on), so they run as one sequence.
READING_PATH = [
    ROOT / "README.md",
    ROOT / "docs" / "getting-started.md",
    ROOT / "docs" / "writes.md",
    ROOT / "docs" / "workflows.md",
]
ON_THEIR_OWN = [path for path in DOC_FILES if path not in READING_PATH]


def test_reading_path_runs_in_order_on_one_site(clients: dict[str, GraphQLClient]) -> None:
    """README -> getting-started -> writes -> workflows on ONE freshly seeded site."""
    for path in READING_PATH:
        _run_examples(path, clients)


@pytest.mark.parametrize("path", ON_THEIR_OWN, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_examples_run(path: Path, clients: dict[str, GraphQLClient]) -> None:
    """Every other page's examples on a freshly seeded site of their own."""
    _run_examples(path, clients)


def test_the_markers_are_enforced(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("Text.\n\n```graphql\n{ viewer { isAuthenticated } }\n```\n")
    with pytest.raises(DocsFormatError, match=r"page.md:3: a ```graphql block needs"):
        parse_examples(page, tmp_path)
    page.write_text("<!-- run: nobody -->\n```graphql\n{ viewer { isAuthenticated } }\n```\n")
    with pytest.raises(DocsFormatError, match="run as one of"):
        parse_examples(page, tmp_path)


def test_excerpts_and_expectations_are_compared_exactly() -> None:
    from wagtail_graphql_write.schema import build_schema

    schema = build_schema().schema._schema
    wrong = "type Query { person(id: Int!): Category  nothing: Int }"
    assert excerpt_mismatches(wrong, schema) == [
        "Query.person is Person, not Category",
        "argument Query.person(id) is ID!, not Int!",
        "field Query.nothing does not exist",
    ]
    assert subset_mismatch({"a": [{"b": 1}]}, {"a": [{"b": 1, "c": 2}], "d": 3}) is None
    assert subset_mismatch({"a": [1]}, {"a": [1, 2]}) == "data.a: expected 1 items, got [1, 2]"


def test_readme_first_mutation_runs() -> None:
    first = next(
        e
        for e in parse_examples(ROOT / "README.md", ROOT)
        if e.document.lstrip().startswith("mutation")
    )
    assert first.kind == "run", f"{first.where}: the README's first mutation must be run"


def test_index_links_every_page_and_links_resolve() -> None:
    index = (ROOT / "docs" / "index.md").read_text()
    for page in DOC_FILES[1:]:
        if page.name != "index.md":
            assert f"({page.name})" in index, f"docs/index.md does not link {page.name}"
    for page in DOC_FILES:
        text = page.read_text()
        for target, anchor in re.findall(r"\]\(([^)#\s:]*)(?:#([^)\s]*))?\)", text):
            linked = (page.parent / target) if target else page
            assert linked.exists(), f"{page.name} links a missing file {target}"
            if anchor and linked.suffix == ".md":
                assert anchor in heading_anchors(linked.read_text()), (
                    f"{page.name} links a missing heading {target}#{anchor}"
                )


#: docs/architecture.md's layers, lowest first: a module may import from a lower layer
#: or from its own package, never upwards or sideways (reads/ and writes/ are apart).
LAYERS = [
    {"conf"},
    {"registry"},
    {"access"},
    {"generation"},
    {"reads", "writes", "limits", "reporting"},
    {"schema", "sdl"},
    {"http", "checks", "management"},
    {"urls", "apps", "wagtail_hooks"},
]


def _layer(module: str) -> tuple[int, str]:
    top = module.split(".")[0]
    return next(i for i, names in enumerate(LAYERS) if top in names), top


def test_architecture_layers_import_downwards() -> None:
    package = ROOT / "wagtail_graphql_write"
    for path in package.rglob("*.py"):
        module = path.relative_to(package).with_suffix("").as_posix().replace("/", ".")
        if module.split(".")[-1] == "__init__" and "." not in module:
            continue
        level, top = _layer(module)
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module == "wagtail_graphql_write":
                names = [f"{node.module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                if not name.startswith("wagtail_graphql_write."):
                    continue
                target_level, target_top = _layer(name.removeprefix("wagtail_graphql_write."))
                assert target_top == top or target_level < level, (
                    f"{module} imports {name}: see the layers in docs/architecture.md"
                )


def test_the_error_code_excerpt_lists_every_code() -> None:
    """docs/errors.md is where clients look codes up: its ``ErrorCode`` excerpt and its
    table must name every value the schema has, not a subset that drifts."""
    from wagtail_graphql_write.schema import build_schema

    real = set(build_schema().schema._schema.get_type("ErrorCode").values)  # type: ignore[union-attr]
    text = (ROOT / "docs" / "errors.md").read_text()
    excerpt = text[text.index("enum ErrorCode {") : text.index("}", text.index("enum ErrorCode {"))]
    shown = {line.strip() for line in excerpt.splitlines()[1:] if line.strip()}
    assert shown == real
    table = text[text.index("| Type | `code` | When |") :]
    assert {code for code in real if f"`{code}`" not in table} == set()


def test_python_snippets_are_valid_python() -> None:
    """A reader pastes these into a settings or urls module: each must at least parse."""
    import ast
    import re

    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for match in re.finditer(r"```python\n(.*?)```", page.read_text(), re.S):
            line = page.read_text()[: match.start()].count("\n") + 1
            try:
                ast.parse(match.group(1))
            except SyntaxError as exc:
                raise AssertionError(f"{page.name}:{line}: {exc}") from None


def test_readme_urls_snippet_runs_on_its_own() -> None:
    """Pasted alone into an empty ``urls.py``, the README's snippet routes ``/graphql/``."""
    import re
    import types

    from django.urls import resolve

    readme = (ROOT / "README.md").read_text()
    snippet = next(
        block
        for block in re.findall(r"```python\n(.*?)```", readme, re.S)
        if block.startswith("# urls.py")
    )
    urls = types.ModuleType("pasted_urls")
    exec(compile(snippet, "urls.py", "exec"), urls.__dict__)
    match = resolve("/graphql/", urlconf=urls)
    assert match.view_name == "wagtail_graphql_write:graphql"

"""Snippet lists (``people``, ``categories``): search, sort keys, exact field filters.

``locale`` exists on translatable snippets only, which the example site has none of:
see ``tests/wagtail_testapp/test_testapp_snippet_lists.py``.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import override_settings

from blog.models import Category, Person
from wagtail_graphql_write.schema import build_schema

PEOPLE = """
query People(
  $filter: PersonFilter, $search: String, $searchOperator: SearchOperator,
  $order: [PersonOrder!], $offset: Int, $limit: Int, $version: ContentVersion
) {
  people(
    filter: $filter, search: $search, searchOperator: $searchOperator, order: $order,
    offset: $offset, limit: $limit, version: $version
  ) { totalCount items { id displayTitle } }
}
"""

CATEGORIES = """
query Categories($filter: CategoryFilter, $order: [CategoryOrder!]) {
  categories(filter: $filter, order: $order) { totalCount items { name } }
}
"""


def _names(client: Any, **variables: Any) -> list[str]:
    return [i["displayTitle"] for i in client.execute(PEOPLE, variables)["people"]["items"]]


def _categories(client: Any, **variables: Any) -> list[str]:
    return [i["name"] for i in client.execute(CATEGORIES, variables)["categories"]["items"]]


def _error(client: Any, query: str, **variables: Any) -> dict[str, Any]:
    response = client.post(query, variables)
    assert response.status == 200
    [error] = response.body["errors"]
    return {"message": error["message"], **error["extensions"]}


def test_search_people(anonymous: Any, seeded: Any) -> None:
    assert _names(anonymous, search="hopper") == ["Grace Hopper"]
    assert _names(anonymous, search="analyst") == ["Ada Lovelace"]  # her job title
    assert _names(anonymous, search="ada grace", searchOperator="AND") == []
    ored = _names(anonymous, search="ada grace", searchOperator="OR")
    assert sorted(ored) == ["Ada Lovelace", "Grace Hopper"]


def test_search_keeps_the_read_rules(anonymous: Any, editor: Any, seeded: Any) -> None:
    draft = Person(first_name="Hedy", last_name="Lamarr", live=False)
    draft.save()
    draft.save_revision()
    assert _names(anonymous, search="lamarr") == []
    assert _names(editor, search="lamarr") == []
    assert _names(editor, search="lamarr", version="LATEST") == ["Hedy Lamarr"]


def test_search_with_an_unindexed_filter_says_what_to_index(anonymous: Any, seeded: Any) -> None:
    """Person's search_fields do not index ``id``, so filters must be indexed themselves."""
    error = _error(anonymous, PEOPLE, search="ada", filter={"firstName": "Ada"})
    assert error == {
        "message": "Person search results cannot be filtered by 'first_name': it is not "
        "indexed (index.FilterField in search_fields).",
        "code": "BAD_USER_INPUT",
        "argument": "search",
    }


def test_order_people(anonymous: Any, seeded: Any) -> None:
    assert _names(anonymous) == ["Ada Lovelace", "Grace Hopper"]  # by id
    assert _names(anonymous, order=["FIRST_NAME_DESC"]) == ["Grace Hopper", "Ada Lovelace"]
    assert _names(anonymous, order=["ID_DESC"]) == ["Grace Hopper", "Ada Lovelace"]
    assert _names(anonymous, order=["LAST_NAME_ASC"]) == ["Grace Hopper", "Ada Lovelace"]
    random = _names(anonymous, order=["RANDOM"])
    assert sorted(random) == ["Ada Lovelace", "Grace Hopper"]
    assert _names(anonymous, search="ada grace", searchOperator="OR", order=["LAST_NAME_DESC"]) == [
        "Ada Lovelace",
        "Grace Hopper",
    ]


def test_random_order_rules_apply_to_snippets(anonymous: Any, seeded: Any) -> None:
    error = _error(anonymous, PEOPLE, order=["RANDOM"], offset=1)
    assert (error["code"], error["argument"]) == ("BAD_USER_INPUT", "order")
    error = _error(anonymous, PEOPLE, order=["RANDOM"], search="ada")
    assert (error["code"], error["argument"]) == ("BAD_USER_INPUT", "order")


def test_filter_people_and_categories(anonymous: Any, seeded: Any) -> None:
    assert _names(anonymous, filter={"firstName": "Grace"}) == ["Grace Hopper"]
    assert _names(anonymous, filter={"firstName": "Grace", "lastName": "Lovelace"}) == []
    assert _categories(anonymous, filter={"colour": "BLUE"}) == ["Tutorials"]
    assert _categories(anonymous, filter={"slug": "news"}) == ["News"]
    Category.objects.create(name="Misc", slug="misc", colour="")
    assert _categories(anonymous, order=["NAME_DESC"]) == ["Tutorials", "News", "Misc"]


def test_search_exists_only_for_indexed_snippets(seeded: Any) -> None:
    query = build_schema().schema._schema.query_type
    assert query is not None
    assert {"search", "searchOperator", "filter", "order"} <= set(query.fields["people"].args)
    assert "search" not in query.fields["categories"].args  # Category is not Indexed
    assert "locale" not in query.fields["people"].args  # nor translatable


@pytest.mark.parametrize("variables", [{"search": "a\x00"}, {"filter": {"lastName": "\x00"}}])
def test_nul_characters_are_refused(anonymous: Any, seeded: Any, variables: dict[str, Any]) -> None:
    error = _error(anonymous, PEOPLE, **variables)
    assert error["code"] == "BAD_USER_INPUT"
    assert "NUL" in error["message"]


def test_anonymous_reads_off_lists_nothing_even_when_searching(anonymous: Any, seeded: Any) -> None:
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"ANONYMOUS_READS": False}):
        assert _names(anonymous, search="ada") == []
        assert _categories(anonymous, filter={"slug": "news"}) == []

"""Image and document lists take any search text and tags without failing the server.

The database search backends put each word in SQL of their own (SQLite's quotes it
without escaping double quotes), every word nests one more expression, and no column
holds a NUL character: texts that broke the query are read as the backends' tokenizers
read them, or refused as argument errors.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import GraphQLClient

LISTS = """
query($search: String, $tags: [String!]) {
  images(search: $search, tags: $tags) { totalCount }
  documents(search: $search, tags: $tags) { totalCount }
}
"""


@pytest.mark.parametrize("text", ['"unterminated', 'a "b', "a OR", "*", "(", "🙂", "x" * 3000])
def test_search_text_is_searched(anonymous: GraphQLClient, db: Any, text: str) -> None:
    data = anonymous.execute(LISTS, {"search": text})
    assert data == {"images": {"totalCount": 0}, "documents": {"totalCount": 0}}


def test_a_search_of_quotes_only_is_no_search(anonymous: GraphQLClient, db: Any) -> None:
    assert anonymous.execute(LISTS, {"search": '" "'}) == anonymous.execute(LISTS, {})


@pytest.mark.parametrize(
    ("variables", "argument"),
    [
        ({"search": " ".join(["word"] * 600)}, "search"),
        ({"search": "a\x00b"}, "search"),
        ({"tags": ["a\x00"]}, "tags"),
    ],
)
def test_unusable_text_is_an_argument_error(
    anonymous: GraphQLClient, db: Any, variables: dict[str, Any], argument: str
) -> None:
    response = anonymous.post(LISTS, variables)
    assert response.status == 200
    [error] = response.body["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": argument}

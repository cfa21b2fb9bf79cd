"""Every block of ``wagtail.test.testapp.StreamPage`` round-trips: create -> read -> update.

Runs in the testapp settings, executing the real schema against a real database with
a real request (the test app's URLconf does not route /graphql/, so the schema is
executed directly with the same context the view builds).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory
from strawberry.django.context import StrawberryDjangoContext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.testapp.models import StreamPage

from wagtail_graphql_write.schema import build_schema

pytestmark = pytest.mark.django_db

BODY = """
  blockId blockType rawValue
  ... on StreamPageBodyTextBlock { text }
  ... on StreamPageBodyRichTextBlock { richText(format: DB_HTML) }
  ... on StreamPageBodyImageBlock { image { id } }
  ... on StreamPageBodyProductBlock { product { name price } }
  ... on StreamPageBodyRawHtmlBlock { rawHtml }
  ... on StreamPageBodyBooksBlock {
    books {
      blockId blockType
      ... on StreamPageBodyBooksTitleBlock { title }
      ... on StreamPageBodyBooksAuthorBlock { author }
    }
  }
  ... on StreamPageBodyTitleListBlock { titleList { blockId value } }
  ... on StreamPageBodyImageWithAltBlock { imageWithAlt { image { id } altText decorative } }
  ... on StreamPageBodyTableBlock { table }
"""

CREATE = (
    'mutation($input: StreamPageCreateInput!) { createStreamPage(parent: "2", input: $input) '
    "{ page { id ... on StreamPage { body { " + BODY + " } } } errors { message path } } }"
)
UPDATE = (
    "mutation($id: ID!, $input: StreamPageUpdateInput!) { updateStreamPage(id: $id, "
    "input: $input) { page { id ... on StreamPage { body { " + BODY + " } } } "
    "errors { message path } } }"
)


def _run(query: str, variables: dict[str, Any]) -> dict[str, Any]:
    from wagtail.images.models import Image  # noqa: F401 - models are ready here

    user = get_user_model().objects.get(username="streamer")
    request = RequestFactory().post("/graphql/")
    request.user = user
    context = StrawberryDjangoContext(request=request, response=HttpResponse())
    result = build_schema().schema.execute_sync(query, variables, context_value=context)
    assert result.errors is None, result.errors
    return result.data  # type: ignore[return-value]


def _table() -> dict[str, Any]:
    return {
        "data": [["a", "b"], ["1", "2"]],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "",
        "cell": [],
        "mergedCells": [],
    }


def _as_input(block: dict[str, Any]) -> dict[str, Any]:
    """The documented read -> input mapping: blockId as id + one-of member named by
    blockType (the same camelCase name as the value field)."""
    kind = block["blockType"]
    value = block[kind]
    if kind == "richText":
        value = {"html": value}
    elif kind == "image":
        value = value["id"]
    elif kind == "books":
        value = [{"id": b["blockId"], "block": {b["blockType"]: b[b["blockType"]]}} for b in value]
    elif kind == "titleList":
        value = [{"id": item["blockId"], "value": item["value"]} for item in value]
    elif kind == "imageWithAlt":
        value = {
            "image": value["image"]["id"],
            "altText": value["altText"],
            "decorative": value["decorative"],
        }
    return {"id": block["blockId"], "block": {kind: value}}


def _no_block_keys(value: Any) -> Any:
    return json.loads(re.sub(r' data-block-key=\\"[^"\\]*\\"', "", json.dumps(value)))


def test_every_streampage_block_round_trips_with_ids_kept() -> None:
    from wagtail.images.models import Image

    get_user_model().objects.create_superuser("streamer", "s@example.com", "x")
    image = Image.objects.create(title="t", file=get_test_image_file())
    body = [
        {"block": {"text": "Hello"}},
        {"block": {"richText": {"html": "<p>Some <b>bold</b></p>"}}},
        {"block": {"image": str(image.pk)}},
        {"block": {"product": {"name": "Widget", "price": "9"}}},
        {"block": {"rawHtml": "<div>raw</div>"}},
        {"block": {"books": [{"block": {"title": "Dune"}}, {"block": {"author": "Herbert"}}]}},
        {"block": {"titleList": [{"value": "one"}, {"value": "two"}]}},
        {"block": {"imageWithAlt": {"image": str(image.pk), "altText": "A test image"}}},
        {"block": {"table": _table()}},
    ]
    created = _run(CREATE, {"input": {"title": "Streams", "body": body}})["createStreamPage"]
    assert created["errors"] == []
    read = created["page"]["body"]
    assert [b["blockType"] for b in read] == [
        "text",
        "richText",
        "image",
        "product",
        "rawHtml",
        "books",
        "titleList",
        "imageWithAlt",
        "table",
    ]
    assert read[7]["imageWithAlt"]["altText"] == "A test image"
    page = StreamPage.objects.get(pk=created["page"]["id"])
    before = page.get_latest_revision_as_object().body.get_prep_value()

    updated = _run(UPDATE, {"id": page.pk, "input": {"body": [_as_input(b) for b in read]}})
    assert updated["updateStreamPage"]["errors"] == []
    after = StreamPage.objects.get(pk=page.pk).get_latest_revision_as_object().body
    assert _no_block_keys(after.get_prep_value()) == _no_block_keys(before)

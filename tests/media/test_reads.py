"""Reading images and documents: ``image(s)``, ``document(s)``, renditions, privacy."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import CollectionViewRestriction

from tests.conftest import GraphQLClient
from tests.media.helpers import (
    child_collection,
    make_document,
    make_image,
    without_seeded_media,
)

IMAGE = """
query Image($id: ID!) {
  image(id: $id) {
    __typename id title width height url file fileSize
    focalPoint { x y width height } collection { id name } tags
  }
}
"""

IMAGES = """
query Images($collection: ID, $tags: [String!], $search: String, $order: MediaOrder,
             $offset: Int, $limit: Int) {
  images(collection: $collection, tags: $tags, search: $search, order: $order,
         offset: $offset, limit: $limit) {
    totalCount items { title }
  }
}
"""

RENDITION = """
query Rendition($id: ID!, $filter: String!, $filters: [String!]!) {
  image(id: $id) { rendition(filter: $filter) { url width height alt } srcSet(filters: $filters) }
}
"""

DOCUMENTS = """
query { documents(order: TITLE) { totalCount items { title url file fileExtension } } }
"""

DOCUMENT = "query Document($id: ID!) { document(id: $id) { title } }"


def test_image_by_id(anonymous: GraphQLClient, media_root: Any, db: Any) -> None:
    photos = child_collection("Photos")
    image = make_image("Sea view", photos, tags=["sea", "blue"], width=120, height=80)
    image.focal_point_x, image.focal_point_y = 30, 20
    image.focal_point_width, image.focal_point_height = 10, 8
    image.save()
    found = anonymous.execute(IMAGE, {"id": str(image.pk)})["image"]
    assert found == {
        "__typename": "Image",
        "id": str(image.pk),
        "title": "Sea view",
        "width": 120,
        "height": 80,
        "url": image.file.url,
        "file": image.file.name.rsplit("/", 1)[-1],
        "fileSize": image.file_size,
        "focalPoint": {"x": 30, "y": 20, "width": 10, "height": 8},
        "collection": {"id": str(photos.pk), "name": "Photos"},
        "tags": ["blue", "sea"],
    }


def test_missing_or_malformed_image_id_is_null(anonymous: GraphQLClient, db: Any) -> None:
    for value in ("999999", "abc", "-1", "\u0661"):  # the last: an Arabic-Indic digit one
        assert anonymous.execute(IMAGE, {"id": value})["image"] is None


def test_images_filters_order_and_paging(
    anonymous: GraphQLClient, media_root: Any, db: Any
) -> None:
    without_seeded_media()
    photos = child_collection("Photos")
    make_image("Alpha", photos, tags=["sea"])
    make_image("Bravo", photos, tags=["sea", "sky"])
    make_image("Charlie", tags=["sky"])

    def titles(**variables: Any) -> list[str]:
        found = anonymous.execute(IMAGES, variables)["images"]
        return [item["title"] for item in found["items"]]

    assert titles() == ["Charlie", "Bravo", "Alpha"]  # newest first
    assert titles(order="TITLE") == ["Alpha", "Bravo", "Charlie"]
    assert titles(order="TITLE_DESC", offset=1, limit=1) == ["Bravo"]
    assert titles(collection=str(photos.pk), order="TITLE") == ["Alpha", "Bravo"]
    assert titles(tags=["sea", "sky"]) == ["Bravo"]
    assert titles(tags=["sky"], order="TITLE") == ["Bravo", "Charlie"]
    assert titles(search="charlie") == ["Charlie"]
    assert titles(search="bravo", tags=["sea"], collection=str(photos.pk)) == ["Bravo"]
    total = anonymous.execute(IMAGES, {"limit": 1, "tags": ["sky"]})["images"]["totalCount"]
    assert total == 2


def test_anonymous_reads_off_hides_images(
    anonymous: GraphQLClient, media_root: Any, db: Any, settings: Any
) -> None:
    image = make_image("Hidden")
    settings.WAGTAIL_GRAPHQL_WRITE = {"ANONYMOUS_READS": False}
    assert anonymous.execute(IMAGE, {"id": str(image.pk)})["image"] is None
    assert anonymous.execute(IMAGES)["images"] == {"totalCount": 0, "items": []}


def test_rendition_matches_wagtails_own(anonymous: GraphQLClient, media_root: Any, db: Any) -> None:
    image = make_image("Wide", width=400, height=200)
    variables = {
        "id": str(image.pk),
        "filter": "fill-100x100",
        "filters": ["width-400", "max-165x165"],
    }
    found = anonymous.execute(RENDITION, variables)["image"]
    own = image.get_rendition("fill-100x100")
    assert found["rendition"] == {"url": own.url, "width": 100, "height": 100, "alt": "Wide"}
    small, large = image.get_rendition("max-165x165"), image.get_rendition("width-400")
    assert (small.width, small.height) == (165, 82)
    assert found["srcSet"] == f"{large.url} 400w, {small.url} 165w"


@pytest.mark.parametrize("field", ["rendition", "srcSet"])
def test_filter_off_the_allow_list_is_an_error(
    anonymous: GraphQLClient, media_root: Any, db: Any, field: str
) -> None:
    image = make_image("Any")
    query = (
        'query($id: ID!) { image(id: $id) { rendition(filter: "fill-5000x5000") { url } } }'
        if field == "rendition"
        else 'query($id: ID!) { image(id: $id) { srcSet(filters: ["width-400", "width-9999"]) } }'
    )
    response = anonymous.post(query, {"id": str(image.pk)})
    assert response.status == 200
    (error,) = response.body["errors"]
    assert "is not allowed" in error["message"] and "fill-100x100" in error["message"]
    assert error["extensions"]["code"] == "FILTER_NOT_ALLOWED"
    assert error["path"] == ["image", field]
    assert image.renditions.count() == 0


def test_allow_list_is_a_setting(
    anonymous: GraphQLClient, media_root: Any, db: Any, settings: Any
) -> None:
    image = make_image("Any", width=300, height=300)
    settings.WAGTAIL_GRAPHQL_WRITE = {"IMAGE_RENDITION_FILTERS": ["width-30"]}
    query = 'query($id: ID!) { image(id: $id) { rendition(filter: "width-30") { width } } }'
    assert anonymous.execute(query, {"id": str(image.pk)})["image"]["rendition"] == {"width": 30}
    refused = anonymous.post(
        RENDITION, {"id": str(image.pk), "filter": "fill-100x100", "filters": []}
    )
    assert "is not allowed" in refused.body["errors"][0]["message"]


LIST_RENDITIONS = """
query List($limit: Int) {
  images(limit: $limit, order: TITLE) {
    items {
      title tags collection { name }
      thumb: rendition(filter: "fill-100x100") { url }
      ...Sizes
    }
  }
}
fragment Sizes on Image { srcSet(filters: ["width-400", "max-165x165"]) }
"""


def _count(client: GraphQLClient, limit: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        items = client.execute(LIST_RENDITIONS, {"limit": limit})["images"]["items"]
    assert len(items) == limit
    assert all(item["thumb"]["url"] and item["srcSet"].count("w,") == 1 for item in items)
    return len(queries)


def test_renditions_of_a_list_take_the_same_queries_for_3_and_30(
    anonymous: GraphQLClient, media_root: Any, db: Any
) -> None:
    without_seeded_media()
    for number in range(30):
        make_image(f"Image {number:02}", tags=["t"])
    _count(anonymous, 30)  # makes every rendition once
    assert _count(anonymous, 3) == _count(anonymous, 30)


def test_private_document_is_invisible_to_who_may_not_see_it(
    anonymous: GraphQLClient,
    editor: GraphQLClient,
    moderator: GraphQLClient,
    media_root: Any,
    seeded: Any,
) -> None:
    secret = child_collection("Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=secret, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Moderators"))
    inner = secret.add_child(name="Minutes")  # restrictions cover descendants
    make_document("Agenda")
    hidden = make_document("Budget", secret)
    deeper = make_document("Minutes 1", inner)
    public = ["Agenda", "Price list"]  # the seed's "Board minutes" are private too
    for client in (anonymous, editor):
        found = client.execute(DOCUMENTS)["documents"]
        assert [d["title"] for d in found["items"]] == public
        assert found["totalCount"] == len(public)
        for document in (hidden, deeper):
            assert client.execute(DOCUMENT, {"id": str(document.pk)})["document"] is None
    found = moderator.execute(DOCUMENTS)["documents"]
    titles = [d["title"] for d in found["items"]]
    assert titles == ["Agenda", "Board minutes", "Budget", "Minutes 1", "Price list"]
    assert moderator.execute(DOCUMENT, {"id": str(hidden.pk)})["document"] == {"title": "Budget"}


def test_document_fields(anonymous: GraphQLClient, media_root: Any, db: Any) -> None:
    without_seeded_media()
    document = make_document("Prices")
    (found,) = anonymous.execute(DOCUMENTS)["documents"]["items"]
    assert found == {
        "title": "Prices",
        "url": document.url,
        "file": "Prices.csv",
        "fileExtension": "csv",
    }

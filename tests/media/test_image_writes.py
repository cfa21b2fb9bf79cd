"""``uploadImage``, ``updateImage``, ``deleteImage``: the admin's rules over GraphQL.

A permission matrix over two collections, the admin form's file checks, and for every
failure: no row and no file stored (counted in a temporary ``MEDIA_ROOT``).
"""

from __future__ import annotations

from typing import Any

import pytest
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry

from tests.media.conftest import Matrix
from tests.media.helpers import Uploader, make_image, png_bytes, stored_files

Image = get_image_model()

UPLOAD = """
mutation Upload($file: Upload!, $input: ImageCreateInput!) {
  uploadImage(file: $file, input: $input) {
    image { id title width height file tags collection { name } focalPoint { x y width height } }
    errors { __typename message path code ... on ValidationError { validationCode } }
  }
}
"""

UPDATE = """
mutation Update($id: ID!, $input: ImageUpdateInput, $file: Upload) {
  updateImage(id: $id, input: $input, file: $file) {
    image { id title width height tags collection { name } focalPoint { x y width height } }
    errors { __typename message path code }
  }
}
"""

DELETE = """
mutation Delete($id: ID!) { deleteImage(id: $id) { deletedId errors { __typename message path } } }
"""


def _state(root: Any) -> tuple[int, list[str]]:
    return Image.objects.count(), stored_files(root)


def test_upload_in_an_allowed_collection(matrix: Matrix, media_root: Any) -> None:
    variables = {
        "input": {
            "collection": str(matrix.allowed.pk),
            "tags": ["sea", "blue"],
            "focalPoint": {"x": 10, "y": 12, "width": 4, "height": 6},
        }
    }
    data = matrix.client.run(UPLOAD, variables, {"file": ("harbour.png", png_bytes(80, 60))})
    payload = data["uploadImage"]
    assert payload["errors"] == []
    image = Image.objects.get(pk=payload["image"]["id"])
    assert payload["image"] == {
        "id": str(image.pk),
        "title": "harbour",  # the file's name, as the admin's uploader does
        "width": 80,
        "height": 60,
        "file": "harbour.png",
        "tags": ["blue", "sea"],
        "collection": {"name": "Allowed"},
        "focalPoint": {"x": 10, "y": 12, "width": 4, "height": 6},
    }
    assert image.uploaded_by_user == matrix.user
    assert image.file_size == len(png_bytes(80, 60)) and image.file_hash
    assert stored_files(media_root) == [image.file.name]
    log = ModelLogEntry.objects.get(object_id=str(image.pk), action="wagtail.create")
    assert log.user_id == matrix.user.pk


def test_upload_without_a_collection_goes_to_the_only_one_allowed(matrix: Matrix) -> None:
    """The admin form drops the collection field when one collection is possible."""
    data = matrix.client.run(UPLOAD, {"input": {"title": "T"}}, {"file": ("a.png", png_bytes())})
    assert data["uploadImage"]["image"]["collection"] == {"name": "Allowed"}


def test_upload_in_a_denied_collection_stores_nothing(matrix: Matrix, media_root: Any) -> None:
    before = _state(media_root)
    variables = {"input": {"title": "No", "collection": str(matrix.denied.pk)}}
    payload = matrix.client.run(UPLOAD, variables, {"file": ("a.png", png_bytes())})["uploadImage"]
    assert payload["image"] is None
    (error,) = payload["errors"]
    assert error["__typename"] == "PermissionDeniedError"
    assert "Denied" in error["message"]
    assert _state(media_root) == before


def test_upload_into_a_missing_collection_is_not_found(matrix: Matrix, media_root: Any) -> None:
    before = _state(media_root)
    variables = {"input": {"collection": "999999"}}
    payload = matrix.client.run(UPLOAD, variables, {"file": ("a.png", png_bytes())})["uploadImage"]
    assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
        ("NotFoundError", ["input", "collection"])
    ]
    assert _state(media_root) == before


def test_upload_without_any_add_permission_is_denied(media_root: Any, seeded: Any) -> None:
    from django.contrib.auth import get_user_model
    from wagtail.models import APIToken

    nobody = get_user_model().objects.create_user("nobody", "n@example.com", "x")
    _, token = APIToken.create_token(user=nobody, name="t")
    before = _state(media_root)
    data = Uploader(token).run(UPLOAD, {"input": {}}, {"file": ("a.png", png_bytes())})
    assert [e["__typename"] for e in data["uploadImage"]["errors"]] == ["PermissionDeniedError"]
    assert _state(media_root) == before


def test_anonymous_upload_is_unauthenticated(media_root: Any, db: Any) -> None:
    before = _state(media_root)
    data = Uploader(None).run(UPLOAD, {"input": {}}, {"file": ("a.png", png_bytes())})
    assert [e["code"] for e in data["uploadImage"]["errors"]] == ["UNAUTHENTICATED"]
    assert _state(media_root) == before


TEXT = b"This is not an image, whatever its name says.\n" * 10


@pytest.mark.parametrize(
    ("name", "content", "settings_override", "code"),
    [
        ("renamed.png", TEXT, {}, "invalid_image"),
        ("photo.txt", png_bytes(), {}, "invalid_image_extension"),
        ("big.png", png_bytes(200, 200), {"WAGTAILIMAGES_MAX_UPLOAD_SIZE": 100}, "file_too_large"),
        (
            "wide.png",
            png_bytes(200, 200),
            {"WAGTAILIMAGES_MAX_IMAGE_PIXELS": 1000},
            "file_too_many_pixels",
        ),
    ],
)
def test_invalid_files_are_validation_errors_at_file(
    matrix: Matrix,
    media_root: Any,
    settings: Any,
    name: str,
    content: bytes,
    settings_override: dict[str, Any],
    code: str,
) -> None:
    for key, value in settings_override.items():
        setattr(settings, key, value)
    before = _state(media_root)
    data = matrix.client.run(UPLOAD, {"input": {"title": "Bad"}}, {"file": (name, content)})
    payload = data["uploadImage"]
    assert payload["image"] is None
    assert [(e["__typename"], e["path"], e["validationCode"]) for e in payload["errors"]] == [
        ("ValidationError", ["file"], code)
    ]
    assert _state(media_root) == before


def test_a_json_value_for_file_is_a_validation_error(matrix: Matrix, media_root: Any) -> None:
    """Strawberry's Upload scalar takes any variable; only a file part is a file."""
    before = _state(media_root)
    response = matrix.client.client.post(
        "/graphql/",
        data={"query": UPLOAD, "variables": {"file": "AAAA", "input": {}}},
        content_type="application/json",
        **matrix.client.headers,
    )
    assert response.status_code == 200
    errors = response.json()["data"]["uploadImage"]["errors"]
    assert [(e["__typename"], e["path"]) for e in errors] == [("ValidationError", ["file"])]
    assert _state(media_root) == before


def test_update_metadata_focal_point_and_collection(matrix: Matrix, media_root: Any) -> None:
    image = make_image("Old", matrix.allowed, tags=["a"], width=40, height=30)
    variables = {
        "id": str(image.pk),
        "input": {
            "title": "New",
            "tags": ["b"],
            "focalPoint": {"x": 5, "y": 6, "width": 2, "height": 2},
        },
    }
    payload = matrix.client.run(UPDATE, variables)["updateImage"]
    assert payload["errors"] == []
    assert payload["image"] == {
        "id": str(image.pk),
        "title": "New",
        "width": 40,
        "height": 30,
        "tags": ["b"],
        "collection": {"name": "Allowed"},
        "focalPoint": {"x": 5, "y": 6, "width": 2, "height": 2},
    }
    assert ModelLogEntry.objects.filter(object_id=str(image.pk), action="wagtail.edit").count() == 1
    cleared = matrix.client.run(UPDATE, {"id": str(image.pk), "input": {"focalPoint": None}})
    assert cleared["updateImage"]["image"]["focalPoint"] is None


def test_update_in_a_denied_collection_changes_nothing(matrix: Matrix, media_root: Any) -> None:
    image = make_image("Theirs", matrix.denied)
    before = _state(media_root)
    payload = matrix.client.run(
        UPDATE,
        {"id": str(image.pk), "input": {"title": "Mine"}},
        {"file": ("n.png", png_bytes(9, 9))},
    )["updateImage"]
    assert [e["__typename"] for e in payload["errors"]] == ["PermissionDeniedError"]
    image.refresh_from_db()
    assert (image.title, image.width) == ("Theirs", 64)
    assert _state(media_root) == before


def test_moving_to_a_denied_collection_is_denied(matrix: Matrix, media_root: Any) -> None:
    image = make_image("Mine", matrix.allowed)
    variables = {"id": str(image.pk), "input": {"collection": str(matrix.denied.pk)}}
    payload = matrix.client.run(UPDATE, variables)["updateImage"]
    assert [e["__typename"] for e in payload["errors"]] == ["PermissionDeniedError"]
    image.refresh_from_db()
    assert image.collection_id == matrix.allowed.pk


def test_replacing_the_file_drops_old_renditions(
    matrix: Matrix, media_root: Any, django_capture_on_commit_callbacks: Any
) -> None:
    image = make_image("Photo", matrix.allowed, width=300, height=200)
    old_name = image.file.name
    old_rendition = image.get_rendition("fill-100x100")
    variables = {"id": str(image.pk)}
    with django_capture_on_commit_callbacks(execute=True):  # rendition files go on commit
        payload = matrix.client.run(UPDATE, variables, {"file": ("new.png", png_bytes(120, 90))})
    payload = payload["updateImage"]
    assert payload["errors"] == []
    assert (payload["image"]["width"], payload["image"]["height"]) == (120, 90)
    image.refresh_from_db()
    assert image.renditions.count() == 0
    files = stored_files(media_root)
    assert image.file.name in files and old_name not in files
    assert old_rendition.file.name not in files
    assert image.get_rendition("fill-100x100").width == 90


def test_replacing_with_an_invalid_file_keeps_everything(matrix: Matrix, media_root: Any) -> None:
    image = make_image("Photo", matrix.allowed)
    image.get_rendition("fill-100x100")
    assert image.renditions.count() == 1
    before = _state(media_root)
    payload = matrix.client.run(UPDATE, {"id": str(image.pk)}, {"file": ("x.png", TEXT)})[
        "updateImage"
    ]
    assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
        ("ValidationError", ["file"])
    ]
    assert _state(media_root) == before
    assert image.renditions.count() == 1


def test_delete_allowed_and_denied(
    matrix: Matrix, media_root: Any, django_capture_on_commit_callbacks: Any
) -> None:
    mine, theirs = make_image("Mine", matrix.allowed), make_image("Theirs", matrix.denied)
    before = _state(media_root)
    denied = matrix.client.run(DELETE, {"id": str(theirs.pk)})["deleteImage"]
    assert [e["__typename"] for e in denied["errors"]] == ["PermissionDeniedError"]
    assert _state(media_root) == before
    with django_capture_on_commit_callbacks(execute=True):
        done = matrix.client.run(DELETE, {"id": str(mine.pk)})["deleteImage"]
    assert done == {"deletedId": str(mine.pk), "errors": []}
    assert not Image.objects.filter(pk=mine.pk).exists()
    assert stored_files(media_root) == [theirs.file.name]
    assert ModelLogEntry.objects.filter(object_id=str(mine.pk), action="wagtail.delete").exists()


def test_update_or_delete_a_missing_image_is_not_found(matrix: Matrix) -> None:
    for query, name in ((UPDATE, "updateImage"), (DELETE, "deleteImage")):
        payload = matrix.client.run(query, {"id": "424242"})[name]
        assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
            ("NotFoundError", ["id"])
        ]

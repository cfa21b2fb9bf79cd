"""Files, images, documents and collections for the media tests, made with real Wagtail.

Every media test runs with ``MEDIA_ROOT`` in a fresh temporary directory (the
``media_root`` fixture), so stored files can be counted and nothing is left behind.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission


def png_bytes(
    width: int = 64, height: int = 48, colour: tuple[int, int, int] = (200, 40, 40)
) -> bytes:
    buffer = BytesIO()
    PILImage.new("RGB", (width, height), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def make_image(
    title: str, collection: Collection | None = None, tags: list[str] = (), **size: int
) -> Any:
    image = get_image_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    image.file = ImageFile(BytesIO(png_bytes(**size)), name=f"{title.replace(' ', '-')}.png")
    image.save()
    if tags:
        image.tags.add(*tags)
    return image


def make_document(
    title: str, collection: Collection | None = None, content: bytes = b"a,b\n1,2\n"
) -> Any:
    document = get_document_model()(
        title=title, collection=collection or Collection.get_first_root_node()
    )
    document.file = ContentFile(content, name=f"{title.replace(' ', '-')}.csv")
    document.save()
    return document


def without_seeded_media() -> None:
    """Delete every image and document inside the test's transaction (rolled back after).

    The suite's database holds the example site's seed (tests/conftest.py), images and
    documents included; a test that asserts a whole list sees only its own this way.
    Wagtail deletes the files on commit only, so the seed's files are untouched.
    """
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()


def child_collection(name: str) -> Collection:
    return Collection.get_first_root_node().add_child(name=name)


def grant(group: Group, collection: Collection, model: Any, *actions: str) -> None:
    """``GroupCollectionPermission``s, as the admin's group editor saves them."""
    app_label = model._meta.app_label
    for action in actions:
        codename = f"{action}_{model._meta.model_name}"
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=permission
        )


def stored_files(root: Path) -> list[str]:
    """Every file under ``root``, relative, sorted: what a write left in storage."""
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def multipart(
    client: Any,
    query: str,
    variables: dict[str, Any],
    files: dict[str, tuple[str, bytes]],
    **headers: Any,
) -> tuple[int, dict[str, Any]]:
    """POST an operation as the GraphQL multipart request spec says: ``operations``,
    ``map`` and one part per file; ``files`` maps a variable path (``"file"``) to
    ``(file name, content)``."""
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    operations = {"query": query, "variables": {**variables, **dict.fromkeys(files)}}
    data: dict[str, Any] = {
        "operations": json.dumps(operations),
        "map": json.dumps({str(i): [f"variables.{path}"] for i, path in enumerate(files)}),
    }
    for i, (name, content) in enumerate(files.values()):
        data[str(i)] = SimpleUploadedFile(name, content)
    response = client.post("/graphql/", data=data, **headers)
    return response.status_code, json.loads(response.content or b"{}")


class Uploader:
    """A GraphQL client that sends files, as a given API token."""

    def __init__(self, token: str | None) -> None:
        from django.test import Client

        self.client = Client()
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}

    def run(
        self,
        query: str,
        variables: dict[str, Any],
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> dict[str, Any]:
        status, body = multipart(self.client, query, variables, files or {}, **self.headers)
        assert status == 200 and "errors" not in body, body
        return body["data"]

"""Uploads over HTTP: the GraphQL multipart request spec with a Bearer token, with a
session and CSRF, and malformed multipart requests answered with JSON."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.images import get_image_model

from tests.media.helpers import multipart, png_bytes, stored_files

UPLOAD = """
mutation($file: Upload!) { uploadImage(file: $file, input: {title: "Via session"}) {
  image { title } errors { message } } }
"""


def test_session_upload_needs_csrf(seeded: Any, media_root: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(get_user_model().objects.get(username="editor"))
    status, body = multipart(client, UPLOAD, {}, {"file": ("s.png", png_bytes())})
    assert status == 403 and "CSRF" in body["errors"][0]["message"]
    assert stored_files(media_root) == []
    client.get("/graphql/", HTTP_ACCEPT="text/html")  # GraphiQL sets the csrftoken cookie
    token = client.cookies["csrftoken"].value
    status, body = multipart(
        client, UPLOAD, {}, {"file": ("s.png", png_bytes())}, HTTP_X_CSRFTOKEN=token
    )
    assert status == 200
    assert body["data"]["uploadImage"] == {"image": {"title": "Via session"}, "errors": []}
    assert get_image_model().objects.filter(title="Via session").count() == 1


def test_a_map_that_does_not_match_the_operations_is_a_400(seeded: Any, media_root: Any) -> None:
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {seeded.tokens['editor']}"}
    operations = json.dumps({"query": UPLOAD, "variables": {"file": None}})
    for file_map in (
        '{"0": ["variables.file.deeper"]}',
        '{"0": ["variables.nothere.x"]}',
        '["x"]',
        '{"1": ["variables.file"]}',
    ):
        response = client.post(
            "/graphql/",
            data={"operations": operations, "map": file_map, "0": png_bytes()},
            **headers,
        )
        assert response.status_code == 400, file_map
        assert response.json()["errors"][0]["message"]
    assert stored_files(media_root) == []

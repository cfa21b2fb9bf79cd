"""Shared fixtures: the seeded example site and GraphQL clients over real HTTP.

Requests go through Django's test client to ``/graphql/`` (URL routing, middleware,
authentication and the Strawberry view all run); nothing is mocked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client

from wagtail_graphql_write.http import views

ENDPOINT = "/graphql/"


@dataclass
class GraphQLResponse:
    status: int
    body: dict[str, Any]

    @property
    def data(self) -> dict[str, Any]:
        assert "errors" not in self.body, self.body.get("errors")
        return self.body["data"]


class GraphQLClient:
    """POSTs GraphQL documents as a given API token (or anonymously)."""

    def __init__(self, token: str | None = None, client: Client | None = None) -> None:
        self.token = token
        self.client = client or Client()

    def post(
        self, query: str, variables: dict[str, Any] | None = None, **headers: str
    ) -> GraphQLResponse:
        if self.token:
            headers.setdefault("HTTP_AUTHORIZATION", f"Bearer {self.token}")
        response = self.client.post(
            ENDPOINT,
            data=json.dumps({"query": query, "variables": variables or {}}),
            content_type="application/json",
            **headers,
        )
        return GraphQLResponse(response.status_code, json.loads(response.content or b"{}"))

    def execute(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run a document that must not produce top-level GraphQL errors."""
        return self.post(query, variables).data


@pytest.fixture(autouse=True)
def fresh_schema() -> Iterator[None]:
    """Each test builds the schema from the current settings and models."""
    views.reset()
    yield
    views.reset()


@pytest.fixture
def seeded(db: Any) -> Any:
    """The example site's demo content, users, groups, workflow and API tokens."""
    from blog.seeding import seed_site

    return seed_site()


@pytest.fixture
def anonymous() -> GraphQLClient:
    return GraphQLClient()


@pytest.fixture
def editor(seeded: Any) -> GraphQLClient:
    return GraphQLClient(seeded.tokens["editor"])


@pytest.fixture
def moderator(seeded: Any) -> GraphQLClient:
    return GraphQLClient(seeded.tokens["moderator"])


@pytest.fixture
def admin(seeded: Any) -> GraphQLClient:
    return GraphQLClient(seeded.tokens["admin"])


@pytest.fixture
def media_root(settings: Any, tmp_path: Any) -> Any:
    """A fresh, empty MEDIA_ROOT for the test: stored files can be counted, none leak.

    Wagtail caches renditions by image id and filter; ids are reused after a test's
    rollback, so the cache is emptied too.
    """
    from wagtail.images import get_image_model

    get_image_model().get_rendition_model().cache_backend.clear()
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    return root

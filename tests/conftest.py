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
def schema_of_patched_models(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test that patches models (``api_fields``, names, ...) gets a schema built from
    them, and leaves none behind.

    The built schema is otherwise kept across tests and forgotten on ``setting_changed``
    only (the package does that); a model patched with ``monkeypatch`` sends no signal.
    """
    if "monkeypatch" not in request.fixturenames:
        yield
        return
    from wagtail_graphql_write.http import views

    views.reset()
    yield
    views.reset()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> Any:
    """Seed each worker's test database once, committed, before any test runs.

    Seeding is most of a test's setup (page saves, revisions, reference and search
    indexes), so it is done once and every ``db`` test rolls back to it. pytest-django
    runs all ``db`` tests before the transactional ones (which flush the database
    afterwards and restore it with ``serialized_rollback``), and ``seeded`` re-seeds if
    a flush ever came first.
    """
    from django.apps import apps

    if not apps.is_installed("blog"):  # tests/wagtail_testapp: Wagtail's test app only
        return
    from django.db import connection

    from blog.seeding import seed_site

    with django_db_blocker.unblock():
        _SESSION_SEED.append(seed_site())
        # What ``serialized_rollback`` restores for the transactional tests: Django took
        # this snapshot when it created the database (before the seed); take it again,
        # as create_test_db does, so a restore is the seeded site and not a tree whose
        # counters predate the seed's pages and collections.
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


_SESSION_SEED: list[Any] = []


def _reloaded(seed: Any) -> Any:
    """The session seed with every object read afresh, so no test sees another's edits."""
    from dataclasses import replace

    def fresh(obj: Any) -> Any:
        return type(obj)._default_manager.get(pk=obj.pk)

    def fresh_all(objects: dict[str, Any]) -> dict[str, Any]:
        model = type(next(iter(objects.values())))
        by_pk = model._default_manager.in_bulk([o.pk for o in objects.values()])
        return {key: by_pk[o.pk] for key, o in objects.items()}

    posts = dict(enumerate(seed.posts))
    return replace(
        seed,
        users=fresh_all(seed.users),
        home=fresh(seed.home),
        index=fresh(seed.index),
        posts=list(fresh_all(posts).values()),
        people=fresh_all(seed.people),
        categories=fresh_all(seed.categories),
        image=fresh(seed.image),
    )


@pytest.fixture
def seeded(request: pytest.FixtureRequest, db: Any) -> Any:
    """The example site's demo content, users, groups, workflow and API tokens.

    A ``db`` test gets the session's seed (rolled back after the test); a transactional
    test, or any test after a flush, seeds for itself (``seed_site`` is idempotent).
    """
    from wagtail.models import Page

    from blog.seeding import seed_site

    transactional = {"transactional_db", "live_server"} & set(request.fixturenames)
    session = _SESSION_SEED[0] if _SESSION_SEED else None
    if transactional or session is None or not Page.objects.filter(pk=session.index.pk).exists():
        return seed_site()
    return _reloaded(session)


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

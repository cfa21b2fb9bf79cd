"""Who a request is: Wagtail API bearer tokens, the Django session, or nobody."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.utils import timezone
from wagtail.models import APIToken

from tests.conftest import GraphQLClient

VIEWER = "{ viewer { user { displayName } isAuthenticated isSuperuser } }"


def _viewer(client: GraphQLClient) -> dict[str, Any]:
    return client.execute(VIEWER)["viewer"]


def _token_for(username: str, **user_fields: Any) -> tuple[Any, APIToken, str]:
    user = get_user_model().objects.create_user(username, password="x", **user_fields)
    token, plaintext = APIToken.create_token(user=user, name="t")
    return user, token, plaintext


def test_anonymous_request_has_no_user(anonymous: GraphQLClient, db: Any) -> None:
    assert _viewer(anonymous) == {"user": None, "isAuthenticated": False, "isSuperuser": False}


def test_bearer_token_authenticates_its_user(editor: GraphQLClient, admin: GraphQLClient) -> None:
    assert _viewer(editor) == {
        "user": {"displayName": "editor"},
        "isAuthenticated": True,
        "isSuperuser": False,
    }
    assert _viewer(admin)["isSuperuser"] is True


def test_display_name_prefers_the_full_name(db: Any) -> None:
    _, _, plaintext = _token_for("jd", first_name="Jane", last_name="Doe")
    assert _viewer(GraphQLClient(plaintext))["user"] == {"displayName": "Jane Doe"}


def test_the_bearer_scheme_is_case_insensitive(seeded: Any) -> None:
    client = GraphQLClient()
    response = client.post(VIEWER, HTTP_AUTHORIZATION=f"bearer {seeded.tokens['editor']}")
    assert response.data["viewer"]["user"] == {"displayName": "editor"}


def test_other_authorization_schemes_are_ignored(seeded: Any) -> None:
    client = GraphQLClient()
    response = client.post(VIEWER, HTTP_AUTHORIZATION=f"Token {seeded.tokens['editor']}")
    assert response.data["viewer"]["isAuthenticated"] is False


def test_unknown_token_is_anonymous_not_an_error(db: Any) -> None:
    response = GraphQLClient("not-a-real-token").post(VIEWER)
    assert response.status == 200
    assert response.data["viewer"] == {
        "user": None,
        "isAuthenticated": False,
        "isSuperuser": False,
    }


def test_revoked_token_is_anonymous(seeded: Any) -> None:
    client = GraphQLClient(seeded.tokens["editor"])
    assert _viewer(client)["isAuthenticated"] is True
    token = APIToken.objects.get(user=seeded.users["editor"], name="seed")
    token.revoke()
    assert _viewer(client) == {"user": None, "isAuthenticated": False, "isSuperuser": False}


def test_inactive_users_token_is_anonymous(db: Any) -> None:
    user, _, plaintext = _token_for("gone")
    client = GraphQLClient(plaintext)
    assert _viewer(client)["isAuthenticated"] is True
    user.is_active = False
    user.save()
    assert _viewer(client)["isAuthenticated"] is False


def test_a_token_of_an_inactive_user_cannot_write(db: Any) -> None:
    _, _, plaintext = _token_for("gone", is_active=False)
    query = 'mutation { createCategory(input: {name: "X", slug: "x"}) { errors { code } } }'
    payload = GraphQLClient(plaintext).execute(query)["createCategory"]
    assert payload["errors"] == [{"code": "UNAUTHENTICATED"}]


def test_token_use_is_recorded_at_most_once_per_interval(db: Any) -> None:
    _, token, plaintext = _token_for("user")
    assert token.last_used_at is None
    client = GraphQLClient(plaintext)
    _viewer(client)
    token.refresh_from_db()
    first = token.last_used_at
    assert first is not None
    _viewer(client)
    token.refresh_from_db()
    assert token.last_used_at == first
    # Once the interval has passed, the next use is recorded again.
    earlier = first - datetime.timedelta(hours=1)
    APIToken.objects.filter(pk=token.pk).update(last_used_at=earlier)
    _viewer(client)
    token.refresh_from_db()
    assert token.last_used_at > earlier
    assert token.last_used_at <= timezone.now()


@override_settings(WAGTAILAPI_TOKEN_LAST_USED_INTERVAL=None)
def test_token_use_recording_can_be_switched_off(db: Any) -> None:
    _, token, plaintext = _token_for("user")
    _viewer(GraphQLClient(plaintext))
    token.refresh_from_db()
    assert token.last_used_at is None


def test_session_login_authenticates_queries(seeded: Any) -> None:
    browser = Client()
    browser.force_login(seeded.users["moderator"])
    assert _viewer(GraphQLClient(client=browser))["user"] == {"displayName": "moderator"}
    response = browser.get("/graphql/", {"query": VIEWER})
    assert response.json()["data"]["viewer"]["user"] == {"displayName": "moderator"}


def test_a_bearer_token_wins_over_the_session(seeded: Any) -> None:
    browser = Client()
    browser.force_login(seeded.users["admin"])
    as_editor = GraphQLClient(seeded.tokens["editor"], client=browser)
    assert _viewer(as_editor)["user"] == {"displayName": "editor"}
    # A bad token is not silently replaced by the session's (more powerful) user.
    bad = GraphQLClient("not-a-real-token", client=browser)
    assert _viewer(bad)["isAuthenticated"] is False

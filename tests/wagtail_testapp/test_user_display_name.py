"""``User.displayName`` reads as the admin shows a user, for any user model.

Wagtail's test app uses ``customuser.CustomUser``, whose ``get_full_name()`` does not
strip: a user without names has the full name ``" "``. The admin shows the username
then (``wagtail.admin.utils.get_user_display_name``), and so must the API.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from wagtail_graphql_write.schema import build_schema

VIEWER = "{ viewer { user { displayName } } }"


def _display_name(user: Any) -> str:
    request = RequestFactory().post("/graphql/")
    request.user = user
    schema = build_schema().schema
    result = schema.execute_sync(VIEWER, context_value=SimpleNamespace(request=request))
    assert result.errors is None, result.errors
    assert result.data is not None
    return str(result.data["viewer"]["user"]["displayName"])


@pytest.mark.django_db
def test_a_user_without_names_is_shown_by_username() -> None:
    user = get_user_model().objects.create_user(username="nameless", password="x")
    assert user.get_full_name() == " "  # the test app's user model does not strip
    assert _display_name(user) == "nameless"


@pytest.mark.django_db
def test_a_user_with_names_is_shown_by_full_name() -> None:
    user = get_user_model().objects.create_user(
        username="ada", password="x", first_name="Ada", last_name="Lovelace"
    )
    assert _display_name(user) == "Ada Lovelace"

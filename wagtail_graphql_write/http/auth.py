"""Who a request is: a Wagtail ``APIToken`` bearer, or the Django session.

Token rules match Wagtail v3's ``BearerTokenAuth``: revoked tokens, unknown tokens
and inactive users make the request anonymous (never an error that would tell an
attacker which tokens exist), and ``last_used_at`` is touched at most once per
``WAGTAILAPI_TOKEN_LAST_USED_INTERVAL`` seconds.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import APIToken

BEARER = "bearer "


def bearer_token(request: HttpRequest) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if header[: len(BEARER)].lower() == BEARER:
        return header[len(BEARER) :].strip()
    return None


def user_for_token(token: str) -> Any:
    """The active user owning ``token``, or an ``AnonymousUser``."""
    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    user = api_token.user if api_token is not None else None
    if user is None or not user.is_active:
        return AnonymousUser()
    _touch_last_used(api_token)
    return user


def _touch_last_used(api_token: Any) -> None:
    interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
    if interval is None:
        return
    now = timezone.now()
    last = api_token.last_used_at
    if last is None or (now - last).total_seconds() >= interval:
        APIToken.objects.filter(pk=api_token.pk).update(last_used_at=now)


def authenticate(request: HttpRequest) -> bool:
    """Set ``request.user`` from a bearer token if one is sent; True if it was.

    A bearer header always wins over the session cookie, so a token request is never
    elevated (or CSRF-checked) because a browser also carries a session.
    """
    token = bearer_token(request)
    if token is None:
        return False
    request.user = user_for_token(token)
    return True

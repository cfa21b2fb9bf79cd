"""The GraphQL endpoint: Strawberry's Django view plus token auth, CSRF and GraphiQL.

CSRF: token requests are exempt (a bearer header is not an ambient credential); a
request authenticated by the session cookie must pass Django's CSRF check on POST,
as in Django REST framework's ``SessionAuthentication``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.http.auth import authenticate
from wagtail_graphql_write.schema import get_built_schema, get_schema


def _csrf_failure(request: HttpRequest) -> HttpResponse | None:
    check = CsrfViewMiddleware(lambda r: HttpResponse())
    check.process_request(request)
    response = check.process_view(request, lambda r: HttpResponse(), (), {})
    if response is None:
        return None
    return JsonResponse(
        {
            "errors": [
                {
                    "message": "CSRF verification failed: send the csrftoken cookie's value "
                    "in the X-CSRFToken header, or use an API token."
                }
            ]
        },
        status=403,
    )


class GraphQLWriteView(GraphQLView):
    """Strawberry's view with Wagtail authentication in front of it."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        by_token = authenticate(request)
        if not by_token and request.method == "POST" and request.user.is_authenticated:
            failure = _csrf_failure(request)
            if failure is not None:
                return failure
        return super().dispatch(request, *args, **kwargs)


@lru_cache(maxsize=1)
def _view() -> Any:
    ide = "graphiql" if get_settings()["GRAPHIQL"] else None
    return GraphQLWriteView.as_view(schema=get_schema(), graphql_ide=ide)


@csrf_exempt  # CSRF is enforced in GraphQLWriteView.dispatch, for session users only
def graphql_view(request: HttpRequest) -> Any:
    """The URL's view: builds the schema on first use, not at import time."""
    return _view()(request)


def reset() -> None:
    """Forget the built schema and view (after changing settings or models in tests)."""
    _view.cache_clear()
    get_built_schema.cache_clear()

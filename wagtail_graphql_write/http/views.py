"""The GraphQL endpoint: Strawberry's Django view plus token auth, CSRF and GraphiQL.

GraphiQL is the package's own page (``templates/wagtail_graphql_write/graphiql.html``),
whose script and stylesheet are static files built from npm (``graphiql/`` at the
repository root): no CDN, so it works offline, and no inline script, so it works under
``Content-Security-Policy: script-src 'self'``.

Every answer is JSON, malformed requests included (see ``http/transport.py``).

CSRF: token requests are exempt (a bearer header is not an ambient credential); a
request authenticated by the session cookie must pass Django's CSRF check on POST,
as in Django REST framework's ``SessionAuthentication``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cross_web import HTTPException
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.template.loader import render_to_string
from django.views.decorators.csrf import csrf_exempt
from strawberry.django.views import GraphQLView, TemporalHttpResponse

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.http import transport
from wagtail_graphql_write.http.auth import authenticate
from wagtail_graphql_write.schema import get_built_schema, get_schema


def _csrf_failure(request: HttpRequest) -> HttpResponse | None:
    check = CsrfViewMiddleware(lambda r: HttpResponse())
    check.process_request(request)
    response = check.process_view(request, lambda r: HttpResponse(), (), {})
    if response is None:
        return None
    return transport.error_response(
        request,
        403,
        "CSRF verification failed: send the csrftoken cookie's value "
        "in the X-CSRFToken header, or use an API token.",
    )


class GraphQLWriteView(GraphQLView):
    """Strawberry's view with Wagtail authentication in front of it and JSON answers
    for every transport failure."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        try:
            by_token = authenticate(request)
            if not by_token and request.method == "POST" and request.user.is_authenticated:
                failure = _csrf_failure(request)
                if failure is not None:
                    return failure
            return self.run(request=request)
        except HTTPException as exc:
            return transport.error_response(request, exc.status_code, exc.reason)
        except RequestDataTooBig:
            return transport.error_response(
                request, 413, "The request body is larger than this server accepts."
            )

    def render_graphql_ide(self, request: HttpRequest) -> HttpResponse:
        """The bundled GraphiQL page, configured through data attributes.

        ``get_token`` makes Django set the ``csrftoken`` cookie, which the page sends
        back as ``X-CSRFToken`` on session requests.
        """
        get_token(request)
        context = {
            "endpoint": request.path,
            "persist_headers": get_settings()["GRAPHIQL_PERSIST_HEADERS"],
        }
        html = render_to_string("wagtail_graphql_write/graphiql.html", context, request)
        return HttpResponse(html)

    def parse_http_body(self, request: Any) -> Any:
        try:
            return super().parse_http_body(request)
        except UnicodeDecodeError as exc:  # Strawberry decodes the body before parsing it
            raise HTTPException(400, "The request body is not valid UTF-8.") from exc

    def parse_multipart(self, request: Any) -> Any:
        """A multipart request (file uploads): a ``map`` naming a path the operations do
        not have is the client's mistake, a 400, not an exception from deep inside."""
        try:
            return super().parse_multipart(request)
        except (LookupError, ValueError, TypeError, AttributeError) as exc:
            raise HTTPException(
                400,
                "The multipart request's `map` does not match its `operations` (see the "
                "GraphQL multipart request spec).",
            ) from exc

    def decode_json(self, data: str | bytes) -> object:
        return transport.decode_request_json(data)

    def get_sub_response(self, request: HttpRequest) -> TemporalHttpResponse:
        sub_response = TemporalHttpResponse()
        sub_response["Content-Type"] = f"{transport.response_type(request)}; charset=utf-8"
        return sub_response

    def create_response(self, response_data: Any, sub_response: Any) -> Any:
        if transport.is_request_error(response_data):
            response_data = {key: v for key, v in response_data.items() if key != "data"}
            if sub_response["Content-Type"].startswith(transport.GRAPHQL_RESPONSE):
                sub_response.status_code = 400
        return super().create_response(response_data, sub_response)


@lru_cache(maxsize=1)
def _view() -> Any:
    ide = "graphiql" if get_settings()["GRAPHIQL"] else None
    return GraphQLWriteView.as_view(
        schema=get_schema(), graphql_ide=ide, multipart_uploads_enabled=True
    )


@csrf_exempt  # CSRF is enforced in GraphQLWriteView.dispatch, for session users only
def graphql_view(request: HttpRequest) -> Any:
    """The URL's view: builds the schema on first use, not at import time."""
    return _view()(request)


def reset() -> None:
    """Forget the built schema and view (after changing settings or models in tests)."""
    _view.cache_clear()
    get_built_schema.cache_clear()


def reset_on_setting_change(**_: Any) -> None:
    """``setting_changed`` receiver: the schema is a function of the settings.

    Which settings a build reads is open-ended (generator hooks, Wagtail's own settings
    behind a field converter), so any change forgets the built schema. Settings only
    change at runtime under ``override_settings`` in tests, so this costs a site nothing.
    """
    reset()

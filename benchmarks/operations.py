"""The operations, each as three variants: GraphQL, Wagtail v3 REST and the direct floor.

Both APIs are called through Django's test ``Client`` (URL routing, the middleware,
authentication and the view all run, in this process), with the same ``APIToken`` as
a bearer token. Each variant has a ``call`` (what is timed) and a ``canonical`` that
turns its answer into the shape of ``canonical.py``, failing on any error, so the
harness can check that the variants did the same thing.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.test import Client

from benchmarks import canonical, direct
from benchmarks import documents as docs
from benchmarks.data import Fixture

VARIANTS = ("graphql", "v3", "direct")


class Failed(AssertionError):
    """A variant's answer was an error, or the variants' answers disagree."""


@dataclass(frozen=True)
class Variant:
    call: Callable[[int], Any]
    canonical: Callable[[Any], canonical.Canonical]


@dataclass(frozen=True)
class Operation:
    name: str
    #: Writes run inside a transaction that is rolled back, so iterations start equal.
    write: bool
    variants: dict[str, Variant]


#: What ``django.test.Client`` returns (an ``HttpResponse`` the client adds to; django-stubs
#: types it with a private class).
Response = Any


class Api:
    """Both APIs over Django's test client, as the fixture's user."""

    def __init__(self, token: str) -> None:
        self.client = Client(headers={"Authorization": f"Bearer {token}"})

    def graphql(self, query: str, variables: dict[str, Any]) -> Response:
        body = json.dumps({"query": query, "variables": variables})
        return self.client.post("/graphql/", body, content_type="application/json")

    def get(self, url: str) -> Response:
        return self.client.get(url)

    def send(self, method: str, url: str, body: dict[str, Any] | None = None) -> Response:
        send = getattr(self.client, method)
        return send(url, json.dumps(body or {}), content_type="application/json")


def graphql_data(response: Response, field: str) -> Any:
    """The ``field`` of a GraphQL answer's data; a mutation payload's ``page``."""
    answer = json.loads(response.content)
    if response.status_code != 200 or answer.get("errors"):
        raise Failed(f"GraphQL {field}: {response.status_code} {answer}")
    data = answer["data"][field]
    if isinstance(data, dict) and "errors" in data:
        if data["errors"]:
            raise Failed(f"GraphQL {field}: {data['errors']}")
        return data["page"]
    return data


def v3_data(response: Response, status: int = 200) -> Any:
    answer = json.loads(response.content)
    if response.status_code != status:
        raise Failed(f"v3 {response.status_code}: {answer}")
    return answer


def _detail(fixture: Fixture, api: Api) -> Operation:
    pk = fixture.detail.pk
    return Operation(
        "page detail",
        False,
        {
            "graphql": Variant(
                lambda i: api.graphql(docs.DETAIL, {"id": str(pk)}),
                lambda r: canonical.detail_from_graphql(graphql_data(r, "page")),
            ),
            "v3": Variant(
                lambda i: api.get(f"/api/v3/pages/{pk}/"),
                lambda r: canonical.detail_from_v3(v3_data(r)),
            ),
            "direct": Variant(lambda i: direct.read_detail(pk), json.loads),
        },
    )


def _list(fixture: Fixture, api: Api, size: int) -> Operation:
    parent = fixture.index
    return Operation(
        f"list {size} pages",
        False,
        {
            "graphql": Variant(
                lambda i: api.graphql(docs.LIST, {"parent": str(parent.pk), "limit": size}),
                lambda r: canonical.list_from_graphql(graphql_data(r, "pages")),
            ),
            "v3": Variant(
                lambda i: api.get(f"/api/v3/pages/?child_of={parent.pk}&limit={size}"),
                lambda r: canonical.list_from_v3(v3_data(r)),
            ),
            "direct": Variant(lambda i: direct.read_list(parent, size), json.loads),
        },
    )


def _create(fixture: Fixture, api: Api) -> Operation:
    post = docs.new_post(fixture)
    parent = fixture.index.pk
    variables = {"parent": str(parent), "input": docs.graphql_input(post)}
    return Operation(
        "create page (draft)",
        True,
        {
            "graphql": Variant(
                lambda i: api.graphql(docs.CREATE, variables),
                lambda r: canonical.written(
                    canonical.detail_from_graphql(graphql_data(r, "createBlogPage"))
                ),
            ),
            "v3": Variant(
                lambda i: api.send("post", "/api/v3/pages/", docs.v3_body(post, parent)),
                lambda r: canonical.written(canonical.detail_from_v3(v3_data(r, 201))),
            ),
            "direct": Variant(
                lambda i: direct.create(fixture, post),
                lambda r: canonical.written(json.loads(r)),
            ),
        },
    )


def _update(fixture: Fixture, api: Api) -> Operation:
    pk = fixture.update_target.pk
    return Operation(
        "update title (draft revision)",
        True,
        {
            "graphql": Variant(
                lambda i: api.graphql(docs.UPDATE, {"id": str(pk), "title": f"Title {i}"}),
                lambda r: canonical.detail_from_graphql(graphql_data(r, "updateBlogPage")),
            ),
            "v3": Variant(
                lambda i: api.send("patch", f"/api/v3/pages/{pk}/", {"title": f"Title {i}"}),
                lambda r: canonical.detail_from_v3(v3_data(r)),
            ),
            "direct": Variant(lambda i: direct.update(fixture, f"Title {i}"), json.loads),
        },
    )


def _publish(fixture: Fixture, api: Api) -> Operation:
    pk = fixture.publish_target.pk
    return Operation(
        "publish",
        True,
        {
            "graphql": Variant(
                lambda i: api.graphql(docs.PUBLISH, {"id": str(pk)}),
                lambda r: canonical.detail_from_graphql(graphql_data(r, "publishPage")),
            ),
            "v3": Variant(
                lambda i: api.send("post", f"/api/v3/pages/{pk}/actions/publish/"),
                lambda r: canonical.detail_from_v3(v3_data(r)),
            ),
            "direct": Variant(lambda i: direct.publish(fixture), json.loads),
        },
    )


def operations(fixture: Fixture, api: Api, list_sizes: tuple[int, ...]) -> list[Operation]:
    """Every operation of the comparison table, in its order."""
    return [
        _detail(fixture, api),
        *[_list(fixture, api, size) for size in list_sizes],
        _create(fixture, api),
        _update(fixture, api),
        _publish(fixture, api),
    ]

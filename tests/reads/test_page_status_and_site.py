"""``pages(status:)`` and ``page(site:)``: the two read arguments of the contract that
issue 14's v2 table did not cover.

A status is Wagtail's own ``status_string`` of the page (what the admin's status tag
shows), so the tests compare the filter with Wagtail's property on every page.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone
from wagtail.models import Page, Site

from blog.models import BlogPage

PAGES = """
query Pages($status: [PageStatus!], $version: ContentVersion) {
  pages(descendantOf: "/", status: $status, version: $version, limit: 100) {
    totalCount items { id }
  }
}
"""
PAGE = """
query Page($id: ID, $path: String, $site: String, $version: ContentVersion) {
  page(id: $id, path: $path, site: $site, version: $version) { id title }
}
"""
#: ``PageStatus`` value -> Wagtail's ``status_string``.
STATUS_STRINGS = {
    "LIVE": "live",
    "LIVE_AND_DRAFT": "live + draft",
    "LIVE_AND_SCHEDULED": "live + scheduled",
    "DRAFT": "draft",
    "SCHEDULED": "scheduled",
    "EXPIRED": "expired",
}


def _ids(client: Any, **variables: Any) -> list[int]:
    items = client.execute(PAGES, variables)["pages"]["items"]
    return [int(item["id"]) for item in items]


@pytest.fixture
def every_status(seeded: Any) -> dict[str, int]:
    """A page of each status, made as Wagtail makes them; returns status -> page id."""
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    admin = seeded.users["admin"]
    live, edited, scheduled_live = (BlogPage.objects.get(pk=p.pk) for p in seeded.posts[:3])
    for page in (live, edited, scheduled_live):
        page.save_revision(user=admin).publish()
    edited.save_revision(user=admin)  # a newer draft
    scheduled_live.save_revision(user=admin, approved_go_live_at=tomorrow)
    index = seeded.index

    def child(slug: str) -> BlogPage:
        page = BlogPage(title=slug, slug=slug, live=False, date=datetime.date(2026, 1, 1))
        index.add_child(instance=page)
        return page

    draft, scheduled, expired = child("a-draft"), child("scheduled"), child("expired")
    draft.save_revision(user=admin)
    scheduled.save_revision(user=admin, approved_go_live_at=tomorrow)
    Page.objects.filter(pk=expired.pk).update(expired=True)
    return {
        "LIVE": live.pk,
        "LIVE_AND_DRAFT": edited.pk,
        "LIVE_AND_SCHEDULED": scheduled_live.pk,
        "DRAFT": draft.pk,
        "SCHEDULED": scheduled.pk,
        "EXPIRED": expired.pk,
    }


def test_each_status_is_wagtails_status_string(
    admin: Any, seeded: Any, every_status: dict[str, int]
) -> None:
    below_home = Page.objects.descendant_of(seeded.home)  # what descendantOf: "/" lists
    pages = {page.pk: str(page.specific.status_string) for page in below_home}
    for status, page_id in every_status.items():
        assert pages[page_id] == STATUS_STRINGS[status]  # the fixture made what it says
    for status, label in STATUS_STRINGS.items():
        expected = sorted(pk for pk, string in pages.items() if string == label)
        assert sorted(_ids(admin, status=[status], version="LATEST")) == expected, status


def test_statuses_combine_with_or(admin: Any, every_status: dict[str, int]) -> None:
    found = _ids(admin, status=["DRAFT", "SCHEDULED", "DRAFT"], version="LATEST")
    assert every_status["DRAFT"] in found and every_status["SCHEDULED"] in found
    assert every_status["LIVE"] not in found
    assert _ids(admin, status=[], version="LATEST") == []


def test_a_live_read_lists_published_pages_only(
    anonymous: Any, admin: Any, every_status: dict[str, int]
) -> None:
    assert _ids(anonymous, status=["DRAFT", "SCHEDULED", "EXPIRED"]) == []
    assert _ids(admin, status=["DRAFT", "SCHEDULED", "EXPIRED"]) == []
    live = _ids(anonymous, status=["LIVE", "LIVE_AND_DRAFT", "LIVE_AND_SCHEDULED"])
    assert {every_status["LIVE"], every_status["LIVE_AND_DRAFT"]} <= set(live)


def test_a_status_never_adds_pages_the_viewer_cannot_read(
    anonymous: Any, every_status: dict[str, int]
) -> None:
    """Anonymous readers may not read LATEST: the status narrows, it never widens."""
    assert _ids(anonymous, status=["DRAFT"], version="LATEST") == []


# ---- page(site:) -----------------------------------------------------------------------


@pytest.fixture
def blog_site(seeded: Any) -> Site:
    """A second site whose root is the blog index."""
    return Site.objects.create(hostname="blog.example.com", port=8080, root_page=seeded.index)


def _page(client: Any, **variables: Any) -> Any:
    return client.execute(PAGE, variables)["page"]


def test_path_is_read_on_the_site_named(anonymous: Any, seeded: Any, blog_site: Site) -> None:
    hello = str(seeded.posts[0].pk)
    assert _page(anonymous, path="/hello-graphql/", site="blog.example.com")["id"] == hello
    assert _page(anonymous, path="/blog/hello-graphql/")["id"] == hello  # the request's site
    assert _page(anonymous, path="/hello-graphql/") is None
    assert _page(anonymous, path="/", site=str(blog_site.pk))["id"] == str(seeded.index.pk)


def test_the_page_must_belong_to_the_site(editor: Any, seeded: Any, blog_site: Site) -> None:
    assert _page(editor, id=str(seeded.home.pk), site="blog.example.com:8080") is None
    post = str(seeded.posts[1].pk)
    assert _page(editor, id=post, site="blog.example.com:8080")["id"] == post
    assert _page(editor, id=post, site="localhost")["id"] == post


def test_site_keeps_the_read_rules(anonymous: Any, editor: Any, seeded: Any) -> None:
    draft = str(seeded.posts[2].pk)  # never published
    assert _page(anonymous, id=draft, site="localhost") is None
    assert _page(anonymous, id=draft, site="localhost", version="LATEST") is None
    assert _page(editor, id=draft, site="localhost", version="LATEST")["id"] == draft


def test_bad_sites_and_paths_are_argument_errors(anonymous: Any, seeded: Any) -> None:
    unknown = anonymous.post(PAGE, {"path": "/", "site": "nowhere.example.com"}).body
    assert unknown["data"] == {"page": None}
    [error] = unknown["errors"]
    assert error["extensions"] == {"code": "BAD_USER_INPUT", "argument": "site"}
    nul = anonymous.post(PAGE, {"path": "/bl\u0000og/", "site": "localhost"}).body
    assert nul["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "argument": "path"}

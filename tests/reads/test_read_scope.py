"""``live_pages`` builds the public-or-editable union only when it can matter.

A viewer who may edit every page reads every live page, and one who may edit none
reads the public ones: neither needs the other half of the query.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from wagtail_graphql_write.access.pages import live_pages

LIST = "{ pages(limit: 100) { items { id title } } }"


def _request(user: Any) -> Any:
    request = RequestFactory().get("/graphql/", HTTP_HOST="localhost")
    request.user = user
    request.session = {}
    return request


def _private(seeded: Any) -> Any:
    page = seeded.posts[0]
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    return page


def test_a_viewer_who_may_edit_every_page_reads_every_live_page(seeded: Any, editor: Any) -> None:
    private = _private(seeded)
    user = seeded.users["editor"]
    expected = set(Page.objects.live().values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as captured:
        found = set(live_pages(_request(user)).values_list("pk", flat=True))
    assert found == expected
    assert private.pk in found
    assert not any("pageviewrestriction" in q["sql"] for q in captured.captured_queries)
    ids = {int(i["id"]) for i in editor.execute(LIST)["pages"]["items"]}
    assert private.pk in ids


def test_a_viewer_who_may_edit_no_page_reads_the_public_ones(seeded: Any) -> None:
    private = _private(seeded)
    user = get_user_model().objects.create_user("reader", password="x")
    anonymous_view = set(live_pages(_request(_anonymous())).values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as captured:
        found = set(live_pages(_request(user)).values_list("pk", flat=True))
    assert found == anonymous_view
    assert private.pk not in found
    listing = captured.captured_queries[-1]["sql"]  # the list itself, after the facts
    assert listing.startswith('SELECT "wagtailcore_page"."id"')
    assert " OR " not in listing


def test_a_viewer_who_may_edit_a_subtree_reads_it_and_the_public_pages(seeded: Any) -> None:
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    private = _private(seeded)
    group = Group.objects.create(name="Blog editors")
    GroupPagePermission.objects.create(
        group=group, page=private, permission=Permission.objects.get(codename="change_page")
    )
    user = get_user_model().objects.create_user("blogger", password="x")
    user.groups.add(group)
    found = set(live_pages(_request(user)).values_list("pk", flat=True))
    public = set(live_pages(_request(_anonymous())).values_list("pk", flat=True))
    assert found == public | {private.pk}


def _anonymous() -> Any:
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()

"""Parity with the admin for a ``wagtail.test.testapp`` model with its own form class.

``EventPage``'s ``base_form_class`` (``EventPageForm``) refuses an end date before the
start date in ``clean()``. Its writable fields (``api_fields``) are a subset of its admin
form: ``date_from`` is writable, ``date_to`` is not. Run with the test app's settings
(see ``test_testapp_schema.py``).
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page
from wagtail.test.testapp.models import EventPage

from tests.parity.harness import Write, assert_parity


@pytest.fixture
def superuser(db: Any) -> Any:
    return get_user_model().objects.create_superuser("parity", "parity@example.com", "x")


@pytest.fixture
def home(db: Any) -> Page:
    """The page Wagtail's migrations make the default site's root."""
    return Page.objects.get(depth=2)


def event(**changes: Any) -> dict[str, Any]:
    return {
        "title": "Parity event",
        "slug": "parity-event",
        "date_from": "2025-06-01",
        "audience": "public",
        "location": "Online",
        "cost": "Free",
        "speakers": [{"first_name": "Ada", "last_name": "Lovelace"}],
        "related_links": [{"title": "Wagtail", "link_external": "https://wagtail.org"}],
        "head_counts": [{"head_count": 42}],
        **changes,
    }


@pytest.fixture
def existing(home: Page, superuser: Any) -> EventPage:
    """A published event with an end date and a body (fields the API does not write)."""
    page = EventPage(
        title="Two days", slug="two-days", date_from=datetime.date(2025, 6, 1),
        date_to=datetime.date(2025, 6, 2), audience="public", location="Lyon", cost="10",
        body="<p>Talks and workshops.</p>",
    )  # fmt: skip
    home.add_child(instance=page)
    page.save_revision(user=superuser).publish(user=superuser)
    return EventPage.objects.get(pk=page.pk)


def test_create_and_publish(home: Page, superuser: Any) -> None:
    assert_parity(Write(EventPage, superuser, event(), "PUBLISH", parent=home), set())


def test_create_as_draft(home: Page, superuser: Any) -> None:
    assert_parity(Write(EventPage, superuser, event(), parent=home), set())


def test_publishing_without_required_fields_is_refused(home: Page, superuser: Any) -> None:
    values = event(date_from=None, location="")
    write = Write(EventPage, superuser, values, "PUBLISH", parent=home)
    assert_parity(write, {"date_from", "location"})


def test_edit_within_the_end_date(existing: EventPage, superuser: Any) -> None:
    write = Write(EventPage, superuser, {"date_from": "2025-05-31"}, "PUBLISH", target=existing)
    assert_parity(write, set())


def test_edit_past_the_end_date_is_refused_by_the_forms_clean(
    existing: EventPage, superuser: Any
) -> None:
    """``EventPageForm.clean()``: the start moved after the (unchanged) end date."""
    write = Write(EventPage, superuser, {"date_from": "2025-06-05"}, "PUBLISH", target=existing)
    assert_parity(write, {"__all__"})

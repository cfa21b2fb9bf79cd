"""Reading snippets: ``person``/``people`` (drafts, revisions) and ``category``/``categories``."""

from __future__ import annotations

from typing import Any

from django.test import override_settings

from blog.models import Category, Person

PERSON = """
query Person($id: ID!, $version: ContentVersion) {
  person(id: $id, version: $version) {
    __typename id displayTitle firstName lastName jobTitle live hasUnpublishedChanges
    bio image { title }
  }
}
"""

PEOPLE = """
query People($offset: Int, $limit: Int, $version: ContentVersion) {
  people(offset: $offset, limit: $limit, version: $version) {
    totalCount items { __typename id displayTitle live }
  }
}
"""

CATEGORY = """
query Category($id: ID!) { category(id: $id) { __typename id displayTitle name slug colour } }
"""

CATEGORIES = """
query Categories($offset: Int, $limit: Int) {
  categories(offset: $offset, limit: $limit) { totalCount items { __typename id name } }
}
"""


def _draft_person(user: Any, first_name: str = "Draft", last_name: str = "Person") -> Person:
    """A person that was never published: one revision, not live."""
    person = Person(first_name=first_name, last_name=last_name, live=False)
    person.save()
    person.save_revision(user=user)
    return person


def _draft_change(person: Person, user: Any, job_title: str) -> None:
    """Save a new draft revision on a live person, leaving the live row alone."""
    draft = person.get_latest_revision_as_object()
    draft.job_title = job_title
    draft.save_revision(user=user)


def test_person_by_id(anonymous: Any, seeded: Any) -> None:
    ada = seeded.people["lovelace"]
    person = anonymous.execute(PERSON, {"id": str(ada.pk)})["person"]
    assert person == {
        "__typename": "Person",
        "id": str(ada.pk),
        "displayTitle": "Ada Lovelace",
        "firstName": "Ada",
        "lastName": "Lovelace",
        "jobTitle": "Analyst",
        "live": True,
        "hasUnpublishedChanges": False,
        "bio": "<p>Wrote the first published <b>algorithm</b> for a machine.</p>",
        "image": {"title": "Sample image"},
    }


def test_unknown_or_malformed_person_id_is_null(anonymous: Any, seeded: Any) -> None:
    assert anonymous.execute(PERSON, {"id": "999999"})["person"] is None
    assert anonymous.execute(PERSON, {"id": "abc"})["person"] is None


def test_a_draft_person_is_null_in_live_and_readable_in_latest_by_an_editor(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    draft = _draft_person(seeded.users["admin"])
    variables = {"id": str(draft.pk)}
    assert anonymous.execute(PERSON, variables)["person"] is None
    assert editor.execute(PERSON, variables)["person"] is None
    latest = editor.execute(PERSON, {**variables, "version": "LATEST"})["person"]
    assert (latest["displayTitle"], latest["live"]) == ("Draft Person", False)
    assert anonymous.execute(PERSON, {**variables, "version": "LATEST"})["person"] is None


def test_live_shows_the_published_values_and_latest_the_draft(
    anonymous: Any, editor: Any, seeded: Any
) -> None:
    ada = seeded.people["lovelace"]
    _draft_change(ada, seeded.users["admin"], "Countess")
    live = anonymous.execute(PERSON, {"id": str(ada.pk)})["person"]
    assert (live["jobTitle"], live["hasUnpublishedChanges"]) == ("Analyst", True)
    latest = editor.execute(PERSON, {"id": str(ada.pk), "version": "LATEST"})["person"]
    assert (latest["jobTitle"], latest["live"]) == ("Countess", True)


def test_people_lists_only_live_people_in_live(anonymous: Any, editor: Any, seeded: Any) -> None:
    draft = _draft_person(seeded.users["admin"])
    expected = [str(seeded.people["lovelace"].pk), str(seeded.people["hopper"].pk)]
    for client in (anonymous, editor):
        people = client.execute(PEOPLE)["people"]
        assert sorted(i["id"] for i in people["items"]) == sorted(expected)
        assert people["totalCount"] == 2
        assert all(i["live"] and i["__typename"] == "Person" for i in people["items"])
    latest = editor.execute(PEOPLE, {"version": "LATEST"})["people"]
    assert str(draft.pk) in [i["id"] for i in latest["items"]]
    assert latest["totalCount"] == 3
    assert anonymous.execute(PEOPLE, {"version": "LATEST"})["people"] == {
        "totalCount": 0,
        "items": [],
    }


def test_people_latest_shows_draft_values(editor: Any, seeded: Any) -> None:
    hopper = seeded.people["hopper"]
    _draft_change(hopper, seeded.users["admin"], "Commodore")
    items = editor.execute("{ people(version: LATEST) { items { id jobTitle } } }")["people"][
        "items"
    ]
    assert {"id": str(hopper.pk), "jobTitle": "Commodore"} in items


def test_people_paging(anonymous: Any, seeded: Any) -> None:
    for n in range(3):
        Person.objects.create(first_name=f"P{n}", last_name="Extra", live=True)
    everything = [i["id"] for i in anonymous.execute(PEOPLE, {"limit": 100})["people"]["items"]]
    assert len(everything) == 5
    window = anonymous.execute(PEOPLE, {"offset": 1, "limit": 2})["people"]
    assert [i["id"] for i in window["items"]] == everything[1:3]
    assert window["totalCount"] == 5
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"MAX_LIMIT": 2}):
        capped = anonymous.execute(PEOPLE, {"limit": 100})["people"]
    assert (len(capped["items"]), capped["totalCount"]) == (2, 5)


def test_category_by_id(anonymous: Any, seeded: Any) -> None:
    news = seeded.categories["news"]
    category = anonymous.execute(CATEGORY, {"id": str(news.pk)})["category"]
    assert category == {
        "__typename": "Category",
        "id": str(news.pk),
        "displayTitle": "News",
        "name": "News",
        "slug": "news",
        "colour": "RED",
    }
    assert anonymous.execute(CATEGORY, {"id": "999999"})["category"] is None


def test_a_category_without_a_colour_reads_null(anonymous: Any, seeded: Any) -> None:
    plain = Category.objects.create(name="Plain", slug="plain")
    assert anonymous.execute(CATEGORY, {"id": str(plain.pk)})["category"]["colour"] is None


def test_categories_lists_every_category(anonymous: Any, seeded: Any) -> None:
    categories = anonymous.execute(CATEGORIES)["categories"]
    assert categories["totalCount"] == 2
    assert {i["name"] for i in categories["items"]} == {"News", "Tutorials"}
    assert {i["__typename"] for i in categories["items"]} == {"Category"}
    window = anonymous.execute(CATEGORIES, {"offset": 1, "limit": 5})["categories"]
    assert (len(window["items"]), window["totalCount"]) == (1, 2)


def test_anonymous_reads_can_be_switched_off(anonymous: Any, editor: Any, seeded: Any) -> None:
    ada = seeded.people["lovelace"]
    with override_settings(WAGTAIL_GRAPHQL_WRITE={"ANONYMOUS_READS": False}):
        assert anonymous.execute(PERSON, {"id": str(ada.pk)})["person"] is None
        assert anonymous.execute(CATEGORIES)["categories"]["totalCount"] == 0
        assert editor.execute(PERSON, {"id": str(ada.pk)})["person"]["id"] == str(ada.pk)

"""Parity with the admin for snippets: ``Person`` (drafts, revisions, workflow) and
``Category`` (a plain model: saved whole, validated whole)."""

from __future__ import annotations

from typing import Any

from blog.models import Category, Person
from tests.parity.harness import Write, assert_parity


def person(seeded: Any) -> dict[str, Any]:
    return {
        "first_name": "Katherine",
        "last_name": "Johnson",
        "job_title": "Mathematician",
        "bio": '<p>Computed <b>trajectories</b>; see <a href="https://nasa.gov">NASA</a>.</p>',
        "image": seeded.image.pk,
    }


def test_person_create_as_draft(seeded: Any) -> None:
    assert_parity(Write(Person, seeded.users["editor"], person(seeded)), set())


def test_person_create_and_publish(seeded: Any) -> None:
    assert_parity(Write(Person, seeded.users["moderator"], person(seeded), "PUBLISH"), set())


def test_person_create_and_submit_for_moderation(seeded: Any) -> None:
    assert_parity(Write(Person, seeded.users["editor"], person(seeded), "SUBMIT"), set())


def test_a_person_draft_may_leave_required_fields_blank(seeded: Any) -> None:
    values = {**person(seeded), "first_name": "", "last_name": ""}
    assert_parity(Write(Person, seeded.users["editor"], values), set())


def test_publishing_a_person_without_a_last_name_is_refused(seeded: Any) -> None:
    values = {**person(seeded), "last_name": ""}
    assert_parity(Write(Person, seeded.users["moderator"], values, "PUBLISH"), {"last_name"})


def test_person_edit_as_draft(seeded: Any) -> None:
    target = Person.objects.get(pk=seeded.people["hopper"].pk)
    sent = {"job_title": "Computer scientist"}
    assert_parity(Write(Person, seeded.users["editor"], sent, target=target), set())


def test_person_edit_and_publish(seeded: Any) -> None:
    target = Person.objects.get(pk=seeded.people["lovelace"].pk)
    sent = {"job_title": "Mathematician", "bio": "<p>Wrote <i>the</i> first program.</p>"}
    assert_parity(Write(Person, seeded.users["moderator"], sent, "PUBLISH", target=target), set())


def test_publishing_a_person_edit_that_blanks_a_required_field_is_refused(seeded: Any) -> None:
    target = Person.objects.get(pk=seeded.people["lovelace"].pk)
    write = Write(Person, seeded.users["moderator"], {"first_name": ""}, "PUBLISH", target=target)
    assert_parity(write, {"first_name"})


def test_category_create(seeded: Any) -> None:
    values = {"name": "Releases", "slug": "releases", "colour": "green"}
    assert_parity(Write(Category, seeded.users["editor"], values), set())


def test_category_edit(seeded: Any) -> None:
    target = Category.objects.get(pk=seeded.categories["news"].pk)
    assert_parity(Write(Category, seeded.users["editor"], {"colour": "blue"}, target=target), set())


def test_a_category_with_a_blank_name_is_refused(seeded: Any) -> None:
    values = {"name": "", "slug": "nameless", "colour": ""}
    assert_parity(Write(Category, seeded.users["editor"], values), {"name"})


def test_a_category_edit_to_a_blank_name_is_refused(seeded: Any) -> None:
    target = Category.objects.get(pk=seeded.categories["news"].pk)
    assert_parity(Write(Category, seeded.users["editor"], {"name": ""}, target=target), {"name"})


def test_a_category_with_a_slug_in_use_is_refused(seeded: Any) -> None:
    values = {"name": "More news", "slug": "news"}
    assert_parity(Write(Category, seeded.users["editor"], values), {"slug"})

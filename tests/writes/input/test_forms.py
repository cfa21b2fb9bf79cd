"""``input.forms.bind_form``: GraphQL input -> the admin's own form, bound.

The contract: every field of the (writable-narrowed) admin form is posted, sent fields
with the sent value and the others as the admin's page would show them (a new
object's defaults, an existing object's current content); InlinePanel rows not sent
are kept, sent rows replace them (``id`` edits a row, no ``id`` adds one, rows not
named are deleted). Called directly on the example site's seeded content, no HTTP.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.forms import BaseForm
from wagtail.api import APIField

from blog.models import BlogPage, BlogPageAuthor, Category
from wagtail_graphql_write.registry import build_registry
from wagtail_graphql_write.writes.input.forms import (
    FormBinding,
    bind_form,
    validate_like_the_admin,
)


def _bind(seeded: Any, instance: Any, payload: dict[str, Any]) -> tuple[Any, FormBinding]:
    registry = build_registry()
    exposed = registry.get(type(instance))
    assert exposed is not None
    extra = {"parent_page": seeded.index} if isinstance(instance, BlogPage) else {}
    return bind_form(registry, exposed, payload, instance, seeded.users["admin"], **extra)


def _latest(page: BlogPage) -> BlogPage:
    """The page as its edit view would show it: from its latest revision."""
    return BlogPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def _unposted(form: BaseForm, binding: FormBinding) -> list[str]:
    """Fields of the form with no key in the posted data (a StreamField posts
    ``body-...``). Fields the form took away (the admin form drops
    ``comment_notifications`` when it does not apply) are not the form's to post."""
    keys = list(binding.data)
    return [
        name
        for name in type(form).base_fields  # type: ignore[attr-defined]
        if name in form.fields
        and name not in keys
        and not any(key.startswith(f"{name}-") for key in keys)
    ]


def _without_block_keys(html: str) -> str:
    """Rich text as stored before the editor round trip, which (in the admin too) adds
    ``data-block-key`` attributes and nothing else."""
    return re.sub(r' data-block-key="[^"]*"', "", html)


def _blocks(page: BlogPage) -> list[tuple[str, str, str]]:
    """The body's blocks as (type, id, value as the API shows it), editor keys aside."""
    return [
        (c.block_type, c.id, _without_block_keys(repr(c.block.get_api_representation(c.value))))
        for c in page.body
    ]


def _authors(page: BlogPage) -> list[tuple[int, str]]:
    return [(a.person_id, a.role) for a in page.authors.all()]


# ---- create -------------------------------------------------------------------------


def test_create_posts_every_field_with_the_new_objects_defaults(seeded: Any) -> None:
    form, binding = _bind(seeded, BlogPage(), {"title": "Fresh", "slug": "fresh"})

    assert _unposted(form, binding) == []
    data = binding.data
    assert (data["title"], data["slug"]) == ("Fresh", "fresh")
    assert data["reading_level"] == "beginner"  # the model field's default
    assert data["featured"] is False
    assert data.getlist("categories") == []
    assert (data["authors-TOTAL_FORMS"], data["authors-INITIAL_FORMS"]) == ("0", "0")
    assert data["body-count"] == "0"


def test_create_validates_the_whole_form_as_the_admin_would(seeded: Any) -> None:
    """A draft defers required fields and the InlinePanel minimum; publishing does not,
    and the form's own ``clean()`` sees the ``date`` the client left out."""
    form, _binding = _bind(seeded, BlogPage(), {"title": "Fresh", "slug": "fresh"})
    assert validate_like_the_admin(form, full=False) is True
    assert form.cleaned_data["reading_level"] == "beginner"

    form, _binding = _bind(seeded, BlogPage(), {"title": "Fresh", "slug": "fresh"})
    assert validate_like_the_admin(form, full=True) is False
    assert [e.code for e in form.errors.as_data()["date"]] == ["date_required_to_publish"]
    assert form.formsets["authors"].non_form_errors()  # min_num=1


# ---- update -------------------------------------------------------------------------


def test_update_posts_every_field_and_keeps_what_was_not_sent(seeded: Any) -> None:
    post = _latest(seeded.posts[0])
    before = _latest(seeded.posts[0])
    form, binding = _bind(seeded, post, {"title": "Renamed"})

    assert _unposted(form, binding) == []
    assert validate_like_the_admin(form, full=True) is True, form.errors
    saved = form.save(commit=False)

    assert saved.title == "Renamed"
    for name in ("slug", "date", "reading_level", "featured", "feed_image_id"):
        assert getattr(saved, name) == getattr(before, name), name
    assert _without_block_keys(saved.intro) == before.intro
    kinds = [kind for kind, _id, _value in _blocks(before)]
    assert kinds == ["heading", "paragraph", "quote", "links", "person"]
    assert _blocks(saved) == _blocks(before)
    assert sorted(t.name for t in saved.tags.all()) == sorted(t.name for t in before.tags.all())
    assert list(saved.categories.all()) == list(before.categories.all())
    assert _authors(saved) == _authors(before)


def test_a_sent_null_clears_and_a_sent_value_replaces(seeded: Any) -> None:
    post = _latest(seeded.posts[0])
    assert post.feed_image_id is not None
    form, binding = _bind(seeded, post, {"feed_image": None, "tags": ["solo"]})

    assert binding.data["feed_image"] == ""
    assert validate_like_the_admin(form, full=True) is True, form.errors
    saved = form.save(commit=False)
    assert saved.feed_image_id is None
    assert [t.name for t in saved.tags.all()] == ["solo"]


def test_a_field_that_is_not_writable_is_posted_with_its_current_value(
    seeded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every field of the admin form is bound, so a form rule that reads a read-only
    field runs as in the admin; the field keeps the value the object has."""
    fields = [a for a in BlogPage.api_fields if a.name != "featured"]
    monkeypatch.setattr(BlogPage, "api_fields", [*fields, "featured"])
    post = _latest(seeded.posts[0])
    assert post.featured is True

    form, binding = _bind(seeded, post, {"title": "Renamed"})

    assert "featured" in form.fields and binding.data["featured"]
    assert validate_like_the_admin(form, full=True) is True, form.errors
    saved = form.save(commit=False)
    assert (saved.title, saved.featured) == ("Renamed", True)


def test_a_snippet_update_keeps_its_other_fields(seeded: Any) -> None:
    category = Category.objects.get(pk=seeded.categories["news"].pk)
    name, slug = category.name, category.slug
    form, binding = _bind(seeded, category, {"colour": "red"})

    assert (binding.data["name"], binding.data["slug"]) == (name, slug)
    assert validate_like_the_admin(form, full=True) is True, form.errors
    saved = form.save(commit=False)
    assert (saved.name, saved.slug, saved.colour) == (name, slug, "red")


# ---- InlinePanel rows ---------------------------------------------------------------


def test_rows_not_sent_are_all_posted_and_kept(seeded: Any) -> None:
    post = _latest(seeded.posts[1])
    rows = list(post.authors.all())
    assert len(rows) == 2
    form, binding = _bind(seeded, post, {"title": "Renamed"})

    data = binding.data
    assert (data["authors-TOTAL_FORMS"], data["authors-INITIAL_FORMS"]) == ("2", "2")
    for i, row in enumerate(rows):
        assert data[f"authors-{i}-id"] == str(row.pk)
        assert data[f"authors-{i}-role"] == row.role
        assert f"authors-{i}-DELETE" not in data
    assert binding.positions == {"authors": {0: 0, 1: 1}}
    assert validate_like_the_admin(form, full=True) is True, form.errors
    assert _authors(form.save(commit=False)) == [(r.person_id, r.role) for r in rows]


def test_sent_rows_replace_the_rows(seeded: Any) -> None:
    """The second row is edited (its omitted ``person`` kept), a row is added, and the
    first row, not named, is deleted; positions map form index -> input position."""
    post = _latest(seeded.posts[1])
    _first, second = post.authors.all()
    newcomer = seeded.people["hopper"]
    items = [{"id": str(second.pk), "role": "Editor"}, {"person": str(newcomer.pk)}]
    form, binding = _bind(seeded, post, {"authors": items})

    data = binding.data
    assert (data["authors-TOTAL_FORMS"], data["authors-INITIAL_FORMS"]) == ("3", "2")
    assert data["authors-0-DELETE"] == "on"
    assert (data["authors-1-role"], data["authors-1-person"]) == ("Editor", second.person_id)
    assert data["authors-2-person"] == str(newcomer.pk)
    assert (data["authors-1-ORDER"], data["authors-2-ORDER"]) == ("1", "2")
    assert binding.positions == {"authors": {1: 0, 2: 1}}
    assert validate_like_the_admin(form, full=True) is True, form.errors
    saved = form.save(commit=False)
    assert _authors(saved) == [(second.person_id, "Editor"), (newcomer.pk, "")]


def test_a_row_named_twice_is_edited_once_and_added_once(seeded: Any) -> None:
    post = _latest(seeded.posts[1])
    first, _second = post.authors.all()
    items = [{"id": str(first.pk)}, {"id": str(first.pk), "role": "Copy"}]
    _form, binding = _bind(seeded, post, {"authors": items})
    assert binding.positions == {"authors": {0: 0, 2: 1}}
    assert binding.data["authors-1-DELETE"] == "on"
    assert binding.data["authors-2-role"] == "Copy"


def test_an_empty_list_deletes_every_row(seeded: Any) -> None:
    post = _latest(seeded.posts[1])
    form, binding = _bind(seeded, post, {"authors": []})
    assert binding.data["authors-TOTAL_FORMS"] == "2"
    assert [binding.data.get(f"authors-{i}-DELETE") for i in range(2)] == ["on", "on"]
    assert binding.positions == {"authors": {}}
    assert validate_like_the_admin(form, full=False) is True  # a draft may lack authors
    assert _authors(form.save(commit=False)) == []


def test_a_rows_read_only_field_keeps_its_value(
    seeded: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A read-only child field is posted with the row's current value, so a row that is
    edited keeps it."""
    writable = [APIField("person", writable=True), "role"]
    monkeypatch.setattr(BlogPageAuthor, "api_fields", writable)
    post = _latest(seeded.posts[1])
    first, _second = post.authors.all()

    form, binding = _bind(seeded, post, {"authors": [{"id": str(first.pk)}]})

    assert binding.data["authors-0-role"] == first.role
    assert binding.data["authors-0-person"] == first.person_id
    assert validate_like_the_admin(form, full=True) is True, form.errors
    assert _authors(form.save(commit=False)) == [(first.person_id, first.role)]

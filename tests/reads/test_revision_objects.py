"""``access.versions.objects_from_revisions`` builds what Wagtail's ``with_content_json`` builds.

The batch version replaces modelcluster's per-key checks with one query per related
model; these tests compare its objects with Wagtail's, field by field, including the
cases the checks exist for: keys pointing at deleted objects (nulled, or dropping the
InlinePanel row), and many-to-many relations and tags kept in memory.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model

from blog.models import BlogPage, BlogPageAuthor, Person
from wagtail_graphql_write.access.versions import objects_from_revisions


def _state(obj: Model) -> dict[str, Any]:
    """Every column value, InlinePanel row, many-to-many id and tag of ``obj``."""
    state: dict[str, Any] = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    state["body"] = list(obj.body.raw_data) if isinstance(obj, BlogPage) else None
    if isinstance(obj, BlogPage):
        state["url_path"] = obj.url_path
        state["authors"] = [(a.person_id, a.role, a.sort_order) for a in obj.authors.all()]
        state["categories"] = sorted(c.pk for c in obj.categories.all())
        state["tags"] = sorted(t.name for t in obj.tags.all())
    return state


def _draft_of(post: BlogPage, seeded: Any) -> BlogPage:
    """A draft revision pointing at a person and an image that are deleted afterwards."""
    image_model = get_image_model()
    doomed_image = image_model.objects.create(title="Doomed", width=1, height=1, file="x.png")
    doomed_person = Person.objects.create(first_name="Doomed", last_name="Author", live=True)
    post.title = f"{post.title} (draft)"
    post.feed_image = doomed_image  # SET_NULL: nulled
    post.authors = [
        BlogPageAuthor(person=seeded.people["hopper"], role="Kept"),
        BlogPageAuthor(person=doomed_person, role="Dropped"),  # CASCADE: the row goes
    ]
    post.tags.add("draft-tag")
    post.categories = list(seeded.categories.values())
    post.save_revision(user=seeded.users["admin"])
    doomed_image.delete()
    doomed_person.delete()
    return post


def test_pages_are_built_as_wagtail_builds_them(seeded: Any) -> None:
    posts = [BlogPage.objects.get(pk=p.pk) for p in seeded.posts]
    _draft_of(posts[0], seeded)
    rows = [BlogPage.objects.get(pk=p.pk) for p in posts]
    pairs = [(row, row.latest_revision.content) for row in rows]
    expected = [row.with_content_json(content) for row, content in pairs]
    built = objects_from_revisions(pairs)
    assert [_state(o) for o in built] == [_state(o) for o in expected]
    draft = built[0]
    assert draft.feed_image_id is None
    assert [a.role for a in draft.authors.all()] == ["Kept"]
    assert "draft-tag" in [t.name for t in draft.tags.all()]


def test_snippets_are_built_as_wagtail_builds_them(seeded: Any) -> None:
    person = Person.objects.get(pk=seeded.people["lovelace"].pk)
    person.job_title = "Draft"
    person.save_revision(user=seeded.users["admin"])
    Person.objects.filter(pk=person.pk).update(locked=True, locked_by=seeded.users["editor"])
    rows = list(Person.objects.filter(pk__in=[p.pk for p in seeded.people.values()]))
    pairs = [(row, row.latest_revision.content) for row in rows]
    expected = [row.with_content_json(content) for row, content in pairs]
    built = objects_from_revisions(pairs)
    assert [_state(o) for o in built] == [_state(o) for o in expected]
    assert {o.job_title for o in built} == {"Draft", "Rear admiral"}
    assert all(o.locked == r.locked for o, r in zip(built, rows, strict=True))


def test_building_costs_the_same_for_one_and_many(seeded: Any) -> None:
    posts = [BlogPage.objects.get(pk=p.pk) for p in seeded.posts]
    for post in posts:
        post.authors = [BlogPageAuthor(person=p, role="A") for p in seeded.people.values()]
        post.tags.add("one", "two")
        post.save_revision(user=seeded.users["admin"])
    rows = [BlogPage.objects.get(pk=p.pk) for p in posts]
    pairs = [(row, row.latest_revision.content) for row in rows]
    with CaptureQueriesContext(connection) as one:
        objects_from_revisions(pairs[:1])
    with CaptureQueriesContext(connection) as many:
        objects_from_revisions(pairs)
    assert len(one) == len(many)

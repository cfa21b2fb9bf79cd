"""The direct floor: the same data from the ORM and Wagtail's actions, no API in between.

Each function does what a hand-written view would have to do at least, and returns the
answer serialised to JSON, so every variant pays for its serialisation:

* reads: the live, public page(s) with their relations prefetched (tags, categories,
  InlinePanel rows; ``select_related`` for foreign keys), StreamField bodies as stored;
* the typed list: the same plus Wagtail's ``StreamBlock.bulk_to_python`` over every
  body at once (one query per chooser target model for the whole list), and chooser
  targets checked in memory (a page or snippet must be live);
* writes: Wagtail's own action (``CreatePageAction``, ``EditPageAction``,
  ``PublishPageRevisionAction``) on a model instance built in Python: permission checks,
  save, revision, audit log; no input parsing, no form validation.
"""

from __future__ import annotations

import datetime
import json
import uuid
from typing import Any

from django import forms
from django.db.models import Prefetch
from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import Page
from wagtail.query import PageQuerySet

from benchmarks.canonical import Canonical, block_value, moment, path
from benchmarks.data import Fixture
from benchmarks.documents import NewPost
from blog.models import BlogPage, BlogPageAuthor, BlogPageTag, Category


def dumps(data: Any) -> bytes:
    return json.dumps(data, default=str).encode()


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


def detail_queryset() -> PageQuerySet:
    return BlogPage.objects.select_related("locale").prefetch_related(
        Prefetch("tagged_items", queryset=BlogPageTag.objects.select_related("tag")),
        "categories",
        "authors",
    )


def detail_data(page: BlogPage) -> Canonical:
    """The detail of ``page`` in the canonical shape (what v3's detail holds)."""
    return {
        "id": page.pk,
        "title": page.title,
        "slug": page.slug,
        "type": page._meta.label,
        "url": path(page.get_url()),
        "locale": page.locale.language_code,
        "first_published_at": moment(page.first_published_at),
        "show_in_menus": page.show_in_menus,
        "seo_title": page.seo_title,
        "search_description": page.search_description,
        "date": page.date.isoformat() if page.date else None,
        "intro": page.intro,
        "reading_level": page.reading_level,
        "featured": page.featured,
        "tags": sorted(item.tag.name for item in page.tagged_items.all()),
        "categories": [category.pk for category in page.categories.all()],
        "feed_image": page.feed_image_id,
        "authors": [[a.pk, a.role, a.person_id] for a in page.authors.all()],
        "body": [
            [raw["id"], _camel(raw["type"]), block_value(raw["value"])]
            for raw in page.body.raw_data
        ],
    }


def read_detail(page_id: int) -> bytes:
    page = detail_queryset().live().public().get(pk=page_id)
    return dumps(detail_data(page))


def read_list(parent: Page, limit: int) -> bytes:
    pages = Page.objects.live().public().child_of(parent).order_by("path")
    items = [
        [
            page.pk,
            page.title,
            page.slug,
            page.specific_class._meta.label,
            path(page.get_url()),
            page.locale.language_code,
            moment(page.first_published_at),
        ]
        for page in pages.select_related("locale")[:limit]
    ]
    return dumps({"count": pages.count(), "items": items})


def _stored_block(kind: str, value: Any) -> dict[str, Any]:
    """A block as Wagtail stores it: with an id; ListBlock and nested stream items too."""
    if kind == "links":
        value = [{"type": "item", "value": url, "id": str(uuid.uuid4())} for url in value]
    elif kind == "gallery":
        value = [_stored_block(k, v) for k, v in value]
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


class NoFields(forms.ModelForm):
    """``CreatePageAction`` saves the page through a form (``form.save(commit=False)``);
    this one has no fields, so the page is saved as built in Python (its InlinePanel
    rows, tags and categories by ``ClusterableModel.save``)."""

    class Meta:
        model = BlogPage
        fields: list[str] = []


def create(fixture: Fixture, post: NewPost) -> bytes:
    page = BlogPage(
        owner=fixture.user,
        title=post.title,
        slug=post.slug,
        date=datetime.date.fromisoformat(post.date),
        intro=post.intro,
        reading_level=post.reading_level,
        featured=False,
        feed_image_id=post.feed_image,
        body=[_stored_block(kind, value) for kind, value in post.body],
    )
    page.tags.add(*post.tags)
    page.categories = list(Category.objects.filter(pk__in=post.categories))
    page.authors = [
        BlogPageAuthor(person_id=pk, role=role, sort_order=order)
        for order, (pk, role) in enumerate(post.authors)
    ]
    form = NoFields(data={}, instance=page)
    CreatePageAction(page, fixture.index, user=fixture.user, form=form).execute()
    return dumps(detail_data(page))


def update(fixture: Fixture, title: str) -> bytes:
    page = BlogPage.objects.get(pk=fixture.update_target.pk).get_latest_revision_as_object()
    page.title = title
    EditPageAction(page, user=fixture.user).execute()
    return dumps(detail_data(page))


def publish(fixture: Fixture) -> bytes:
    page = BlogPage.objects.get(pk=fixture.publish_target.pk)
    PublishPageRevisionAction(page.get_latest_revision(), user=fixture.user).execute()
    return dumps(detail_data(detail_queryset().get(pk=page.pk)))

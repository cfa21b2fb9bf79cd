"""The benchmark's content: the example site's seed plus a blog of N typed posts.

Every post uses each field kind the read path has to resolve: a StreamField body with
image, snippet and page chooser blocks, a StructBlock, a ListBlock, a nested
StreamBlock and rich text; two authors (InlinePanel rows pointing at a snippet with a
portrait), tags, categories and a feed image. Posts are created live, in tree order,
with their body stored as Wagtail saves it (every block and list item with an id), so
no read has to bind or upgrade anything first.

Three posts get revisions, for the writes: ``update`` edits a published post, and
``publish`` publishes a post that has a newer draft.
"""

from __future__ import annotations

import datetime
import uuid
from dataclasses import dataclass
from io import BytesIO
from typing import Any

from django.core.files.images import ImageFile
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Category, Person
from blog.seeding import seed_site
from blog.seeding.content import _png_bytes

#: The user whose API token both APIs are called with: a Moderators member, who may
#: add, edit and publish pages (not a superuser, so permission checks run for real).
USERNAME = "moderator"

IMAGES = 4
PEOPLE = 6
CATEGORIES = 4
TAGS = 10

#: Wagtail updates its reference index and search index in tasks run at every save
#: (django-tasks' immediate backend); seeding 1,000 posts that way takes minutes. The
#: dummy backend queues them and runs nothing. The write targets are saved again with
#: tasks on (``_give_revisions``), so what the writes update is indexed as usual.
NO_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@dataclass(frozen=True)
class Fixture:
    """What the operations need: the user, the token and the pages to act on."""

    user: Any
    token: str
    index: BlogIndexPage
    posts: list[BlogPage]
    images: list[Any]
    people: list[Person]
    categories: list[Category]

    @property
    def detail(self) -> BlogPage:
        """The post the detail operation reads."""
        return self.posts[0]

    @property
    def update_target(self) -> BlogPage:
        """A published post with a revision, whose title the update changes."""
        return self.posts[1]

    @property
    def publish_target(self) -> BlogPage:
        """A published post with a newer draft revision, which publish publishes."""
        return self.posts[2]


def seed(posts: int) -> Fixture:
    """Seed the example site, then a blog index of ``posts`` typed posts (at least 3)."""
    with transaction.atomic():
        site = seed_site()
        user = site.users[USERNAME]
        with override_settings(TASKS=NO_TASKS):
            images = [site.image, *[_image(i) for i in range(1, IMAGES)]]
            people = [*site.people.values(), *[_person(i, images) for i in range(PEOPLE - 2)]]
            categories = [*site.categories.values(), *[_category(i) for i in range(CATEGORIES - 2)]]
            index = site.home.add_child(
                instance=BlogIndexPage(title="Benchmark", slug="benchmark", intro="<p>Posts.</p>")
            )
            pool = Pools(images, people, categories, related=site.posts[0])
            created = [_create_post(index, i, pool) for i in range(max(posts, 3))]
        _give_revisions(created, user)
    return Fixture(user, site.tokens[USERNAME], index, created, images, people, categories)


def _image(number: int) -> Any:
    image = get_image_model()(title=f"Benchmark image {number}")
    image.file = ImageFile(BytesIO(_png_bytes(80 + number, 45)), name=f"bench-{number}.png")
    image.save()
    return image


def _person(number: int, images: list[Any]) -> Person:
    person = Person(
        first_name=f"Author{number}",
        last_name="Benchmark",
        job_title="Writer",
        bio="<p>Writes <b>benchmark</b> posts.</p>",
        image=images[number % len(images)],
        live=True,
    )
    person.save()
    return person


def _category(number: int) -> Category:
    return Category.objects.create(
        name=f"Benchmark {number}", slug=f"benchmark-{number}", colour="green"
    )


@dataclass
class Pools:
    """The objects posts point at, picked round-robin by post number."""

    images: list[Any]
    people: list[Person]
    categories: list[Category]
    related: Page

    def image(self, number: int) -> Any:
        return self.images[number % len(self.images)]

    def person(self, number: int) -> Person:
        return self.people[number % len(self.people)]


def _block(kind: str, value: Any) -> dict[str, Any]:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def body(number: int, pool: Pools, related: Page) -> list[dict[str, Any]]:
    """A body with one block of every kind, in Wagtail's stored format."""
    return [
        _block("heading", f"Section {number}"),
        _block(
            "paragraph",
            f'<p>Post <b>{number}</b>, see <a href="https://wagtail.org/{number}">here</a>.</p>',
        ),
        _block("image", pool.image(number).pk),
        _block(
            "quote",
            {"text": f"Quote {number}.", "attribution": "Benchmark", "style": "pull"},
        ),
        _block(
            "links",
            [_block("item", f"https://example.com/{number}/{k}") for k in range(2)],
        ),
        _block(
            "gallery",
            [_block("image", pool.image(number + 1).pk), _block("caption", f"Figure {number}")],
        ),
        _block("related_page", related.pk),
        _block("person", pool.person(number + 2).pk),
    ]


def _create_post(index: BlogIndexPage, number: int, pool: Pools) -> BlogPage:
    related = pool.related
    pool.related = post = BlogPage(
        title=f"Benchmark post {number:04d}",
        slug=f"post-{number:04d}",
        live=True,
        first_published_at=timezone.now(),
        date=datetime.date(2025, 1, 1) + datetime.timedelta(days=number % 365),
        intro=f"<p>Summary of post <i>{number}</i>.</p>",
        body=body(number, pool, related),
        feed_image=pool.image(number),
        reading_level=("beginner", "intermediate", "expert")[number % 3],
        featured=number % 5 == 0,
    )
    post.tags.add(f"tag-{number % TAGS}", f"tag-{(number + 3) % TAGS}")
    post.categories = [pool.categories[number % len(pool.categories)]]
    post.authors = [  # sort_order as the admin's InlinePanel sets it
        BlogPageAuthor(person=pool.person(number), role="Author", sort_order=0),
        BlogPageAuthor(person=pool.person(number + 1), role="Reviewer", sort_order=1),
    ]
    index.add_child(instance=post)
    return post


def _give_revisions(posts: list[BlogPage], user: Any) -> None:
    """Revisions for the write targets: what the admin would have left behind."""
    for post in posts[:3]:
        post.save_revision(user=user).publish(user=user)
    draft = BlogPage.objects.get(pk=posts[2].pk)
    draft.title = f"{draft.title} (edited)"
    draft.save_revision(user=user)

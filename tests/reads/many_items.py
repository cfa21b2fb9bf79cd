"""Content for the query-count tests: many posts and people, each using every field kind.

Every post points at the same few objects, some of which an anonymous reader may not
see (an unpublished page, a page behind a view restriction, a document in a
restricted collection, an unpublished person), so the tests show that the read rule
costs no query per item either.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor, Person

#: The largest list the tests read; the smallest is ``FEW``.
MANY = 30
FEW = 3


@dataclass
class Targets:
    """What the posts point at; ``hidden_*`` are hidden from anonymous readers."""

    index: BlogIndexPage
    public_page: Any
    hidden_page: Any
    private_page: Any
    public_document: Any
    hidden_document: Any
    public_person: Person
    hidden_person: Person


def _documents() -> tuple[Any, Any]:
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    document_model = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="Restricted (query-count tests)")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="secret"
    )
    public = document_model(title="Public doc", file=ContentFile(b"a", name="public.txt"))
    public.save()
    hidden = document_model(
        title="Hidden doc", file=ContentFile(b"b", name="hidden.txt"), collection=private
    )
    hidden.save()
    return public, hidden


def make_targets(seeded: Any) -> Targets:
    from wagtail.models import PageViewRestriction

    private_page = seeded.posts[1]
    PageViewRestriction.objects.create(
        page=private_page, restriction_type="password", password="secret"
    )
    hidden_person = Person(first_name="Hidden", last_name="Person", live=False)
    hidden_person.save()
    index = seeded.home.add_child(instance=BlogIndexPage(title="Many", slug="many", live=True))
    public_document, hidden_document = _documents()
    return Targets(
        index=index,
        public_page=seeded.posts[0],
        hidden_page=seeded.posts[2],  # the seed's unpublished draft
        private_page=private_page,
        public_document=public_document,
        hidden_document=hidden_document,
        public_person=seeded.people["lovelace"],
        hidden_person=hidden_person,
    )


def body(seeded: Any, targets: Targets) -> list[dict[str, Any]]:
    """Chooser blocks at every depth: top level, in a struct, in a list, in a nested stream."""
    image = seeded.image.pk
    people = [targets.public_person.pk, targets.hidden_person.pk]
    return [
        {"type": "heading", "value": "A heading"},
        {"type": "paragraph", "value": "<p>Some <b>text</b>.</p>"},
        {"type": "image", "value": image},
        {"type": "related_page", "value": targets.public_page.pk},
        {"type": "person", "value": targets.public_person.pk},
        {"type": "person", "value": targets.hidden_person.pk},
        {
            "type": "gallery",
            "value": [{"type": "image", "value": image}, {"type": "caption", "value": "c"}],
        },
        {
            "type": "teaser",
            "value": {
                "page": targets.public_page.pk,
                "document": targets.public_document.pk,
                "people": people,
            },
        },
        {
            "type": "teaser",
            "value": {
                "page": targets.hidden_page.pk,
                "document": targets.hidden_document.pk,
                "people": [],
            },
        },
        {"type": "teaser", "value": {"page": targets.private_page.pk, "people": []}},
    ]


def add_posts(seeded: Any, targets: Targets, count: int = MANY) -> list[BlogPage]:
    """Live posts under ``targets.index``, each with a draft revision newer than it."""
    stream = BlogPage._meta.get_field("body").stream_block
    categories = list(seeded.categories.values())
    posts = []
    for n in range(count):
        post = BlogPage(
            title=f"Post {n}",
            slug=f"post-{n}",
            live=True,
            feed_image=seeded.image,
            body=stream.to_python(body(seeded, targets)),
        )
        post.tags.add(f"tag-{n % 3}", "common")
        post.categories = categories
        post.authors = [
            BlogPageAuthor(person=targets.public_person, role="Author"),
            BlogPageAuthor(person=seeded.people["hopper"], role="Reviewer"),
        ]
        targets.index.add_child(instance=post)
        post.title = f"Post {n} (draft)"
        post.save_revision(user=seeded.users["admin"])
        posts.append(post)
    return posts


def add_people(seeded: Any, count: int = MANY) -> list[Person]:
    """Live people with an image, each with a draft revision newer than the live row."""
    people = []
    for n in range(count):
        person = Person(first_name=f"P{n}", last_name="Many", image=seeded.image, live=True)
        person.save()
        person.job_title = "Draft title"
        person.save_revision(user=seeded.users["admin"])
        people.append(person)
    return people


def run(client: Any, query: str, variables: dict[str, Any]) -> tuple[int, dict, list[str]]:
    """Run ``query`` after a warm-up request and return its query count, data and SQL.

    The warm-up absorbs one-off work that is not per item (the token's ``last_used_at``
    update, Wagtail's cached site root paths, content types).
    """
    client.post(query, variables)
    with CaptureQueriesContext(connection) as captured:
        response = client.post(query, variables)
    return len(captured), response.data, [q["sql"] for q in captured.captured_queries]


def explain(small: list[str], large: list[str]) -> str:
    """The statements the larger list ran more often, numbers blanked: the N+1 culprits."""

    def shapes(statements: list[str]) -> Counter[str]:
        return Counter(re.sub(r"\d+", "?", sql) for sql in statements)

    extra = shapes(large) - shapes(small)
    return "\n".join(f"{n}x {sql[:400]}" for sql, n in extra.most_common(8))

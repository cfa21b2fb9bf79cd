"""Idempotent demo data for the example site, used by ``manage.py seed``.

Each module creates one kind of data and looks up what already exists first,
so running the seed twice neither fails nor duplicates anything. ``seed_site()`` is
what ``manage.py seed`` runs; tests call it too, so the example site's content is the
test fixture.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from blog.seeding import accounts, content, pages, workflows


@dataclass
class Seeded:
    users: dict[str, Any]
    tokens: dict[str, str]
    home: Any
    index: Any
    posts: list[Any]
    people: Any
    categories: Any
    image: Any
    #: Users whose earlier seed token this run revoked (empty on a new database).
    replaced_tokens: list[str] = field(default_factory=list)
    #: Whether the database had been seeded before (its content is kept, ids go on).
    reseeded: bool = False


def seed_site() -> Seeded:
    """Create (or find) everything the demo needs, and fresh API tokens."""
    with transaction.atomic():
        reseeded = pages.blog_index_exists()
        groups = accounts.ensure_groups()
        users = accounts.ensure_users(groups)
        workflows.ensure_workflow(groups["Moderators"])
        admin = users["admin"]
        image = content.ensure_image()
        categories = content.ensure_categories()
        people = content.ensure_people(admin, image)
        home = pages.ensure_home()
        index = pages.ensure_blog_index(home)
        posts = pages.ensure_posts(index, image, categories, people, admin)
        content.ensure_media(groups["Moderators"])
        tokens, replaced = accounts.rotate_tokens(users)
    return Seeded(users, tokens, home, index, posts, people, categories, image, replaced, reseeded)

"""The page tree: Home (the default site's root) -> Blog -> posts.

Pages are created with ``add_child`` and published with
``save_revision().publish()`` so they have revisions and publish history, exactly
as if an editor had made them in the admin.
"""

import datetime

from wagtail.models import Page, Site

from blog.models import BlogIndexPage, BlogPage, BlogPageAuthor
from home.models import HomePage


def ensure_home():
    """Replace Wagtail's default "Welcome" page with a HomePage as the site root."""
    root = Page.get_first_root_node()
    home = HomePage.objects.child_of(root).first()
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    welcome = site.root_page if site else None
    if welcome is not None and welcome.specific_class is not Page:
        welcome = None  # the site already points at a real page; leave it alone

    if home is None:
        if welcome is not None and welcome.slug == "home":
            welcome.slug = "welcome"  # free the "home" slug for the new page
            welcome.save(update_fields=["slug", "url_path"])
        home = root.add_child(
            instance=HomePage(
                title="Home",
                slug="home",
                live=False,
                intro="<p>The example site for <b>wagtail-graphql-write</b>.</p>",
            )
        )
        home.save_revision().publish()
        home.refresh_from_db()  # publish() updated a copy loaded from the revision

    if site is None:
        site = Site(hostname="localhost", port=80)
    site.root_page = home
    site.is_default_site = True
    site.site_name = site.site_name or "Example"
    site.save()

    if welcome is not None and welcome.pk != home.pk and not welcome.get_children().exists():
        welcome.delete()
    return home


def blog_index_exists():
    """Whether an earlier seed made the blog already (so this run re-seeds)."""
    return BlogIndexPage.objects.filter(slug="blog").exists()


def ensure_blog_index(home):
    index = BlogIndexPage.objects.child_of(home).filter(slug="blog").first()
    if index is None:
        index = home.add_child(
            instance=BlogIndexPage(
                title="Blog", slug="blog", live=False, intro="<p>News and tutorials.</p>"
            )
        )
        index.save_revision().publish()
        index.refresh_from_db()
    return index


def _post_specs(image, categories, people, posts):
    """The posts to create, in order.

    A generator on purpose: ``posts`` is filled by the caller as it goes, so a
    later spec can point at an earlier post (the ``related_page`` block).
    """
    yield {
        "title": "Hello, GraphQL",
        "slug": "hello-graphql",
        "date": datetime.date(2025, 1, 15),
        "intro": "<p>The first post, with <i>one of each</i> kind of block.</p>",
        "reading_level": "beginner",
        "featured": True,
        "feed_image": image,
        "tags": ["graphql", "wagtail"],
        "categories": [categories["news"]],
        "authors": [(people["lovelace"], "Author")],
        "body": [
            {"type": "heading", "value": "Why a write API?"},
            {
                "type": "paragraph",
                "value": "<p>Content can be <b>created</b>, edited and published "
                'from any client. See <a href="https://wagtail.org">wagtail.org</a>.</p>',
            },
            {
                "type": "quote",
                "value": {
                    "text": "The Analytical Engine weaves algebraic patterns.",
                    "attribution": "Ada Lovelace",
                    "style": "pull",
                },
            },
            {"type": "links", "value": ["https://wagtail.org", "https://graphql.org"]},
            {"type": "person", "value": people["lovelace"].pk},
        ],
        "live": True,
    }
    yield {
        "title": "Writing content with mutations",
        "slug": "writing-content-with-mutations",
        "date": datetime.date(2025, 2, 1),
        "intro": "<p>A walk through creating and publishing a page.</p>",
        "reading_level": "intermediate",
        "featured": False,
        "feed_image": None,
        "tags": ["graphql", "tutorial"],
        "categories": [categories["tutorials"]],
        "authors": [(people["hopper"], "Author"), (people["lovelace"], "Reviewer")],
        "body": [
            {"type": "heading", "value": "Step by step"},
            {"type": "paragraph", "value": "<ol><li>Create</li><li>Publish</li></ol>"},
            {"type": "image", "value": image.pk},
            {
                "type": "gallery",
                "value": [
                    {"type": "image", "value": image.pk},
                    {"type": "caption", "value": "The sample image"},
                ],
            },
            {"type": "related_page", "value": posts[0].pk},
        ],
        "live": True,
    }
    yield {
        "title": "Coming soon: workflows",
        "slug": "coming-soon-workflows",
        "date": None,
        "intro": "<p>An unpublished draft.</p>",
        "reading_level": "expert",
        "featured": False,
        "feed_image": None,
        "tags": ["draft"],
        "categories": [],
        "authors": [(people["hopper"], "Author")],
        "body": [{"type": "paragraph", "value": "<p>Work in progress.</p>"}],
        "live": False,
    }


def _bound_stream(raw):
    """The body as the admin saves it: every block and every ListBlock item with an id.

    Raw data is saved as given, and a raw ListBlock (a plain list) stays in Wagtail's
    older format, whose items get new ids at every read. Blocks bound to their values
    are saved through their blocks, which store the current format.
    """
    value = BlogPage._meta.get_field("body").stream_block.to_python(raw)
    for _block in value:  # iterating binds each block
        pass
    return value


def _create_post(index, spec, user):
    spec = dict(spec)
    tags = spec.pop("tags")
    categories = spec.pop("categories")
    authors = spec.pop("authors")
    publish = spec.pop("live")
    spec["body"] = _bound_stream(spec["body"])
    post = BlogPage(**spec, live=False)
    post.tags.add(*tags)
    post.categories = categories
    post.authors = [BlogPageAuthor(person=person, role=role) for person, role in authors]
    index.add_child(instance=post)
    revision = post.save_revision(user=user)
    if publish:
        revision.publish(user=user)
        post.refresh_from_db()
    return post


def ensure_posts(index, image, categories, people, user):
    """Create the two published posts and the draft, unless they already exist."""
    posts = []
    for spec in _post_specs(image, categories, people, posts):
        post = BlogPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        posts.append(post or _create_post(index, spec, user))
    return posts

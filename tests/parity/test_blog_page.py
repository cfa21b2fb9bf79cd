"""Parity with the admin for ``BlogPage``: every field kind, the InlinePanel's ``min_num``
and the page type's ``base_form_class`` rule (a published post needs a date)."""

from __future__ import annotations

from typing import Any

from blog.models import BlogPage
from tests.parity.harness import Write, assert_parity


def every_field(seeded: Any) -> dict[str, Any]:
    """A post with a value in every field kind BlogPage has, body blocks of every kind."""
    image = seeded.image.pk
    lovelace, hopper = seeded.people["lovelace"].pk, seeded.people["hopper"].pk
    return {
        "title": "Parity post",
        "slug": "parity-post",
        "seo_title": "Parity, in search results",
        "search_description": "The same post through the admin and through GraphQL.",
        "show_in_menus": True,
        "date": "2025-03-01",
        "intro": '<p>An <b>intro</b> with <a href="https://wagtail.org">a link</a>.</p>',
        "body": [
            {"type": "heading", "value": "A heading"},
            {"type": "paragraph", "value": "<p>Some <i>text</i>.</p><ul><li>one</li></ul>"},
            {"type": "image", "value": image},
            {
                "type": "quote",
                "value": {"text": "Quoted.", "attribution": "Ada", "style": "pull"},
            },
            {"type": "links", "value": ["https://wagtail.org", "https://graphql.org"]},
            {
                "type": "gallery",
                "value": [
                    {"type": "image", "value": image},
                    {"type": "caption", "value": "A caption"},
                ],
            },
            {"type": "related_page", "value": seeded.posts[0].pk},
            {"type": "person", "value": hopper},
        ],
        "feed_image": image,
        "tags": ["parity", "admin"],
        "categories": [seeded.categories["news"].pk, seeded.categories["tutorials"].pk],
        "reading_level": "expert",
        "featured": True,
        "authors": [
            {"person": lovelace, "role": "Author"},
            {"person": hopper, "role": "Editor"},
        ],
    }


def create(seeded: Any, user: str, values: dict[str, Any], action: str) -> Write:
    return Write(BlogPage, seeded.users[user], values, action, parent=seeded.index)


def test_create_as_draft(seeded: Any) -> None:
    assert_parity(create(seeded, "editor", every_field(seeded), "SAVE_DRAFT"), set())


def test_create_and_publish(seeded: Any) -> None:
    assert_parity(create(seeded, "moderator", every_field(seeded), "PUBLISH"), set())


def test_create_and_submit_for_moderation(seeded: Any) -> None:
    assert_parity(create(seeded, "editor", every_field(seeded), "SUBMIT"), set())


def without_authors(seeded: Any, **changes: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The post with no author rows: in the admin, the editor deleted the blank row the
    page shows (``min_num=1`` renders one); GraphQL leaves ``authors`` out."""
    values = {**every_field(seeded), **changes, "authors": []}
    return values, {k: v for k, v in values.items() if k != "authors"}


def test_a_draft_may_leave_out_the_required_and_the_minimum(seeded: Any) -> None:
    """Saving a draft defers required fields and the InlinePanel's ``min_num``. The
    admin's JavaScript fills the slug in from the title; GraphQL derives it when not sent."""
    values = {"title": "Only a title", "slug": "only-a-title", "authors": []}
    write = Write(
        BlogPage,
        seeded.users["editor"],
        values,
        parent=seeded.index,
        sent={"title": "Only a title"},
    )
    assert_parity(write, set())


def test_publishing_without_a_title_is_refused(seeded: Any) -> None:
    values = {**every_field(seeded), "title": "", "slug": "no-title"}
    assert_parity(create(seeded, "moderator", values, "PUBLISH"), {"title"})


def test_publishing_without_authors_is_refused(seeded: Any) -> None:
    """``InlinePanel("authors", min_num=1)``."""
    values, sent = without_authors(seeded)
    write = Write(
        BlogPage, seeded.users["moderator"], values, "PUBLISH", parent=seeded.index, sent=sent
    )
    assert_parity(write, {"authors"})


def test_submitting_without_authors_is_refused(seeded: Any) -> None:
    values, sent = without_authors(seeded)
    write = Write(
        BlogPage, seeded.users["editor"], values, "SUBMIT", parent=seeded.index, sent=sent
    )
    assert_parity(write, {"authors"})


def test_a_draft_without_authors_is_saved(seeded: Any) -> None:
    values, sent = without_authors(seeded)
    write = Write(BlogPage, seeded.users["editor"], values, parent=seeded.index, sent=sent)
    assert_parity(write, set())


def test_publishing_without_a_date_is_refused(seeded: Any) -> None:
    """``BlogPageForm.clean()``: a post is not published without a date."""
    values = {**every_field(seeded), "date": None}
    assert_parity(create(seeded, "moderator", values, "PUBLISH"), {"date"})


def test_submitting_without_a_date_is_refused(seeded: Any) -> None:
    values = {**every_field(seeded), "date": None}
    assert_parity(create(seeded, "editor", values, "SUBMIT"), {"date"})


def test_an_author_row_without_a_person_is_refused(seeded: Any) -> None:
    """A person that does not exist (GraphQL's ``person: ID!`` cannot be left out)."""
    values = {**every_field(seeded), "authors": [{"person": 999999, "role": "Ghost"}]}
    assert_parity(create(seeded, "editor", values, "SAVE_DRAFT"), {"authors.0.person"})


def test_an_invalid_block_is_an_error_on_the_stream_field(seeded: Any) -> None:
    values = {**every_field(seeded), "body": [{"type": "links", "value": ["not a url"]}]}
    assert_parity(create(seeded, "editor", values, "SAVE_DRAFT"), {"body"})


def edit(seeded: Any, user: str, post: BlogPage, sent: dict[str, Any], action: str) -> Write:
    """An edit of ``post``: the admin posts its edit form as shown with ``sent`` entered,
    GraphQL sends ``sent`` only (fields left out keep their values)."""
    return Write(BlogPage, seeded.users[user], sent, action, target=post)


def changes(post: BlogPage, seeded: Any) -> dict[str, Any]:
    """New title, intro and tags; a block added after the kept ones, an author after the
    kept rows (kept blocks and rows are named by id, in the admin as in GraphQL)."""
    return {
        "title": "Writing content, revised",
        "intro": "<p>Now with <i>more</i> detail.</p>",
        "tags": ["graphql", "revised"],
        "body": [*post.body.raw_data, {"type": "heading", "value": "Added"}],
        "authors": [
            *({"id": a.pk, "person": a.person_id, "role": a.role} for a in post.authors.all()),
            {"person": seeded.people["lovelace"].pk, "role": "Proofreader"},
        ],
    }


def test_edit_and_publish(seeded: Any) -> None:
    post = BlogPage.objects.get(pk=seeded.posts[1].pk)
    assert_parity(edit(seeded, "moderator", post, changes(post, seeded), "PUBLISH"), set())


def test_edit_as_draft_keeps_what_was_not_sent(seeded: Any) -> None:
    post = BlogPage.objects.get(pk=seeded.posts[0].pk)
    assert_parity(edit(seeded, "editor", post, {"title": "Renamed"}, "SAVE_DRAFT"), set())


def test_edit_and_submit_for_moderation(seeded: Any) -> None:
    post = BlogPage.objects.get(pk=seeded.posts[1].pk)
    assert_parity(edit(seeded, "editor", post, changes(post, seeded), "SUBMIT"), set())


def test_publishing_an_edit_of_a_post_without_a_date_is_refused(seeded: Any) -> None:
    """The seeded draft has no date; the edit does not send one."""
    post = BlogPage.objects.get(pk=seeded.posts[2].pk)
    assert_parity(edit(seeded, "moderator", post, {"title": "Ready?"}, "PUBLISH"), {"date"})


def test_edit_a_draft(seeded: Any) -> None:
    post = BlogPage.objects.get(pk=seeded.posts[2].pk)
    assert_parity(edit(seeded, "editor", post, {"title": "Still a draft"}, "SAVE_DRAFT"), set())

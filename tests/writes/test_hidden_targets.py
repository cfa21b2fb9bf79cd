"""A page or snippet the viewer may not see answers exactly as one that does not exist.

The viewer is an editor of the blog section only. Outside it, an unpublished section
(with a live, public child) and its revision, and an unpublished person, are hidden
from them. Every read and every mutation argument that names an object (the object
itself, a parent, a destination, a revision, a ``ContentRef``) must answer for those
exactly as for ids that match nothing, error types, messages and paths included.
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import APIToken, GroupPagePermission

from blog.models import BlogIndexPage, BlogPage, Person
from tests.conftest import GraphQLClient

ERRORS = "errors {{ __typename message path }}"
MISSING = "999999"

#: Documents naming the hidden object as ``{x}``; ``{v}`` is a page the viewer may edit.
CASES = {
    "page": '{{ page(id: "{x}") {{ id }} }}',
    "page latest": '{{ page(id: "{x}", version: LATEST) {{ id }} }}',
    "children": '{{ pages(childOf: "{x}") {{ totalCount }} }}',
    "descendants": '{{ pages(descendantOf: "{x}") {{ totalCount }} }}',
    "update": 'mutation {{ updateBlogIndexPage(id: "{x}", input: {{title: "t"}}) {{ ' + ERRORS,
    "delete": 'mutation {{ deletePage(id: "{x}") {{ ' + ERRORS,
    "publish": 'mutation {{ publishPage(id: "{x}") {{ ' + ERRORS,
    "lock": 'mutation {{ lockPage(id: "{x}") {{ ' + ERRORS,
    "copy": 'mutation {{ copyPage(id: "{x}") {{ ' + ERRORS,
    "copy destination": 'mutation {{ copyPage(id: "{v}", destination: "{x}") {{ ' + ERRORS,
    "move destination": 'mutation {{ movePage(id: "{v}", destination: "{x}") {{ ' + ERRORS,
    "alias destination": 'mutation {{ createPageAlias(id: "{v}", destination: "{x}") {{ ' + ERRORS,
    "parent": 'mutation {{ createBlogPage(parent: "{x}", input: {{title: "t"}}) {{ ' + ERRORS,
    "workflow target": 'mutation {{ startWorkflow(target: {{page: "{x}"}}) {{ ' + ERRORS,
}
REVISION_CASES = {
    "revision": '{{ revision(id: "{x}") {{ id }} }}',
    "publish revision": 'mutation {{ publishPage(id: "{v}", revisionId: "{x}") {{ ' + ERRORS,
    "revert to revision": 'mutation {{ revertPage(id: "{v}", revisionId: "{x}") {{ ' + ERRORS,
}
PERSON_CASES = {
    "person": '{{ person(id: "{x}") {{ id }} }}',
    "snippet workflow target": "mutation {{ startWorkflow(target: "
    '{{snippet: {{type: PERSON, id: "{x}"}}}}) {{ ' + ERRORS,
}


def _section_editor(seeded: Any) -> GraphQLClient:
    """Add, edit, publish and lock pages under the blog index; nothing on people."""
    group = Group.objects.create(name="Blog section")
    for codename in ("add_page", "change_page", "publish_page", "lock_page"):
        permission = Permission.objects.get(
            codename=codename, content_type__app_label="wagtailcore"
        )
        GroupPagePermission.objects.create(group=group, page=seeded.index, permission=permission)
    user = get_user_model().objects.create_user("section", password="x")
    user.groups.add(group)
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


def _answer(client: GraphQLClient, template: str, hidden: str, visible: str) -> str:
    document = template.format(x=hidden, v=visible)
    if document.startswith("mutation"):
        document += " } }"
    body = client.post(document).body
    text = json.dumps(body)
    return text.replace(f"'{hidden}'", "'N'").replace(f'\\"{hidden}\\"', '\\"N\\"')


def _differences(client: GraphQLClient, cases: dict[str, str], hidden: Any, v: Any) -> list:
    return [
        name
        for name, template in cases.items()
        if _answer(client, template, str(hidden), str(v))
        != _answer(client, template, MISSING, str(v))
    ]


def test_hidden_objects_answer_as_missing_ones(seeded: Any) -> None:
    client = _section_editor(seeded)
    section = seeded.home.add_child(
        instance=BlogIndexPage(title="Secret", slug="secret", live=False)
    )
    revision = section.save_revision()
    child = section.add_child(instance=BlogPage(title="Public", slug="public", live=False))
    child.save_revision().publish()
    person = Person.objects.create(first_name="Hidden", last_name="Person", live=False)
    mine = seeded.posts[0].pk
    assert _differences(client, CASES, section.pk, mine) == []
    assert _differences(client, REVISION_CASES, revision.pk, mine) == []
    assert _differences(client, PERSON_CASES, person.pk, mine) == []
    assert _differences(GraphQLClient(), CASES, section.pk, mine) == []

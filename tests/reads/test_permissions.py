"""``userPermissions`` and ``allowedSubpageTypes``: Wagtail's own answers, per viewer.

Page answers are compared with ``page.permissions_for_user(user)`` for every page of
the example site and several kinds of user; snippet answers with the model's
permission policy and the snippet admin's lock rules. Anonymous viewers get ``false``
everywhere and no subpage types.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import APIToken, GroupPagePermission, Page
from wagtail.permissions import policy_registry

from blog.models import Category, Person
from tests.conftest import GraphQLClient

#: GraphQL field -> PagePermissionTester method.
PAGE_QUESTIONS = {
    "canEdit": "can_edit",
    "canPublish": "can_publish",
    "canUnpublish": "can_unpublish",
    "canDelete": "can_delete",
    "canLock": "can_lock",
    "canUnlock": "can_unlock",
    "canMove": "can_move",
    "canCopy": "can_copy",
    "canAddSubpage": "can_add_subpage",
    "canPublishSubpage": "can_publish_subpage",
    "canReorderChildren": "can_reorder_children",
    "canSetViewRestrictions": "can_set_view_restrictions",
    "canUnschedule": "can_unschedule",
}
SNIPPET_QUESTIONS = (
    "canEdit",
    "canDelete",
    "canPublish",
    "canUnpublish",
    "canLock",
    "canUnlock",
    "canViewRevisions",
)

PAGE = f"""
query($id: ID, $version: ContentVersion) {{
  page(id: $id, version: $version) {{
    __typename
    userPermissions {{ {" ".join(PAGE_QUESTIONS)} canViewRevisions }}
    ... on HomePage {{ allowedSubpageTypes }}
    ... on BlogIndexPage {{ allowedSubpageTypes }}
    ... on BlogPage {{ allowedSubpageTypes }}
  }}
}}
"""

SNIPPETS = f"""
query($person: ID!, $category: ID!) {{
  person(id: $person) {{ userPermissions {{ {" ".join(SNIPPET_QUESTIONS)} }} }}
  category(id: $category) {{ userPermissions {{ {" ".join(SNIPPET_QUESTIONS)} }} }}
}}
"""

USERS = ("editor", "moderator", "admin", "nobody", "post_editor")


def _client_for(user: Any) -> GraphQLClient:
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


@pytest.fixture
def users(seeded: Any) -> dict[str, Any]:
    """The seeded users, one without any permission, and one who may edit one post only."""
    found = dict(seeded.users)
    found["nobody"] = get_user_model().objects.create_user("nobody", password="x")
    post_editor = get_user_model().objects.create_user("post_editor", password="x")
    group = Group.objects.create(name="One post")
    for codename in ("add_page", "change_page", "lock_page"):
        GroupPagePermission.objects.create(
            group=group, page=seeded.posts[0], permission=Permission.objects.get(codename=codename)
        )
    post_editor.groups.add(group)
    found["post_editor"] = post_editor
    return found


def _expected_page(user: Any, page: Page) -> dict[str, bool]:
    tester = page.permissions_for_user(user)
    answers = {field: bool(getattr(tester, method)()) for field, method in PAGE_QUESTIONS.items()}
    answers["canViewRevisions"] = bool(tester.can_edit() or tester.can_publish())
    return answers


@pytest.mark.parametrize("who", USERS)
def test_page_permissions_match_wagtails_tester(
    who: str, users: dict[str, Any], seeded: Any
) -> None:
    user = users[who]
    client = _client_for(user)
    compared = 0
    for page in Page.objects.exclude(depth=1).specific():
        version = "LIVE" if page.live else "LATEST"
        read = client.execute(PAGE, {"id": page.pk, "version": version})["page"]
        if read is None:  # not readable for this user: nothing to compare
            continue
        assert read["userPermissions"] == _expected_page(user, page), (who, page.title)
        compared += 1
    assert compared >= 4  # the published pages at least


def test_a_locked_page_answers_for_the_lock(users: dict[str, Any], seeded: Any) -> None:
    post = seeded.posts[0]
    Page.objects.filter(pk=post.pk).update(
        locked=True, locked_by=users["moderator"], locked_at=timezone.now()
    )
    for who in ("editor", "moderator", "admin"):
        read = _client_for(users[who]).execute(PAGE, {"id": post.pk})["page"]
        expected = _expected_page(users[who], Page.objects.get(pk=post.pk).specific)
        assert read["userPermissions"] == expected
    editor = _client_for(users["editor"]).execute(PAGE, {"id": post.pk})["page"]
    owner = _client_for(users["moderator"]).execute(PAGE, {"id": post.pk})["page"]
    assert (editor["userPermissions"]["canUnlock"], owner["userPermissions"]["canUnlock"]) == (
        False,
        True,
    )


def test_anonymous_may_do_nothing(anonymous: Any, seeded: Any) -> None:
    read = anonymous.execute(PAGE, {"id": seeded.index.pk})["page"]
    assert set(read["userPermissions"].values()) == {False}
    assert read["allowedSubpageTypes"] == []
    snippets = anonymous.execute(
        SNIPPETS,
        {"person": seeded.people["lovelace"].pk, "category": seeded.categories["news"].pk},
    )
    for found in snippets.values():
        assert set(found["userPermissions"].values()) == {False}


@pytest.mark.parametrize(
    ("who", "home", "index", "post"),
    [
        ("editor", ["BLOG_INDEX_PAGE"], ["BLOG_PAGE"], []),
        ("moderator", ["BLOG_INDEX_PAGE"], ["BLOG_PAGE"], []),
        ("admin", ["BLOG_INDEX_PAGE"], ["BLOG_PAGE"], []),
        ("nobody", [], [], []),
        ("post_editor", [], [], []),
    ],
)
def test_allowed_subpage_types(
    who: str, home: list[str], index: list[str], post: list[str], users: dict[str, Any], seeded: Any
) -> None:
    """The page's subpage_types rules, narrowed to what the viewer may add there."""
    client = _client_for(users[who])

    def allowed(page: Any) -> list[str]:
        return list(client.execute(PAGE, {"id": page.pk})["page"]["allowedSubpageTypes"])

    assert (allowed(seeded.home), allowed(seeded.index), allowed(seeded.posts[0])) == (
        home,
        index,
        post,
    )


def _expected_snippet(user: Any, obj: Any) -> dict[str, bool]:
    """Wagtail's answers: the model's policy, and the snippet lock views' extra rules."""
    policy = policy_registry.get(obj)

    def has(action: str) -> bool:
        return bool(policy.user_has_permission_for_instance(user, action, obj))

    drafts, lockable = isinstance(obj, Person), isinstance(obj, Person)
    locked_for_user = bool(lockable and obj.get_lock() and obj.get_lock().for_user(user))
    return {
        "canEdit": has("change"),
        "canDelete": has("delete"),
        "canPublish": drafts and has("publish"),
        "canUnpublish": drafts and obj.live and has("publish") and not locked_for_user,
        "canLock": lockable and (user.is_superuser or has("lock")),
        "canUnlock": lockable
        and (user.is_superuser or obj.locked_by_id == user.pk or has("unlock")),
        "canViewRevisions": drafts and (has("change") or has("publish")),
    }


@pytest.mark.parametrize("locked_by", [None, "moderator"])
@pytest.mark.parametrize("who", USERS)
def test_snippet_permissions_match_the_policy(
    who: str, locked_by: str | None, users: dict[str, Any], seeded: Any
) -> None:
    person, category = seeded.people["lovelace"], seeded.categories["news"]
    if locked_by:
        Person.objects.filter(pk=person.pk).update(
            locked=True, locked_by=users[locked_by], locked_at=timezone.now()
        )
    read = _client_for(users[who]).execute(SNIPPETS, {"person": person.pk, "category": category.pk})
    user = users[who]
    assert read["person"]["userPermissions"] == _expected_snippet(
        user, Person.objects.get(pk=person.pk)
    )
    assert read["category"]["userPermissions"] == _expected_snippet(
        user, Category.objects.get(pk=category.pk)
    )


def test_snippet_lock_answers_by_role(users: dict[str, Any], seeded: Any) -> None:
    """Spelled out for the example site's groups, with Ada locked by the moderator."""
    person = seeded.people["lovelace"]
    Person.objects.filter(pk=person.pk).update(
        locked=True, locked_by=users["moderator"], locked_at=timezone.now()
    )
    query = (
        "query($id: ID!) { person(id: $id) { userPermissions { canLock canUnlock canUnpublish } } }"
    )
    answers = {
        who: _client_for(users[who]).execute(query, {"id": person.pk})["person"]["userPermissions"]
        for who in ("editor", "moderator", "admin")
    }
    assert answers == {
        "editor": {"canLock": False, "canUnlock": False, "canUnpublish": False},
        "moderator": {"canLock": True, "canUnlock": True, "canUnpublish": True},
        # a superuser may unlock, but may not unpublish while someone else holds the lock
        "admin": {"canLock": True, "canUnlock": True, "canUnpublish": False},
    }

"""Writing to an object locked by someone else is a typed ``LockedError``."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from blog.models import BlogPage, Person

UPDATE = """
mutation($id: ID!) {
  updateBlogPage(id: $id, input: {title: "Mine now"}) {
    page { id }
    errors { __typename code ... on LockedError { lockedBy { displayName } lockedAt } }
  }
}
"""


def _lock(obj: Any, user: Any) -> None:
    obj.locked, obj.locked_by, obj.locked_at = True, user, timezone.now()
    obj.save(update_fields=["locked", "locked_by", "locked_at"])


def test_page_locked_by_another_user_refuses_update(editor: Any, seeded: Any) -> None:
    page = BlogPage.objects.get(pk=seeded.posts[0].pk)
    _lock(page, seeded.users["moderator"])
    before = (Revision.objects.count(), PageLogEntry.objects.count())
    payload = editor.execute(UPDATE, {"id": page.pk})["updateBlogPage"]
    assert payload["page"] is None
    [error] = payload["errors"]
    assert (error["__typename"], error["code"]) == ("LockedError", "LOCKED")
    moderator = seeded.users["moderator"]
    expected_name = moderator.get_full_name() or moderator.get_username()
    assert error["lockedBy"] == {"displayName": expected_name}
    assert error["lockedAt"] is not None
    assert (Revision.objects.count(), PageLogEntry.objects.count()) == before


def test_lock_owner_can_still_edit(moderator: Any, seeded: Any) -> None:
    page = BlogPage.objects.get(pk=seeded.posts[0].pk)
    _lock(page, seeded.users["moderator"])
    payload = moderator.execute(UPDATE, {"id": page.pk})["updateBlogPage"]
    assert payload["errors"] == []


def test_locked_person_refuses_update_and_delete(editor: Any, seeded: Any) -> None:
    person = Person.objects.get(first_name="Ada")
    _lock(person, seeded.users["moderator"])
    update = editor.execute(
        'mutation($id: ID!) { updatePerson(id: $id, input: {jobTitle: "x"}) '
        "{ errors { __typename } } }",
        {"id": person.pk},
    )
    delete = editor.execute(
        "mutation($id: ID!) { deletePerson(id: $id) { deletedId errors { __typename } } }",
        {"id": person.pk},
    )
    assert update["updatePerson"]["errors"] == [{"__typename": "LockedError"}]
    assert delete["deletePerson"] == {"deletedId": None, "errors": [{"__typename": "LockedError"}]}
    assert Person.objects.filter(pk=person.pk).exists()

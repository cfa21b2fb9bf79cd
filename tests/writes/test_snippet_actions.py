"""Snippet actions: publish, unpublish, revert, lock and unlock ``Person`` (every mixin).

Decisions are compared with the Wagtail admin itself where the admin has a plain POST
view (lock, unlock, unpublish: the same user gets the same allow/deny from the admin's
view), and with the model's permission policy otherwise. Every denied call must leave
the database exactly as it was.
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import APIToken, ModelLogEntry, Revision
from wagtail.permissions import policy_registry

from blog.models import Category, Person
from tests.conftest import GraphQLClient

ERRORS = "errors { __typename code message path ... on LockedError { lockedBy { id } } }"
SNIPPET = "snippet { __typename id ... on Person { jobTitle live hasUnpublishedChanges locked } }"

PUBLISH = f"""
mutation($id: ID!, $revision: ID, $expected: ID, $dryRun: Boolean) {{
  publishSnippet(type: PERSON, id: $id, revisionId: $revision, expectedRevisionId: $expected,
                 dryRun: $dryRun) {{
    {SNIPPET}
    revision {{ id isLive isLatest approvedGoLiveAt }}
    {ERRORS}
  }}
}}
"""
UNPUBLISH = f"""
mutation($id: ID!) {{ unpublishSnippet(type: PERSON, id: $id) {{ {SNIPPET} {ERRORS} }} }}
"""
REVERT = f"""
mutation($id: ID!, $revision: ID!, $action: SaveAction, $expected: ID) {{
  revertSnippet(type: PERSON, id: $id, revisionId: $revision, action: $action,
                expectedRevisionId: $expected) {{
    {SNIPPET}
    revision {{
      id isLatest isLive
      ... on SnippetRevision {{ content {{ ... on PersonRevisionContent {{ jobTitle }} }} }}
    }}
    {ERRORS}
  }}
}}
"""
LOCK = f"mutation($id: ID!) {{ lockSnippet(type: PERSON, id: $id) {{ {SNIPPET} {ERRORS} }} }}"
UNLOCK = f"mutation($id: ID!) {{ unlockSnippet(type: PERSON, id: $id) {{ {SNIPPET} {ERRORS} }} }}"


@pytest.fixture
def nobody(seeded: Any) -> GraphQLClient:
    """An authenticated user without any permission."""
    user = get_user_model().objects.create_user("nobody", password="x")
    _, token = APIToken.create_token(user=user, name="t")
    return GraphQLClient(token)


def _ada() -> Person:
    return Person.objects.get(first_name="Ada")


def _draft(person: Person, user: Any, job_title: str) -> Revision:
    """A new draft revision of a live person; the live row keeps its content."""
    draft = person.get_latest_revision_as_object()
    draft.job_title = job_title
    return draft.save_revision(user=user)


def _lock(person: Person, user: Any) -> None:
    person.locked, person.locked_by, person.locked_at = True, user, timezone.now()
    person.save(update_fields=["locked", "locked_by", "locked_at"])


def _log(person: Person) -> list[str]:
    content_type = ContentType.objects.get_for_model(Person)
    entries = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(person.pk))
    return list(entries.order_by("pk").values_list("action", flat=True))


def _state(person: Person) -> tuple[Any, ...]:
    """Everything an action could change: the row, its revisions and its log."""
    row = Person.objects.get(pk=person.pk)
    return (
        row.job_title,
        row.live,
        row.has_unpublished_changes,
        row.locked,
        row.locked_by_id,
        row.latest_revision_id,
        row.live_revision_id,
        Revision.objects.count(),
        ModelLogEntry.objects.count(),
    )


def _payload(response: dict[str, Any]) -> dict[str, Any]:
    [payload] = response.values()
    return payload


# ---- publish -------------------------------------------------------------------------


def test_publish_makes_the_latest_draft_live(moderator: Any, seeded: Any) -> None:
    person = _ada()
    draft = _draft(person, seeded.users["editor"], "Poet")
    before = _log(person)
    payload = moderator.execute(PUBLISH, {"id": person.pk})["publishSnippet"]
    assert payload["errors"] == []
    assert payload["snippet"] == {
        "__typename": "Person",
        "id": str(person.pk),
        "jobTitle": "Poet",
        "live": True,
        "hasUnpublishedChanges": False,
        "locked": False,
    }
    assert payload["revision"] == {
        "id": str(draft.pk),
        "isLive": True,
        "isLatest": True,
        "approvedGoLiveAt": None,
    }
    row = Person.objects.get(pk=person.pk)
    assert (row.job_title, row.live_revision_id) == ("Poet", draft.pk)
    assert _log(person)[len(before) :] == ["wagtail.publish"]


def test_publish_an_older_revision_keeps_newer_drafts_unpublished(
    moderator: Any, seeded: Any
) -> None:
    person = _ada()
    older = _draft(person, seeded.users["editor"], "Poet")
    _draft(Person.objects.get(pk=person.pk), seeded.users["editor"], "Mathematician")
    payload = moderator.execute(PUBLISH, {"id": person.pk, "revision": older.pk})
    payload = payload["publishSnippet"]
    assert payload["errors"] == []
    assert payload["revision"]["isLatest"] is False
    row = Person.objects.get(pk=person.pk)
    assert (row.job_title, row.has_unpublished_changes) == ("Poet", True)


def test_publish_with_a_future_go_live_at_schedules(moderator: Any, seeded: Any) -> None:
    person = _ada()
    go_live = timezone.now() + datetime.timedelta(days=3)
    draft = person.get_latest_revision_as_object()
    draft.job_title, draft.go_live_at = "Scheduled poet", go_live
    revision = draft.save_revision(user=seeded.users["editor"])
    before = _log(person)
    payload = moderator.execute(PUBLISH, {"id": person.pk})["publishSnippet"]
    assert payload["errors"] == []
    assert payload["revision"]["isLive"] is False
    assert payload["revision"]["approvedGoLiveAt"] is not None
    row = Person.objects.get(pk=person.pk)
    assert (row.job_title, row.live) == ("Analyst", True)  # still the old live content
    assert row.scheduled_revision.pk == revision.pk
    assert _log(person)[len(before) :] == ["wagtail.publish.schedule"]
    read = moderator.execute(
        "query($id: ID!) { person(id: $id) { scheduledRevision { id approvedGoLiveAt } } }",
        {"id": person.pk},
    )
    assert read["person"]["scheduledRevision"]["id"] == str(revision.pk)
    # A scheduled object is locked for everyone until the schedule is cancelled.
    again = _payload(moderator.execute(PUBLISH, {"id": person.pk}))
    assert [e["__typename"] for e in again["errors"]] == ["LockedError"]


def test_publish_dry_run_changes_nothing(moderator: Any, seeded: Any) -> None:
    person = _ada()
    _draft(person, seeded.users["editor"], "Poet")
    before = _state(person)
    payload = moderator.execute(PUBLISH, {"id": person.pk, "dryRun": True})["publishSnippet"]
    assert payload["errors"] == []
    assert payload["snippet"]["jobTitle"] == "Poet"
    assert payload["snippet"]["hasUnpublishedChanges"] is False
    assert _state(person) == before


def test_publish_with_a_stale_expected_revision_is_an_edit_conflict(
    moderator: Any, seeded: Any
) -> None:
    person = _ada()
    stale = person.latest_revision_id
    latest = _draft(person, seeded.users["editor"], "Poet")
    before = _state(person)
    payload = _payload(moderator.execute(PUBLISH, {"id": person.pk, "expected": stale}))
    assert payload["snippet"] is None
    assert [(e["__typename"], e["path"]) for e in payload["errors"]] == [
        ("EditConflictError", ["expectedRevisionId"])
    ]
    assert _state(person) == before
    ok = _payload(moderator.execute(PUBLISH, {"id": person.pk, "expected": latest.pk}))
    assert ok["errors"] == []


def test_another_objects_revision_or_an_unknown_id_is_not_found(
    moderator: Any, seeded: Any
) -> None:
    ada, grace = _ada(), Person.objects.get(first_name="Grace")
    foreign = _payload(
        moderator.execute(PUBLISH, {"id": ada.pk, "revision": grace.latest_revision_id})
    )
    missing = _payload(moderator.execute(PUBLISH, {"id": "999999"}))
    assert [(e["__typename"], e["path"]) for e in foreign["errors"]] == [
        ("NotFoundError", ["revisionId"])
    ]
    assert [(e["__typename"], e["path"]) for e in missing["errors"]] == [("NotFoundError", ["id"])]


# ---- unpublish, revert -------------------------------------------------------------------


def test_unpublish_takes_the_person_offline(moderator: Any, seeded: Any) -> None:
    person = _ada()
    before = _log(person)
    payload = moderator.execute(UNPUBLISH, {"id": person.pk})["unpublishSnippet"]
    assert payload["errors"] == []
    assert payload["snippet"]["live"] is False
    assert Person.objects.get(pk=person.pk).live is False
    assert _log(person)[len(before) :] == ["wagtail.unpublish"]
    assert moderator.execute("query($id: ID!) { person(id: $id) { id } }", {"id": person.pk}) == {
        "person": None
    }
    again = _payload(moderator.execute(UNPUBLISH, {"id": person.pk}))
    assert [e["__typename"] for e in again["errors"]] == ["StateError"]
    assert "not live" in again["errors"][0]["message"]


def test_revert_saves_the_old_content_as_the_latest_draft(moderator: Any, seeded: Any) -> None:
    person = _ada()
    first = person.latest_revision_id
    _draft(person, seeded.users["editor"], "Poet")
    before = _log(person)
    payload = moderator.execute(REVERT, {"id": person.pk, "revision": first})["revertSnippet"]
    assert payload["errors"] == []
    assert payload["snippet"]["jobTitle"] == "Analyst"
    assert payload["revision"]["isLatest"] is True
    assert payload["revision"]["isLive"] is False
    assert payload["revision"]["content"] == {"jobTitle": "Analyst"}
    row = Person.objects.get(pk=person.pk)
    assert row.latest_revision_id == int(payload["revision"]["id"])
    assert row.live_revision_id == first  # a live person's row waits for a publish
    assert _log(person)[len(before) :] == ["wagtail.revert"]


def test_revert_and_publish(moderator: Any, seeded: Any) -> None:
    person = _ada()
    old = _draft(person, seeded.users["editor"], "Poet")
    _draft(Person.objects.get(pk=person.pk), seeded.users["editor"], "Mathematician")
    before = _log(person)
    payload = _payload(
        moderator.execute(REVERT, {"id": person.pk, "revision": old.pk, "action": "PUBLISH"})
    )
    assert payload["errors"] == []
    assert payload["revision"]["isLive"] is True
    assert Person.objects.get(pk=person.pk).job_title == "Poet"
    assert _log(person)[len(before) :] == ["wagtail.revert", "wagtail.publish"]


def test_revert_of_a_draft_only_person_updates_its_row(editor: Any, seeded: Any) -> None:
    person = Person(first_name="Draft", last_name="Only", job_title="One", live=False)
    person.save()
    first = person.save_revision(user=seeded.users["editor"])
    person.job_title = "Two"
    person.save()
    person.save_revision(user=seeded.users["editor"])
    payload = _payload(editor.execute(REVERT, {"id": person.pk, "revision": first.pk}))
    assert payload["errors"] == []
    assert Person.objects.get(pk=person.pk).job_title == "One"  # as the admin's form.save()


def test_editor_may_revert_but_not_revert_and_publish(editor: Any, seeded: Any) -> None:
    person = _ada()
    first = person.latest_revision_id
    _draft(person, seeded.users["editor"], "Poet")
    before = _state(person)
    payload = _payload(
        editor.execute(REVERT, {"id": person.pk, "revision": first, "action": "PUBLISH"})
    )
    assert [e["__typename"] for e in payload["errors"]] == ["PermissionDeniedError"]
    assert _state(person) == before


# ---- locks ---------------------------------------------------------------------------------


def test_lock_and_unlock_log_as_the_admin(moderator: Any, seeded: Any) -> None:
    person = _ada()
    before = _log(person)
    locked = moderator.execute(LOCK, {"id": person.pk})["lockSnippet"]
    assert locked["errors"] == []
    assert locked["snippet"]["locked"] is True
    row = Person.objects.get(pk=person.pk)
    assert (row.locked, row.locked_by_id) == (True, seeded.users["moderator"].pk)
    again = moderator.execute(LOCK, {"id": person.pk})["lockSnippet"]
    assert again["errors"] == []  # your own lock: nothing to do
    unlocked = moderator.execute(UNLOCK, {"id": person.pk})["unlockSnippet"]
    assert unlocked["errors"] == []
    assert unlocked["snippet"]["locked"] is False
    assert moderator.execute(UNLOCK, {"id": person.pk})["unlockSnippet"]["errors"] == []
    assert _log(person)[len(before) :] == ["wagtail.lock", "wagtail.unlock"]


def test_locking_what_another_user_locked_is_a_locked_error(admin: Any, seeded: Any) -> None:
    person = _ada()
    _lock(person, seeded.users["moderator"])
    before = _state(person)
    payload = _payload(admin.execute(LOCK, {"id": person.pk}))
    [error] = payload["errors"]
    assert (error["__typename"], error["code"]) == ("LockedError", "LOCKED")
    assert error["lockedBy"] == {"id": str(seeded.users["moderator"].pk)}
    assert _state(person) == before


@pytest.mark.parametrize(
    ("query", "variables"),
    [
        (PUBLISH, {}),
        (UNPUBLISH, {}),
        (REVERT, {"revision": "FIRST"}),
    ],
    ids=["publish", "unpublish", "revert"],
)
def test_writes_to_a_person_locked_by_another_user_are_locked_errors(
    admin: Any, moderator: Any, seeded: Any, query: str, variables: dict[str, Any]
) -> None:
    person = _ada()
    first = person.latest_revision_id
    _draft(person, seeded.users["editor"], "Poet")
    _lock(Person.objects.get(pk=person.pk), seeded.users["moderator"])
    variables = {k: first if v == "FIRST" else v for k, v in variables.items()}
    before = _state(person)
    payload = _payload(admin.execute(query, {"id": person.pk, **variables}))
    assert [(e["__typename"], e["lockedBy"]) for e in payload["errors"]] == [
        ("LockedError", {"id": str(seeded.users["moderator"].pk)})
    ]
    assert _state(person) == before
    owner = _payload(moderator.execute(query, {"id": person.pk, **variables}))
    assert owner["errors"] == []  # the lock owner still may


# ---- the permission matrix -------------------------------------------------------------------


class Outcome(enum.Enum):
    ALLOWED = "allowed"
    DENIED = "denied"
    UNAUTHENTICATED = "unauthenticated"


#: The example site's groups: editors may add/change/delete people; moderators may also
#: publish, lock and unlock; admin is a superuser; nobody has no permission at all.
MATRIX = {
    "publish": {"editor": False, "moderator": True, "admin": True, "nobody": False},
    "unpublish": {"editor": False, "moderator": True, "admin": True, "nobody": False},
    "revert": {"editor": True, "moderator": True, "admin": True, "nobody": False},
    "lock": {"editor": False, "moderator": True, "admin": True, "nobody": False},
    "unlock": {"editor": False, "moderator": True, "admin": True, "nobody": False},
}
QUERIES = {"publish": PUBLISH, "unpublish": UNPUBLISH, "revert": REVERT, "lock": LOCK}
QUERIES["unlock"] = UNLOCK


def _prepare(action: str, seeded: Any) -> tuple[Person, dict[str, Any]]:
    """Make the action possible: a draft to publish or revert from, a lock to remove."""
    person = _ada()
    first = person.latest_revision_id
    _draft(person, seeded.users["editor"], "Poet")
    person = Person.objects.get(pk=person.pk)
    if action == "unlock":
        locker = get_user_model().objects.create_superuser("locker", password="x")
        _lock(person, locker)
    return person, ({"revision": first} if action == "revert" else {})


def _policy_allows(action: str, user: Any, person: Person) -> bool:
    """The same question asked of Wagtail's permission policy for Person."""
    policy = policy_registry.get_by_type(Person)
    if action in ("publish", "unpublish"):
        return bool(policy.user_has_permission(user, "publish"))
    if action == "revert":
        return bool(policy.user_has_permission_for_instance(user, "change", person))
    return bool(user.is_superuser or policy.user_has_permission(user, action))


@pytest.mark.parametrize("action", list(MATRIX))
@pytest.mark.parametrize("who", ["anonymous", "nobody", "editor", "moderator", "admin"])
def test_permission_matrix(
    action: str, who: str, request: pytest.FixtureRequest, seeded: Any
) -> None:
    client: GraphQLClient = request.getfixturevalue(who)
    person, variables = _prepare(action, seeded)
    before = _state(person)
    payload = _payload(client.execute(QUERIES[action], {"id": person.pk, **variables}))
    codes = [e["code"] for e in payload["errors"]]
    if who == "anonymous":
        assert codes == ["UNAUTHENTICATED"]
        assert _state(person) == before
        return
    user = get_user_model().objects.get(username=who)
    allowed = MATRIX[action][who]
    assert _policy_allows(action, user, person) is allowed
    if allowed:
        assert codes == []
    else:
        assert codes == ["PERMISSION_DENIED"]
        assert payload["snippet"] is None
        assert _state(person) == before


#: Admin view name -> what the view changes when it is allowed.
ADMIN_VIEWS = {
    "lock": lambda person: person.locked,
    "unlock": lambda person: not person.locked,
    "unpublish": lambda person: not person.live,
}


@pytest.mark.parametrize("action", list(ADMIN_VIEWS))
@pytest.mark.parametrize("who", ["nobody", "editor", "moderator", "admin"])
def test_same_decision_as_the_admin_view(
    action: str, who: str, request: pytest.FixtureRequest, seeded: Any
) -> None:
    """POST to the snippet admin's own view as the same user: allowed there iff here."""
    request.getfixturevalue("nobody")  # creates the user
    user = get_user_model().objects.get(username=who)
    person, _ = _prepare(action, seeded)
    browser = Client()
    browser.force_login(user)
    url = reverse(f"wagtailsnippets_blog_person:{action}", args=[person.pk])
    response = browser.post(url)
    assert response.status_code == 302  # to the edit view, or to the dashboard when denied
    admin_allowed = ADMIN_VIEWS[action](Person.objects.get(pk=person.pk))
    assert admin_allowed is MATRIX[action][who]


# ---- type support --------------------------------------------------------------------------


def test_a_type_without_the_mixin_is_not_supported(seeded: Any) -> None:
    """``SnippetType`` lists types with *some* action; the others' are refused by type.

    Every type in the example site's enum (``PERSON``) has all these mixins, so the
    check is exercised directly with ``Category``, which has none.
    """
    from django.test import RequestFactory

    from wagtail_graphql_write.writes.errors.failures import NotSupported
    from wagtail_graphql_write.writes.errors.translate import translate
    from wagtail_graphql_write.writes.mutation import MutationContext
    from wagtail_graphql_write.writes.snippets.actions import _specs

    value = enum.Enum("SnippetType", {"CATEGORY": "blog.Category"}).CATEGORY
    category = Category.objects.first()
    assert category is not None
    request = RequestFactory().post("/graphql/")
    request.user = seeded.users["admin"]
    for _mixin, spec in _specs(type(value)):
        ctx = MutationContext(request, {"type": value, "id": str(category.pk)})
        with pytest.raises(NotSupported) as raised:
            spec.find(ctx)
        [error] = translate(raised.value)
        assert (type(error).__name__, error.code.name, error.path) == (
            "ValidationError",
            "NOT_SUPPORTED",
            ["type"],
        )


def test_snippet_type_lists_only_types_with_an_action(admin: Any) -> None:
    names = admin.execute('{ __type(name: "SnippetType") { enumValues { name } } }')
    assert names["__type"]["enumValues"] == [{"name": "PERSON"}]
    mutations = admin.execute("{ __schema { mutationType { fields { name } } } }")
    found = {f["name"] for f in mutations["__schema"]["mutationType"]["fields"]}
    assert {"publishSnippet", "unpublishSnippet", "revertSnippet", "lockSnippet"} <= found
    assert "unlockSnippet" in found
    # No exposed snippet of the example site is translatable.
    assert "copySnippetForTranslation" not in found

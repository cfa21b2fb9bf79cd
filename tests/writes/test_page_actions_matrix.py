"""Every page action, for every permission profile, decides as the Wagtail admin decides.

For each (action, profile) the expected decision is computed with Wagtail's own
permission API (``page.permissions_for_user(user).can_*()``, the checks the admin's
views and Wagtail's actions make) before the call; the mutation must agree. A denied
call must change nothing at all (pages, revisions, the audit log); an allowed one
must leave exactly the admin's audit-log entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import override_settings
from wagtail.models import Locale

from blog.models import BlogIndexPage
from tests.writes.page_actions_helpers import (
    PROFILES,
    add_page,
    db_state,
    fresh,
    fresh_user,
    last_log_id,
    lock,
    log_actions_since,
    profile,
    schedule,
)

I18N = {
    "WAGTAIL_I18N_ENABLED": True,
    "WAGTAIL_CONTENT_LANGUAGES": [("en", "English"), ("fr", "French")],
}


@dataclass
class Case:
    """One action: how to prepare the site, the call, Wagtail's decision, the log."""

    mutation: str
    arguments: str
    decide: Callable[[Any, dict[str, Any]], bool]
    logs: list[str]
    setup: Callable[[Any], dict[str, Any]] = lambda seeded: {}
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def target(self) -> str:
        """The page the action acts on (its ``id``): to a user who may not see it, it
        does not exist."""
        found = re.match(r'id: "\{(\w+)\.pk\}"', self.arguments)
        assert found is not None
        return found.group(1)


def hidden_from(user: Any, page: Any) -> bool:
    """A draft page is only seen by users who may edit or publish it (the read rule)."""
    tester = perms(user, page)
    return not fresh(page).live and not (tester.can_edit() or tester.can_publish())


def _posts(seeded: Any) -> dict[str, Any]:
    return {"live": fresh(seeded.posts[0]), "draft": fresh(seeded.posts[2]), "blog": seeded.index}


def _with_archive(seeded: Any) -> dict[str, Any]:
    archive = BlogIndexPage(title="Archive", slug="archive")
    return {**_posts(seeded), "archive": add_page(seeded.home, archive, seeded.users["admin"])}


def _with_new_draft(seeded: Any) -> dict[str, Any]:
    live = fresh(seeded.posts[0])
    first = live.latest_revision
    draft = live.get_latest_revision_as_object()
    draft.title = "A later draft"
    draft.save_revision(user=seeded.users["admin"])
    return {"live": live, "old": first}


def _with_alias(seeded: Any) -> dict[str, Any]:
    alias = fresh(seeded.posts[0]).create_alias(update_slug="mirror")
    return {"alias": fresh(alias)}


def _locked(seeded: Any) -> dict[str, Any]:
    live = fresh(seeded.posts[0])
    lock(live, seeded.users["admin"])
    return {"live": live}


def _scheduled(seeded: Any) -> dict[str, Any]:
    live = fresh(seeded.posts[0])
    schedule(live, seeded.users["admin"])
    return {"live": live}


def _with_french(seeded: Any) -> dict[str, Any]:
    Locale.objects.create(language_code="fr")
    return {"home": fresh(seeded.home)}


def perms(user: Any, page: Any) -> Any:
    return fresh(page).permissions_for_user(user)


CASES: dict[str, Case] = {
    "publish": Case(
        "publishPage",
        'id: "{draft.pk}"',
        lambda u, c: perms(u, c["draft"]).can_publish(),
        ["wagtail.publish"],
        _posts,
    ),
    "unpublish": Case(
        "unpublishPage",
        'id: "{live.pk}"',
        lambda u, c: perms(u, c["live"]).can_unpublish(),
        ["wagtail.unpublish"],
        _posts,
    ),
    "move": Case(
        "movePage",
        'id: "{live.pk}", destination: "{archive.pk}"',
        lambda u, c: perms(u, c["live"]).can_move_to(c["archive"]),
        ["wagtail.move"],
        _with_archive,
    ),
    "reorder": Case(
        "movePage",
        'id: "{draft.pk}", destination: "{live.pk}", position: LEFT',
        lambda u, c: (
            perms(u, c["draft"]).can_move_to(c["blog"])
            and perms(u, c["blog"]).can_reorder_children()
        ),
        ["wagtail.reorder"],
        _posts,
    ),
    "copy": Case(
        "copyPage",
        'id: "{live.pk}"',
        lambda u, c: perms(u, c["live"]).can_copy_to(c["blog"]),
        ["wagtail.create", "wagtail.copy"],
        _posts,
    ),
    "copy_keep_live": Case(
        "copyPage",
        'id: "{live.pk}", destination: "{archive.pk}", keepLive: true',
        lambda u, c: (
            perms(u, c["live"]).can_copy_to(c["archive"])
            and perms(u, c["archive"]).can_publish_subpage()
        ),
        ["wagtail.create", "wagtail.copy", "wagtail.publish"],
        _with_archive,
    ),
    "delete": Case(
        "deletePage",
        'id: "{draft.pk}"',
        lambda u, c: perms(u, c["draft"]).can_delete(),
        ["wagtail.delete"],
        _posts,
    ),
    "revert": Case(
        "revertPage",
        'id: "{live.pk}", revisionId: "{old.pk}"',
        lambda u, c: perms(u, c["live"]).can_edit(),
        ["wagtail.revert"],
        _with_new_draft,
    ),
    "revert_publish": Case(
        "revertPage",
        'id: "{live.pk}", revisionId: "{old.pk}", action: PUBLISH',
        lambda u, c: perms(u, c["live"]).can_edit() and perms(u, c["live"]).can_publish(),
        ["wagtail.revert", "wagtail.publish"],
        _with_new_draft,
    ),
    "create_alias": Case(
        "createPageAlias",
        'id: "{live.pk}", destination: "{archive.pk}"',
        lambda u, c: (
            perms(u, c["live"]).can_copy_to(c["archive"])
            and perms(u, c["archive"]).can_publish_subpage()
        ),
        ["wagtail.create", "wagtail.create_alias"],
        _with_archive,
    ),
    "convert_alias": Case(
        "convertPageAlias",
        'id: "{alias.pk}"',
        lambda u, c: perms(u, c["alias"]).can_edit(),
        ["wagtail.convert_alias"],
        _with_alias,
    ),
    "copy_for_translation": Case(
        "copyPageForTranslation",
        'id: "{home.pk}", locale: "fr"',
        lambda u, c: (
            u.has_perms(["simple_translation.submit_translation"])
            and perms(u, c["home"]).can_edit()
        ),
        ["wagtail.create", "wagtail.copy_for_translation"],
        _with_french,
        I18N,
    ),
    "lock": Case(
        "lockPage",
        'id: "{live.pk}"',
        lambda u, c: perms(u, c["live"]).can_lock(),
        ["wagtail.lock"],
        _posts,
    ),
    "unlock": Case(
        "unlockPage",
        'id: "{live.pk}"',
        lambda u, c: perms(u, c["live"]).can_unlock(),
        ["wagtail.unlock"],
        _locked,
    ),
    "cancel_schedule": Case(
        "cancelScheduledPublish",
        'id: "{live.pk}"',
        lambda u, c: perms(u, c["live"]).can_unschedule(),
        ["wagtail.schedule.cancel"],
        _scheduled,
    ),
}


def _document(case: Case, objects: dict[str, Any]) -> str:
    payload = "deletedId" if case.mutation == "deletePage" else "page { id }"
    arguments = case.arguments.format(**objects)
    return (
        f"mutation {{ {case.mutation}({arguments}) "
        f"{{ {payload} errors {{ __typename code message }} }} }}"
    )


@pytest.mark.parametrize("profile_name", list(PROFILES))
@pytest.mark.parametrize("case_name", list(CASES))
def test_permission_matrix(case_name: str, profile_name: str, seeded: Any) -> None:
    case = CASES[case_name]
    with override_settings(**case.settings):
        objects = case.setup(seeded)
        user, client = profile(profile_name, seeded)
        allowed = user is not None and bool(case.decide(fresh_user(user), objects))
        before, log_id = db_state(), last_log_id()
        payload = client.execute(_document(case, objects))[case.mutation]
    if allowed:
        assert payload["errors"] == [], payload
        assert log_actions_since(log_id) == case.logs
    else:
        [error] = payload["errors"]
        if user is None:
            expected = ("PermissionDeniedError", "UNAUTHENTICATED")
        elif hidden_from(fresh_user(user), objects[case.target]):
            expected = ("NotFoundError", "NOT_FOUND")
        else:
            expected = ("PermissionDeniedError", "PERMISSION_DENIED")
        assert (error["__typename"], error["code"]) == expected
        assert db_state() == before


@pytest.mark.parametrize("case_name", list(CASES))
def test_each_action_is_allowed_for_some_profiles_and_denied_for_others(
    case_name: str, seeded: Any
) -> None:
    """Guards the matrix against being vacuous: both outcomes occur for every action."""
    case = CASES[case_name]
    with override_settings(**case.settings):
        objects = case.setup(seeded)
        users = [profile(name, seeded)[0] for name in PROFILES if PROFILES[name] is not None]
        decisions = {bool(case.decide(fresh_user(user), objects)) for user in users}
    assert decisions == {True, False}


def test_the_matrix_covers_every_page_action(admin: Any) -> None:
    fields = admin.execute('{ __type(name: "Mutation") { fields { name } } }')["__type"]["fields"]
    actions = {
        "publishPage", "unpublishPage", "movePage", "copyPage", "deletePage", "revertPage",
        "createPageAlias", "convertPageAlias", "copyPageForTranslation", "lockPage",
        "unlockPage", "cancelScheduledPublish",
    }  # fmt: skip
    assert actions <= {f["name"] for f in fields}
    assert {case.mutation for case in CASES.values()} == actions

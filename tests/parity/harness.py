"""Run one write through the admin and through GraphQL, each on the same starting data.

Each side runs inside a savepoint that is rolled back afterwards, so both start from the
same database state (same parent, same slugs free, same existing rows) and neither sees
the other's work; what each stored is snapshotted before the rollback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.contrib.admin.utils import quote
from django.db import transaction
from django.db.models import Model
from django.urls import reverse
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Revision

from tests.parity import admin, api
from tests.parity.convert import graphql_input
from tests.parity.recording import recorded_signals
from tests.parity.snapshot import Normaliser, known_ids, log_entries, log_marker, snapshot


@dataclass(frozen=True)
class Write:
    """One write: who saves which values, with which button, creating or editing what.

    ``target`` is the object an edit changes; a create of a page has a ``parent``.
    ``values`` are what the editor enters into the admin's form as the view renders it
    (every other field is posted as shown). ``sent`` (default: ``values``) is what the
    GraphQL client sends, where a field left out keeps its value.
    """

    model: type[Model]
    user: Any
    values: Mapping[str, Any]
    action: str = "SAVE_DRAFT"
    target: Model | None = None
    parent: Page | None = None
    sent: Mapping[str, Any] | None = None

    @property
    def is_page(self) -> bool:
        return issubclass(self.model, Page)

    def admin_url(self) -> tuple[str, str]:
        """The admin view's URL and its form's id."""
        meta = self.model._meta
        if self.is_page:
            if self.target is None:
                assert self.parent is not None
                args = (meta.app_label, meta.model_name, self.parent.pk)
                return reverse("wagtailadmin_pages:add", args=args), "page-edit-form"
            return reverse("wagtailadmin_pages:edit", args=(self.target.pk,)), "page-edit-form"
        view = f"wagtailsnippets_{meta.app_label}_{meta.model_name}"
        if self.target is None:
            return reverse(f"{view}:add"), "w-editor-form"
        return reverse(f"{view}:edit", args=(quote(self.target.pk),)), "w-editor-form"

    def variables(self) -> dict[str, Any]:
        sent = self.values if self.sent is None else self.sent
        variables: dict[str, Any] = {"input": graphql_input(self.model, sent)}
        if api.takes_action(self.model):
            variables["action"] = self.action
        if self.target is not None:
            variables["id"] = str(self.target.pk)
        elif self.parent is not None:
            variables["parent"] = str(self.parent.pk)
        return variables

    def recorded_models(self) -> list[type[Model]]:
        """Whose saves are recorded: the model and its InlinePanel rows."""
        return [self.model, *(r.related_model for r in get_all_child_relations(self.model))]


@dataclass
class Outcome:
    """What one side did: fields refused, error messages shown, signals sent, state stored."""

    errors: set[str]
    signals: list[str]
    state: dict[str, Any]
    messages: list[str] = field(default_factory=list)


Perform = Callable[[Write], tuple[set[str], list[str], list[str]]]


def _isolated(write: Write, perform: Perform) -> Outcome:
    """Run ``perform`` in a savepoint, snapshot what it stored, roll it back."""
    manager = write.model._default_manager
    with transaction.atomic():
        marker = log_marker()
        known = known_ids(write.target)
        before = set(manager.values_list("pk", flat=True))
        revisions = Revision.objects.count()
        errors, messages, signals = perform(write)
        made = write.target or manager.exclude(pk__in=before).first()
        if made is None:  # nothing was created: only the log may show something
            normaliser = Normaliser(write.model, None)
            state = {
                "object": None,
                "log": log_entries(marker, normaliser),
                "revisions": Revision.objects.count() - revisions,
            }
        else:
            state = snapshot(made, marker, known)
        transaction.set_rollback(True)
    return Outcome(errors, signals, state, messages)


def _through_admin(write: Write) -> tuple[set[str], list[str], list[str]]:
    url, form_id = write.admin_url()
    client, data = admin.admin_write(
        write.user, url, form_id, write.model, write.values, write.action
    )
    with recorded_signals(write.recorded_models()) as signals:
        # Every value of every key: the test client posts only a QueryDict's last one.
        response = client.post(url, {key: data.getlist(key) for key in data})
    errors, messages = admin.admin_result(response)
    return errors, messages, signals


def _through_graphql(write: Write) -> tuple[set[str], list[str], list[str]]:
    text, mutation = api.document(write.model, creating=write.target is None)
    client = api.client_for(write.user)
    with recorded_signals(write.recorded_models()) as signals:
        response = client.post(text, write.variables())
    payload = response.data[mutation]
    return api.error_fields(payload["errors"], write.model), [], signals


def run_both(write: Write) -> tuple[Outcome, Outcome]:
    """The write through the admin, then through GraphQL, each from the same data."""
    return _isolated(write, _through_admin), _isolated(write, _through_graphql)


def differences(admin: Any, graphql: Any, path: str = "") -> list[str]:
    """Where two snapshots differ, one line per difference: path, admin's, GraphQL's."""
    if isinstance(admin, dict) and isinstance(graphql, dict):
        return [
            line
            for key in sorted(set(admin) | set(graphql), key=str)
            for line in differences(
                admin.get(key, "<missing>"), graphql.get(key, "<missing>"), f"{path}.{key}"
            )
        ]
    if isinstance(admin, list) and isinstance(graphql, list) and len(admin) == len(graphql):
        return [
            line
            for i, (a, g) in enumerate(zip(admin, graphql, strict=True))
            for line in differences(a, g, f"{path}[{i}]")
        ]
    return [] if admin == graphql else [f"{path}: admin {admin!r} != graphql {graphql!r}"]


def assert_parity(write: Write, errors: set[str]) -> tuple[Outcome, Outcome]:
    """Run ``write`` both ways and assert the admin refused exactly ``errors`` (none: it
    saved) and GraphQL did exactly what the admin did."""
    by_admin, by_graphql = run_both(write)
    assert by_admin.errors == errors, f"the admin's errors: {by_admin.errors}"
    if not errors:
        assert by_admin.messages == [], by_admin.messages
        assert by_admin.state["object"] is not None, "the admin saved nothing"
    assert by_graphql.errors == by_admin.errors, (by_admin.errors, by_graphql.errors)
    assert by_graphql.signals == by_admin.signals, (by_admin.signals, by_graphql.signals)
    assert by_graphql.state == by_admin.state, "\n".join(
        differences(by_admin.state, by_graphql.state)
    )
    return by_admin, by_graphql

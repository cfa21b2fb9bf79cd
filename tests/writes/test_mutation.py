"""``writes.mutation``: the one pipeline every mutation runs, called without HTTP.

A ``MutationSpec`` whose steps record their calls shows the contract: authenticate,
find, permission, preconditions (in the spec's order), validate, execute; a failing
step stops the ones after it and becomes the payload's errors; the whole run is one
transaction, rolled back on failure and after a dry run; an exception the error
table does not know propagates. The database is real; the steps write real rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.test import RequestFactory

from blog.models import Category
from wagtail_graphql_write.generation import errors as gql
from wagtail_graphql_write.generation.names import NameRegistry
from wagtail_graphql_write.generation.payloads import payload_type
from wagtail_graphql_write.writes.errors import failures
from wagtail_graphql_write.writes.mutation import (
    MutationContext,
    MutationSpec,
    Payload,
    run_mutation,
)

Code = gql.ErrorCode
ORDER = ["find", "permission", "lock", "revision", "validate", "execute"]


class Recorder:
    """A spec whose steps append their name to ``calls``; ``fail`` makes one raise."""

    def __init__(self, fail: dict[str, BaseException] | None = None) -> None:
        self.calls: list[str] = []
        self.seen: dict[str, Any] = {}
        self.fail = fail or {}

    def step(self, name: str, result: Callable[..., Any] | None = None) -> Callable[..., Any]:
        def run(ctx: MutationContext, *received: Any) -> Any:
            self.calls.append(name)
            self.seen[name] = received
            if name in self.fail:
                raise self.fail[name]
            return result(ctx, *received) if result else None

        return run

    def spec(self, execute: Callable[..., Any] | None = None) -> MutationSpec:
        return MutationSpec(
            name="recordThing",
            description="A mutation made of recording steps.",
            arguments=(),
            payload=Payload("thing", str, "The thing.", {"note": (str, "A note.")}),
            find=self.step("find", lambda ctx: "target"),
            permission=self.step("permission"),
            preconditions=(self.step("lock"), self.step("revision")),
            validate=self.step("validate", lambda ctx, target: f"validated {target}"),
            execute=self.step("execute", execute or (lambda ctx, validated: f"done: {validated}")),
        )


PAYLOAD = payload_type(
    NameRegistry(), "recordThing", "thing", str, "The thing.", {"note": (str, "")}
)


def _context(user: Any, **arguments: Any) -> MutationContext:
    request = RequestFactory().post("/graphql/")
    request.user = user
    return MutationContext(request, arguments)


def _run(recorder: Recorder, ctx: MutationContext, **spec: Any) -> Any:
    return run_mutation(recorder.spec(**spec), PAYLOAD, ctx)


@pytest.fixture
def user(django_user_model: Any) -> Any:
    return django_user_model.objects.create_user(username="pipeline", password="x")


def _codes(payload: Any) -> list[Code]:
    return [error.code for error in payload.errors]


# ---- order -------------------------------------------------------------------------


def test_the_steps_run_in_one_order_and_hand_on_their_results(user: Any) -> None:
    recorder = Recorder()

    payload = _run(recorder, _context(user))

    assert recorder.calls == ORDER
    assert recorder.seen["permission"] == ("target",)
    assert recorder.seen["lock"] == recorder.seen["revision"] == ("target",)
    assert recorder.seen["validate"] == ("target",)
    assert recorder.seen["execute"] == ("validated target",)
    assert (payload.thing, payload.errors) == ("done: validated target", [])


def test_an_anonymous_viewer_is_stopped_before_any_step(db: Any) -> None:
    recorder = Recorder()

    payload = _run(recorder, _context(AnonymousUser()))

    assert recorder.calls == []
    assert payload.thing is None
    assert _codes(payload) == [Code.UNAUTHENTICATED]


@pytest.mark.parametrize(
    ("failing", "exc", "code"),
    [
        ("find", failures.NotFound("No such thing.", ["id"]), Code.NOT_FOUND),
        ("permission", PermissionDenied("No."), Code.PERMISSION_DENIED),
        ("lock", failures.Locked("Locked by someone."), Code.LOCKED),
        ("revision", failures.EditConflict(None), Code.EDIT_CONFLICT),
        ("validate", failures.InvalidInput("Bad.", "invalid", ["input"]), Code.VALIDATION_FAILED),
        ("execute", failures.TreeViolation("No.", "page_type_not_allowed", ["parent"]),
         Code.PAGE_TYPE_NOT_ALLOWED),
    ],
)  # fmt: skip
def test_a_failing_step_stops_the_steps_after_it(
    user: Any, failing: str, exc: Exception, code: Code
) -> None:
    recorder = Recorder(fail={failing: exc})

    payload = _run(recorder, _context(user))

    assert recorder.calls == ORDER[: ORDER.index(failing) + 1]
    assert payload.thing is None
    assert _codes(payload) == [code]


def test_permission_denied_is_reported_before_any_precondition_runs(user: Any) -> None:
    """A viewer without permission never learns that the object is locked."""
    recorder = Recorder(fail={"permission": PermissionDenied(), "lock": failures.Locked("L.")})

    payload = _run(recorder, _context(user))

    assert "lock" not in recorder.calls
    assert _codes(payload) == [Code.PERMISSION_DENIED]


def test_preconditions_run_in_the_specs_order(user: Any) -> None:
    recorder = Recorder(
        fail={"lock": failures.Locked("L."), "revision": failures.EditConflict(None)}
    )

    payload = _run(recorder, _context(user))

    assert recorder.calls[-1] == "lock"
    assert _codes(payload) == [Code.LOCKED]


# ---- one transaction ---------------------------------------------------------------


def _create(name: str) -> Callable[..., Any]:
    def execute(ctx: MutationContext, validated: Any) -> Category:
        ctx.extra["note"] = "created"
        return Category.objects.create(name=name, slug=name.lower())

    return execute


def test_a_successful_run_commits_and_sets_the_extra_fields(user: Any) -> None:
    payload = _run(Recorder(), _context(user), execute=_create("Kept"))

    assert Category.objects.filter(name="Kept").exists()
    assert payload.thing.name == "Kept"
    assert payload.note == "created"


def test_a_dry_run_runs_every_step_and_then_rolls_back(user: Any) -> None:
    recorder = Recorder()

    payload = _run(recorder, _context(user, dry_run=True), execute=_create("Trial"))

    assert recorder.calls == ORDER
    assert payload.thing.name == "Trial"  # what would have been saved
    assert payload.errors == []
    assert not Category.objects.filter(name="Trial").exists()


def test_a_dry_runs_on_commit_callbacks_never_run(
    user: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Wagtail queues background work with ``on_commit``; a dry run must not start it."""

    def execute(ctx: MutationContext, validated: Any) -> str:
        transaction.on_commit(lambda: None)
        return "queued"

    with django_capture_on_commit_callbacks() as dry:
        _run(Recorder(), _context(user, dry_run=True), execute=execute)
    with django_capture_on_commit_callbacks() as real:
        _run(Recorder(), _context(user), execute=execute)
    assert (len(dry), len(real)) == (0, 1)


def test_a_failure_after_a_write_rolls_the_write_back(user: Any) -> None:
    """Everything is one transaction: a precondition's write is undone when a later
    step fails, and the extra payload fields set along the way are not returned."""

    def lock_and_write(ctx: MutationContext, target: Any) -> None:
        Category.objects.create(name="Half", slug="half")
        ctx.extra["note"] = "half"

    spec = Recorder(fail={"validate": failures.InvalidInput("Bad.", "invalid", ["input"])}).spec()
    spec = MutationSpec(**{**spec.__dict__, "preconditions": (lock_and_write,)})

    payload = run_mutation(spec, PAYLOAD, _context(user))

    assert _codes(payload) == [Code.VALIDATION_FAILED]
    assert payload.note is None
    assert not Category.objects.filter(name="Half").exists()


def test_an_unknown_exception_propagates_and_rolls_back(user: Any) -> None:
    """A bug is not an error payload: it surfaces (as a top-level GraphQL error)."""

    def execute(ctx: MutationContext, validated: Any) -> None:
        Category.objects.create(name="Buggy", slug="buggy")
        raise KeyError("bug")

    with pytest.raises(KeyError, match="bug"):
        _run(Recorder(), _context(user), execute=execute)
    assert not Category.objects.filter(name="Buggy").exists()


def test_the_context_keeps_only_the_arguments_that_were_sent(user: Any) -> None:
    """Inputs become dicts of the fields sent; ``dry_run`` is read from the arguments."""
    import strawberry

    @strawberry.input
    class ThingInput:
        name: str | None = strawberry.UNSET
        colour: str | None = strawberry.UNSET

    ctx = _context(user, input=ThingInput(name=None), dry_run=False)
    assert ctx.args == {"input": {"name": None}, "dry_run": False}
    assert ctx.dry_run is False
    assert _context(user).dry_run is False

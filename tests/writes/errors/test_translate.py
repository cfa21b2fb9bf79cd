"""``errors.translate``: the one table from exception class to typed ``MutationError``.

The contract: an exception is looked up along its class's MRO, so the most specific
entry wins whatever order the table was written in, a subclass of a known exception
(Wagtail's own permission errors) gets its ancestor's translation, and an exception
the table does not know is re-raised, never turned into an error payload.
"""

from __future__ import annotations

import random

import pytest
from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from wagtail.actions.copy_page import CopyPageIntegrityError
from wagtail.actions.publish_page_revision import PublishPagePermissionError
from wagtail.utils.forms import FormValidationError

from wagtail_graphql_write.generation import errors as gql
from wagtail_graphql_write.writes.errors import failures
from wagtail_graphql_write.writes.errors import translate as module
from wagtail_graphql_write.writes.errors.translate import (
    TRANSLATORS,
    Situation,
    translate,
    translator_for,
)

Code = gql.ErrorCode


def _one(exc: BaseException, situation: Situation | None = None) -> gql.MutationError:
    (error,) = translate(exc, situation)
    return error


def _summary(error: gql.MutationError) -> tuple[str, Code, list[str] | None]:
    return type(error).__name__, error.code, error.path


# ---- the lookup ---------------------------------------------------------------------


def test_every_class_in_the_table_gets_its_own_entry() -> None:
    for exc_class, translator in TRANSLATORS.items():
        assert translator_for(exc_class) is translator, exc_class


def test_the_most_specific_entry_wins_over_an_ancestors() -> None:
    """Both are ``PermissionDenied``s and both are in the table: each keeps its own code."""
    assert issubclass(failures.Unauthenticated, PermissionDenied)
    assert _one(failures.Unauthenticated()).code is Code.UNAUTHENTICATED
    assert _one(failures.ApproverCannotPublish("the page")).code is Code.APPROVER_CANNOT_PUBLISH
    assert _one(PermissionDenied("no")).code is Code.PERMISSION_DENIED


def test_a_form_validation_error_is_not_translated_as_its_parent() -> None:
    """Wagtail's ``FormValidationError`` is a Django ``ValidationError``; its own entry
    reads the form's located errors rather than the bare field names."""
    assert issubclass(FormValidationError, DjangoValidationError)
    assert translator_for(FormValidationError) is TRANSLATORS[FormValidationError]
    assert translator_for(FormValidationError) is not TRANSLATORS[DjangoValidationError]


def test_a_subclass_of_a_known_exception_gets_its_ancestors_translation() -> None:
    """Wagtail raises ``PublishPagePermissionError`` (two levels below PermissionDenied);
    the table names only ``PermissionDenied``."""
    assert PublishPagePermissionError not in TRANSLATORS
    error = _one(PublishPagePermissionError("You may not publish this page."))
    assert _summary(error) == ("PermissionDeniedError", Code.PERMISSION_DENIED, None)
    assert error.message == "You may not publish this page."


def test_a_sites_own_subclass_is_covered_too() -> None:
    class GoneAway(failures.NotFound):
        pass

    error = _one(GoneAway("No page with id 9.", ["id"]))
    assert _summary(error) == ("NotFoundError", Code.NOT_FOUND, ["id"])


def _reordered(order: str) -> dict[type[BaseException], module.Translator]:
    items = list(TRANSLATORS.items())
    if order == "reversed":
        items.reverse()
    else:
        random.Random(order).shuffle(items)
    return dict(items)


@pytest.mark.parametrize("order", ["reversed", "shuffle-1", "shuffle-2", "shuffle-3"])
def test_the_result_does_not_depend_on_the_tables_order(
    monkeypatch: pytest.MonkeyPatch, order: str
) -> None:
    """Ancestors and descendants both in the table (PermissionDenied / Unauthenticated,
    ValidationError / FormValidationError) resolve the same in any insertion order."""
    probes = [
        *TRANSLATORS,
        PublishPagePermissionError,
        failures.TreeViolation,
        failures.WorkflowStateFailure,
    ]
    before = {probe: translator_for(probe) for probe in probes}
    monkeypatch.setattr(module, "TRANSLATORS", _reordered(order))
    assert list(module.TRANSLATORS) != list(TRANSLATORS)
    assert {probe: translator_for(probe) for probe in probes} == before


# ---- unknown exceptions -------------------------------------------------------------


@pytest.mark.parametrize(
    "exc",
    [
        KeyError("bug"),
        RuntimeError("bug"),
        failures.CodedFailure("a base class nobody raises", "x", []),
    ],
    ids=["KeyError", "RuntimeError", "CodedFailure"],
)
def test_an_unknown_exception_is_re_raised_not_swallowed(exc: Exception) -> None:
    """``CodedFailure`` is only a base: its subclasses are in the table, it is not."""
    assert translator_for(type(exc)) is None
    with pytest.raises(type(exc)) as raised:
        translate(exc, Situation())
    assert raised.value is exc


def test_a_sibling_of_a_known_class_is_not_covered_by_it() -> None:
    """``CopyPageIntegrityError`` is a ``RuntimeError``; other RuntimeErrors are bugs."""
    assert translator_for(CopyPageIntegrityError) is not None

    class Other(RuntimeError):
        pass

    assert translator_for(Other) is None


# ---- what some entries make --------------------------------------------------------


def test_a_model_validation_error_points_at_camel_case_input_paths() -> None:
    exc = DjangoValidationError(
        {
            "seo_title": [DjangoValidationError("Too long.", code="max_length")],
            "__all__": [DjangoValidationError("Go-live must be before expiry.")],
        }
    )
    errors = translate(exc, Situation())
    assert [(e.path, e.validation_code, e.message) for e in errors] == [
        (["input", "seoTitle"], "max_length", "Too long."),
        (["input"], "invalid", "Go-live must be before expiry."),
    ]
    assert {e.code for e in errors} == {Code.VALIDATION_FAILED}


def test_errors_are_located_under_the_situations_root() -> None:
    exc = DjangoValidationError({"title": [DjangoValidationError("Required.", code="required")]})
    (error,) = translate(exc, Situation(root=("input", "authors", "0")))
    assert error.path == ["input", "authors", "0", "title"]


def test_coded_failures_keep_their_code_and_path() -> None:
    tree = _one(failures.TreeViolation("Not here.", "page_type_not_allowed", ["parent"]))
    state = _one(failures.StateViolation("Not live.", "not_live", ["id"]))
    assert _summary(tree) == ("TreeError", Code.PAGE_TYPE_NOT_ALLOWED, ["parent"])
    assert _summary(state) == ("StateError", Code.NOT_LIVE, ["id"])


def test_wagtails_own_tree_exceptions_point_at_the_argument_they_concern() -> None:
    error = _one(CopyPageIntegrityError("You cannot copy a tree branch recursively into itself"))
    assert _summary(error) == ("TreeError", Code.COPY_INTO_DESCENDANT, ["destination"])


def test_a_permission_error_without_a_message_gets_one() -> None:
    assert _one(PermissionDenied()).message == "You do not have permission to do this."

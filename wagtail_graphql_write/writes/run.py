"""Run one mutation atomically and turn expected failures into payload errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.http import HttpRequest

from wagtail_graphql_write.writes.failures import Unauthenticated
from wagtail_graphql_write.writes.forms import FormBinding
from wagtail_graphql_write.writes.translate import translate


class MutationContext:
    """What a resolver learns while it works that error translation needs later."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.form: Any = None
        self.binding: FormBinding = FormBinding()
        #: Extra payload fields the work sets on success, e.g. ``{"revision": rev}``.
        self.extra: dict[str, Any] = {}

    def use_form(self, form: Any, binding: FormBinding) -> None:
        """Remember the bound form: its errors and the input warnings go in the payload."""
        self.form = form
        self.binding = binding

    @property
    def user(self) -> Any:
        return self.request.user

    def require_user(self) -> Any:
        if not self.user.is_authenticated:
            raise Unauthenticated()
        return self.user


def run_mutation(
    request: HttpRequest,
    payload_class: type,
    object_field: str,
    work: Callable[[MutationContext], Any],
    *,
    dry_run: bool = False,
) -> Any:
    """Run ``work`` in a transaction; on an expected failure roll back and report it.

    ``work`` returns the object for the payload's ``object_field``. Any error means the
    whole transaction is rolled back, so a failed mutation never saves part of itself.
    A dry run does all the work (every check, validation and action) and then rolls
    back, so the payload shows exactly what would have been saved; ``on_commit``
    callbacks (Wagtail's background tasks) never run for it.
    """
    context = MutationContext(request)
    with transaction.atomic():
        try:
            result = work(context)
        except Exception as exc:  # translate() re-raises what it does not know
            errors = translate(exc, form=context.form, positions=context.binding.positions)
            transaction.set_rollback(True)
            return payload_class(
                **{object_field: None}, errors=errors, warnings=context.binding.warnings
            )
        if dry_run:
            transaction.set_rollback(True)
    return payload_class(
        **{object_field: result}, **context.extra, errors=[], warnings=context.binding.warnings
    )

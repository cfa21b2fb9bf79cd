"""What the page mutations share: the ``id`` argument, finding the page, permission
steps and the payload shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import strawberry
from django.core.exceptions import PermissionDenied

from wagtail_graphql_write.generation import interfaces, names
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.generation.revisions import PageRevision
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.errors.failures import TreeViolation
from wagtail_graphql_write.writes.guards import ensure_unlocked, revision_of
from wagtail_graphql_write.writes.mutation import Argument, MutationContext, Payload, Step
from wagtail_graphql_write.writes.targets import locked_page

PAGE_REFERENCE = 'an id, or a URL path like "/blog/"'

#: The ``id`` argument every page action takes.
PAGE_ID = Argument("id", argument(strawberry.ID, f"The page: {PAGE_REFERENCE}."), REQUIRED)


def find_page(ctx: MutationContext) -> Any:
    """The page named by ``id``, its row locked for the transaction (``find`` step)."""
    return locked_page(ctx.request, ctx.args["id"], ["id"])


def page_payload(
    description: str = "The page after the action, in its latest version.",
    revision: str | None = None,
) -> Payload:
    """``{page, errors, warnings}``, plus ``revision`` when the action makes or publishes one."""
    extra = {"revision": (PageRevision, revision)} if revision else {}
    return Payload("page", interfaces.Page, description, extra)


DELETED_PAYLOAD = Payload("deleted_id", strawberry.ID, "The id of the deleted page.")


def allowed(
    question: Callable[[Any], bool], message: str, error: type[Exception] = PermissionDenied
) -> Step:
    """A permission step asking Wagtail's ``PagePermissionTester`` one question."""

    def check(ctx: MutationContext, page: Any) -> None:
        if not question(page.permissions_for_user(ctx.user)):
            raise error(message)

    return check


def unlocked(ctx: MutationContext, page: Any) -> None:
    """The lock precondition: a page locked for the viewer is a ``LockedError``."""
    ensure_unlocked(page, ctx.user)


def page_revision(page: Any, revision_id: Any) -> Any:
    """One of ``page``'s revisions; another page's revision id is simply not found."""
    return revision_of(page, revision_id, f"Page {page.pk}")


def page_type_not_allowed(
    model: Any, parent: Any, argument_name: str, verb: str = "created"
) -> TreeViolation:
    """The tree refuses ``model`` under ``parent`` (create, copy and move say it alike)."""
    return TreeViolation(
        f"A {names.type_name(model)} cannot be {verb} under "
        f"{names.type_name(parent.specific_class)} {parent.pk}.",
        "page_type_not_allowed",
        [argument_name],
    )

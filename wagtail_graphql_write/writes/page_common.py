"""What the generic page actions share: finding their pages, checks, and the field builder.

Each action is declared as an ``ActionSpec`` (name, arguments, the function doing the
work); ``action_field`` turns a spec into a mutation with a ``<Name>Payload``, so every
page action gets the same payload shape, the same transaction (``run_mutation``) and
the same error translation without repeating the Strawberry plumbing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import strawberry
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from strawberry.types import Info
from strawberry.types.field import StrawberryField
from wagtail.coreutils import find_available_slug
from wagtail.models import Page as PageModel

from wagtail_graphql_write.access.pages import page_by_reference
from wagtail_graphql_write.generation import interfaces
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import (
    argument,
    payload_type,
    resolver_with_signature,
)
from wagtail_graphql_write.generation.revisions import PageRevision
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.failures import InvalidInput, InvalidInputs, NotFound
from wagtail_graphql_write.writes.guards import lock_row, revision_of
from wagtail_graphql_write.writes.pages import find_page
from wagtail_graphql_write.writes.run import MutationContext, run_mutation

PAGE_REFERENCE = 'an id, or a URL path like "/blog/"'

#: The ``id`` argument every page action takes.
PAGE_ID = ("id", argument(strawberry.ID, f"The page: {PAGE_REFERENCE}."), REQUIRED)


def flag(name: str, description: str) -> tuple[str, Any, Any]:
    """A ``Boolean! = false`` argument."""
    return (name, argument(bool, description), False)


def optional(name: str, annotation: Any, description: str) -> tuple[str, Any, Any]:
    """A nullable argument that defaults to null."""
    return (name, argument(annotation | None, description), None)


@dataclass(frozen=True)
class ActionSpec:
    """One page action mutation: its GraphQL name, arguments and the work it does.

    ``work(ctx, **arguments)`` returns the payload's object (a page, or the deleted
    id when ``object_field`` is ``deleted_id``); it may put the revision it made or
    published in ``ctx.extra["revision"]`` when ``revision`` describes that field.
    """

    name: str
    description: str
    params: Sequence[tuple[str, Any, Any]]
    work: Callable[..., Any]
    object_description: str = "The page after the action, in its latest version."
    object_field: str = "page"
    revision: str | None = None


def action_field(gen: TypeGenerator, spec: ActionSpec) -> StrawberryField:
    """The mutation field for ``spec``: payload type, resolver signature and transaction."""
    extra = {"revision": (PageRevision, spec.revision)} if spec.revision else None
    object_type = strawberry.ID if spec.object_field == "deleted_id" else interfaces.Page
    payload = payload_type(
        gen.names, spec.name, spec.object_field, object_type, spec.object_description, extra
    )

    def resolve(info: Info, **kwargs: Any) -> Any:
        return run_mutation(
            info.context.request,
            payload,
            spec.object_field,
            lambda ctx: spec.work(ctx, **kwargs),
            dry_run=bool(kwargs.get("dry_run")),
        )

    resolver = resolver_with_signature(spec.name, resolve, spec.params, payload)
    return strawberry.mutation(resolver=resolver, name=spec.name, description=spec.description)


def target_page(ctx: MutationContext, reference: str, path: Sequence[str] = ("id",)) -> Any:
    """The page an action changes, by id or URL path, its row locked for the transaction.

    Locking the row makes checks such as ``expectedRevisionId`` and "is it locked"
    race-safe: a concurrent writer waits until this mutation commits or rolls back.
    """
    found = page_by_reference(ctx.request, reference)
    if found is None:
        raise NotFound(f"No page matches {reference!r}.", path)
    return lock_row(PageModel, found.pk, list(path))


def other_page(ctx: MutationContext, reference: str | None, path: str) -> Any:
    """A page named by another argument (a destination), or ``None`` when not sent."""
    if reference is None:
        return None
    return find_page(ctx.request, reference, [path])


def page_revision(page: Any, revision_id: Any) -> Any:
    """One of ``page``'s revisions; another page's revision id is simply not found."""
    return revision_of(page, revision_id, f"Page {page.pk}")


def new_slug(parent: Any, source: Any, slug: str | None) -> str:
    """The slug for a copy or alias under ``parent``, checked as the admin's copy form does.

    Not sent: the source's slug, numbered if taken (``hello-2``), as Wagtail's API v3
    does. Sent: it must be a valid slug and free under ``parent``.
    """
    if slug is None:
        return str(find_available_slug(parent, source.slug))
    allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    try:
        forms.SlugField(allow_unicode=allow_unicode).clean(slug)
    except forms.ValidationError as exc:
        raise InvalidInput(exc.messages[0], exc.error_list[0].code or "invalid", ["slug"]) from exc
    if parent.get_children().filter(slug=slug).exists():
        message = f"The slug {slug!r} is already in use under page {parent.pk}."
        raise InvalidInput(message, "slug_in_use", ["slug"])
    return slug


def new_title(title: str | None, source: Any) -> str:
    """The title for a copy: the source's, or the one sent if the title field accepts it."""
    if title is None:
        return str(source.title)
    try:
        return str(PageModel._meta.get_field("title").formfield().clean(title))
    except forms.ValidationError as exc:
        raise InvalidInput(exc.messages[0], exc.error_list[0].code or "invalid", ["title"]) from exc


@contextmanager
def validation_errors_at(path: Sequence[str]) -> Iterator[None]:
    """Report a model validation error raised inside a Wagtail action at an argument.

    Actions such as revert or move run ``full_clean`` on the page; their errors name
    model fields, not mutation arguments, so they point at the argument that chose
    the content (``["revisionId"]``, ``["id"]``) and keep Wagtail's message and code.
    """
    try:
        yield
    except DjangoValidationError as exc:
        found: list[tuple[str, DjangoValidationError]] = (
            [(name, e) for name, errors in exc.error_dict.items() for e in errors]
            if hasattr(exc, "error_dict")
            else [("", e) for e in exc.error_list]
        )
        raise InvalidInputs(
            [
                InvalidInput(
                    f"{name}: {' '.join(error.messages)}" if name else " ".join(error.messages),
                    error.code or "invalid",
                    path,
                )
                for name, error in found
            ]
        ) from exc

"""Finding the objects a mutation names, by the read rules: the pipeline's "find" step.

An object the viewer may not see (``access.visibility``) is ``NotFound`` with the
same message as an id that matches nothing, so writes reveal no more than reads do.
The object a mutation changes is fetched with its row locked until the transaction
ends, so that checks such as ``expectedRevisionId`` and "is it locked" are race-safe.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.http import HttpRequest
from wagtail.models import Page

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.access.pages import page_by_reference
from wagtail_graphql_write.access.visibility import is_visible
from wagtail_graphql_write.writes.errors.failures import NotFound


def _base_model(model: type[Model]) -> type[Model]:
    """The topmost table of a multi-table model (``Page`` for every page type).

    Every mutation locks the same row first, whatever class it starts from: locking
    ``BlogPage`` would lock its own row and the ``wagtailcore_page`` row in one
    statement, in no set order, and deadlock against a mutation that locked the page
    row and then saves the ``BlogPage`` row.
    """
    parents = [parent for parent in model._meta.get_parent_list() if not parent._meta.proxy]
    if parents:
        return parents[-1]
    return model._meta.concrete_model or model


def _missing(model: type[Model], value: Any, path: list[str]) -> NotFound:
    return NotFound(f"No {model._meta.verbose_name} has id {value!r}.", path)


def locked_object(request: HttpRequest, model: type[Model], value: Any, path: list[str]) -> Any:
    """The ``model`` object with id ``value``, its row locked, if the viewer may see it.

    (SQLite locks the whole database for writes instead, with the same effect.)
    """
    pk = parse_id(value)
    base = _base_model(model)
    found = base._default_manager.select_for_update().filter(pk=pk).first() if pk else None
    specific = getattr(found, "specific", found)
    if not isinstance(specific, model) or not is_visible(request, specific):
        raise _missing(model, value, path)
    return specific


def _page_missing(reference: Any, path: list[str]) -> NotFound:
    return NotFound(f"No page matches {reference!r}.", path)


def visible_page(request: HttpRequest, reference: Any, path: list[str]) -> Page:
    """A page by id or URL path (``"/blog/"``) that the viewer may see, else ``NotFound``."""
    page = page_by_reference(request, reference)
    if page is None or not is_visible(request, page):
        raise _page_missing(reference, path)
    return page.specific


def locked_page(request: HttpRequest, reference: Any, path: list[str]) -> Any:
    """``visible_page``, its row locked for the transaction."""
    page = page_by_reference(request, reference)
    if page is None:
        raise _page_missing(reference, path)
    try:
        return locked_object(request, Page, page.pk, path)
    except NotFound:
        raise _page_missing(reference, path) from None


def optional_page(request: HttpRequest, reference: Any, path: list[str]) -> Page | None:
    """A page named by an optional argument (a destination), or ``None`` when not sent."""
    return None if reference is None else visible_page(request, reference, path)

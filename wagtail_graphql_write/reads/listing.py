"""What every list read shares: paging, sort keys, search, and its argument errors.

A list is a queryset the viewer may read, already filtered; this module orders it,
searches it with the site's search backend and cuts the page out of it, the same way
for ``pages``, the ``Page`` interface's lists and snippet lists.

Arguments that cannot be honoured (``RANDOM`` with ``offset``, a page type's sort key
on a list of several types, a search on a disabled backend ...) raise
``ReadArgumentError``: a GraphQL error with ``extensions.code`` ``BAD_USER_INPUT``
and the argument's name, as Apollo Server reports a bad argument. It is a client's
mistake, so it is shown as it is and never masked (``reporting.py``).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import F, Model, QuerySet
from graphql import GraphQLError
from modelsearch.backends.base import FilterFieldError, OrderByFieldError
from strawberry import UNSET
from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.listing import FilterField, FilterInput, SearchOperator

#: ``extensions.code`` of an argument a read cannot honour.
BAD_USER_INPUT = "BAD_USER_INPUT"


class ReadArgumentError(GraphQLError):
    """A read's arguments are invalid or contradict each other (see the module docstring)."""

    def __init__(self, message: str, argument: str) -> None:
        super().__init__(message, extensions={"code": BAD_USER_INPUT, "argument": argument})


def plain_text(value: str, argument: str) -> str:
    """``value``, refused if it holds a NUL character, which no database column can store
    (PostgreSQL rejects the whole query)."""
    if "\x00" in value:
        raise ReadArgumentError(f"`{argument}` cannot contain NUL characters.", argument)
    return value


def window(offset: int, limit: int | None) -> tuple[int, int]:
    """``(start, size)``: ``limit`` defaults to ``DEFAULT_LIMIT`` and is capped at ``MAX_LIMIT``."""
    conf = get_settings()
    size = min(max(limit if limit is not None else conf["DEFAULT_LIMIT"], 0), conf["MAX_LIMIT"])
    return max(offset, 0), size


@dataclass(frozen=True)
class Search:
    """A ``search`` argument and its ``searchOperator``; ``text`` is never blank."""

    text: str
    operator: SearchOperator | None


#: Most words a search may have: each is one more nested SQL expression in the database
#: backends, and a few hundred exhaust Python's recursion limit.
MAX_SEARCH_WORDS = 32


def search_argument(text: str | None, operator: SearchOperator | None) -> Search | None:
    """The search to run, or ``None``: a blank ``search`` (an empty search box) is none.

    Double quotes are word separators to every backend's tokenizer, but the SQLite
    backend puts each word in double quotes without escaping them (a syntax error),
    so they are read as the spaces they are.
    """
    if text is None:
        if operator is not None:
            raise ReadArgumentError("`searchOperator` needs a `search`.", "searchOperator")
        return None
    words = plain_text(text, "search").replace('"', " ").split()
    if len(words) > MAX_SEARCH_WORDS:
        raise ReadArgumentError(
            f"`search` has {len(words)} words; at most {MAX_SEARCH_WORDS} are searched.",
            "search",
        )
    return Search(" ".join(words), operator) if words else None


def sort_keys(
    keys: Sequence[enum.Enum] | None,
    model: type[Model] | None,
    offset: int,
    searching: bool,
) -> list[Any]:
    """``order_by`` arguments for ``keys`` (enum values whose value is a ``SortKey``).

    ``model`` is the one type a page list is of, if any: a page type's own key needs
    it. Rows without a value come last in both directions, on every database; the id
    breaks ties, so that paging through a list never shows a row twice.
    """
    if not keys:
        return []
    if any(key.value.random for key in keys):
        _check_random(keys, offset, searching)
        return ["?"]
    order: list[Any] = []
    seen: set[str] = set()
    for key in keys:
        sort = key.value
        if sort.column in seen:
            raise ReadArgumentError(
                f"{key.name} sorts by a field an earlier key sorts by already.", "order"
            )
        seen.add(sort.column)
        if sort.model is not None and not (model is not None and issubclass(model, sort.model)):
            type_value = names.type_enum_value(sort.model)
            raise ReadArgumentError(
                f"{key.name} sorts by a field of {names.type_name(sort.model)}: "
                f"list only that type with `type: [{type_value}]`.",
                "order",
            )
        column = F(sort.column)
        order.append(
            column.desc(nulls_last=True) if sort.descending else column.asc(nulls_last=True)
        )
    if not any(key.value.column in ("id", "pk") for key in keys):
        order.append(F("pk").asc())
    return order


def _check_random(keys: Sequence[enum.Enum], offset: int, searching: bool) -> None:
    if len(keys) > 1:
        raise ReadArgumentError("RANDOM cannot be combined with other sort keys.", "order")
    if offset:
        raise ReadArgumentError(
            "RANDOM order cannot be paged: every request draws anew, so leave out `offset`.",
            "order",
        )
    if searching:
        raise ReadArgumentError(
            "RANDOM order cannot be combined with `search`, which orders by relevance.", "order"
        )


def _searchable(queryset: QuerySet[Any], model: type[Model]) -> QuerySet[Any]:
    """The rows of ``queryset``, in a form the search backend accepts whatever its filters.

    Search backends refuse a queryset filtered on a column they have not indexed
    (``index.FilterField``). Filtered by primary key only, every filter of ours
    (visibility, tree, fields, tags) works with search. Page models index ``id``
    (Wagtail's ``Page.search_fields``); page subclasses' keys point at it, which
    backends accept. Other models keep their filters, which must then be indexed.
    """
    pk = model._meta.pk
    fields = cast(Any, model).get_filterable_search_fields()
    indexed = {f.get_attname(model) for f in fields}
    if pk is not None and (pk.attname in indexed or pk.attname.endswith("_ptr_id")):
        return model._default_manager.filter(pk__in=queryset.values("pk"))
    return queryset


def search(queryset: QuerySet[Any], query: Search, order: list[Any], specific: bool = False) -> Any:
    """``queryset`` searched with the site's backend, by relevance unless ``order`` is given.

    Returns the backend's results, which count and slice like a queryset.
    """
    if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
        raise ReadArgumentError(
            "Search is disabled on this site (WAGTAILAPI_SEARCH_ENABLED).", "search"
        )
    model = queryset.model
    candidates = _searchable(queryset, model).order_by(*order)
    if specific:
        candidates = candidates.specific()  # type: ignore[attr-defined]
    operator = query.operator.value if query.operator is not None else None
    try:
        return get_search_backend().search(
            query.text, candidates, operator=operator, order_by_relevance=not order
        )
    except (FilterFieldError, OrderByFieldError) as error:
        kind = "filtered" if isinstance(error, FilterFieldError) else "sorted"
        raise ReadArgumentError(
            f"{names.type_name(model)} search results cannot be {kind} by "
            f"{error.field_name!r}: it is not indexed (index.FilterField in search_fields).",
            "search",
        ) from error


def find_locale(code: str) -> Locale:
    """The locale a ``locale`` argument names by language code."""
    locale = Locale.objects.filter(language_code=plain_text(code, "locale")).first()
    if locale is None:
        raise ReadArgumentError(f"No locale has the language code {code!r}.", "locale")
    return locale


#: Most tags one filter may name: each is a join, and SQLite joins at most 64 tables.
MAX_FILTER_TAGS = 20


def exact_matches(queryset: Any, value: Any, spec: FilterInput) -> Any:
    """``queryset`` less the rows a ``<Type>Filter`` value does not match.

    A field not sent does not filter; ``null`` matches an empty (NULL) column; tags
    keep the rows that have every tag given, as REST v2's ``?tags=a,b``.
    """
    for entry in spec.fields:
        given = getattr(value, entry.python_name, UNSET)
        if given is UNSET:
            continue
        if entry.tags:
            for tag in _tags(given or ()):
                queryset = queryset.filter(**{f"{entry.column}__name": tag})
            continue
        if given is None:
            queryset = queryset.filter(**{f"{entry.column}__isnull": True})
            continue
        if isinstance(given, enum.Enum):
            given = given.value
        queryset = queryset.filter(**{entry.column: _storable(queryset.model, entry, given)})
    return queryset


def _tags(tags: Sequence[str]) -> list[str]:
    distinct = list(dict.fromkeys(plain_text(tag, "filter") for tag in tags))
    if len(distinct) > MAX_FILTER_TAGS:
        raise ReadArgumentError(
            f"A filter names {len(distinct)} tags; at most {MAX_FILTER_TAGS} are allowed.",
            "filter",
        )
    return distinct


def _storable(model: type[Model], entry: FilterField, value: Any) -> Any:
    """``value``, if the column can hold it: otherwise the database would fail the query
    (a ``Decimal`` beyond the field's digits, ``NaN``, a NUL character)."""
    if isinstance(value, str):
        plain_text(value, "filter")
    field = model._meta.get_field(entry.column)
    try:
        field.get_db_prep_value(value, connection, prepared=False)  # type: ignore[union-attr]
    except (ValueError, TypeError, ArithmeticError, ValidationError) as error:
        name = names.field_name(entry.python_name)
        raise ReadArgumentError(
            f"`filter.{name}`: {value!r} is not a value this field can hold.", "filter"
        ) from error
    return value

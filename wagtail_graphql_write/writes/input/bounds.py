"""How big one mutation's input may be, checked before any step touches the database.

A list input costs work per item, and some of that work is worse than linear (the
admin form binds every row and block; rows and blocks nest). One bound,
``MAX_INPUT_ITEMS``, applies to every list of an input, each on its own and all
together, so that nesting cannot multiply it. Depth needs no bound of its own: input
types mirror the models' blocks, which cannot nest themselves, so the schema bounds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation.names import field_name
from wagtail_graphql_write.writes.errors.failures import InputErrors, InvalidInput

TOO_MANY_ITEMS = "too_many_items"


def _too_many(what: str, limit: int, path: list[str]) -> InvalidInput:
    message = f"{what}; at most {limit} are allowed (MAX_INPUT_ITEMS)."
    return InvalidInput(message, TOO_MANY_ITEMS, path)


def check_input_size(arguments: Mapping[str, Any]) -> None:
    """Raise ``InputErrors`` at each list over ``MAX_INPUT_ITEMS``, and at the list where
    all lists together pass it (in input order; once).

    ``arguments`` are the mutation's arguments as plain dicts and lists
    (``input_to_dict``). The walk uses an explicit stack, not recursion, and does not
    enter a list it refused.
    """
    limit = get_settings()["MAX_INPUT_ITEMS"]
    problems: list[InvalidInput] = []
    total = 0
    together_reported = False
    stack: list[tuple[list[str], Any]] = [
        ([field_name(key)], value) for key, value in reversed(list(arguments.items()))
    ]
    while stack:
        path, value = stack.pop()
        if isinstance(value, Mapping):
            items = reversed(list(value.items()))
            stack.extend(([*path, field_name(str(key))], item) for key, item in items)
            continue
        if not isinstance(value, list):
            continue
        if len(value) > limit:
            problems.append(_too_many(f"This list has {len(value)} items", limit, path))
            continue
        total += len(value)
        if total > limit and not together_reported:
            together_reported = True
            what = f"The lists of this input have more than {limit} items together"
            problems.append(_too_many(what, limit, path))
            continue
        nested = [(i, item) for i, item in enumerate(value) if isinstance(item, Mapping | list)]
        stack.extend(([*path, str(i)], item) for i, item in reversed(nested))
    if problems:
        raise InputErrors(problems)

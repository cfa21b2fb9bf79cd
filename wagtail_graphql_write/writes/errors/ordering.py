"""Errors in input order: the order of the fields and list items the client sent.

A bound form reports its own fields first, then its formsets, and values rejected
while binding come before both; a client showing errors next to its fields wants
them in the order of the input instead.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from wagtail_graphql_write.generation.names import field_name

#: Position given to a path part the input does not contain (a field that was not
#: sent): after everything that was sent, keeping the form's own order among them.
UNSENT = 10**9


def _position(node: Any, part: str) -> tuple[int, Any]:
    """The position of ``part`` in ``node`` and the value found there."""
    if isinstance(node, Mapping):
        for index, key in enumerate(node):
            if key == part or field_name(str(key)) == part:
                return index, node[key]
    elif isinstance(node, Sequence) and not isinstance(node, str) and part.isdigit():
        index = int(part)
        if index < len(node):
            return index, node[index]
    return UNSENT, None


def input_position(
    payload: Any, root: Sequence[str], path: Sequence[str] | None
) -> tuple[int, ...]:
    """A sort key for an error at ``path``, walking ``payload`` (the input at ``root``)."""
    parts = list(path or [])
    if parts[: len(root)] != list(root):
        return (UNSENT,)
    key: list[int] = []
    node = payload
    for part in parts[len(root) :]:
        index, node = _position(node, part)
        key.append(index)
    return tuple(key)


def in_input_order(errors: list[Any], payload: Any, root: Sequence[str]) -> list[Any]:
    """``errors`` sorted by where their paths point in ``payload`` (a stable sort)."""
    if payload is None:
        return errors
    return sorted(errors, key=lambda error: input_position(payload, root, error.path))

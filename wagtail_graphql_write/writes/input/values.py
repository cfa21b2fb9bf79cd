"""Strawberry input objects -> plain dicts of only the fields the client sent."""

from __future__ import annotations

import dataclasses
from typing import Any

import strawberry


def input_to_dict(value: Any) -> Any:
    """Recursively convert inputs, dropping ``UNSET`` fields so "not sent" stays absent."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: input_to_dict(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if getattr(value, f.name) is not strawberry.UNSET
        }
    if isinstance(value, list):
        return [input_to_dict(item) for item in value]
    return value

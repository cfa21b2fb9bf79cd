"""Scalars whose parsing is stricter than Strawberry's, for what databases can store.

``DateTime`` accepts any ISO 8601 moment, but ``9999-12-31T23:59:59-14:00`` lies after
the last moment Python (and every database) can hold in UTC: converting it for a
query or a save raised ``OverflowError`` deep in Django. Refused while the variable or
literal is parsed, it is a plain input error at the argument instead. Same name,
description and format as Strawberry's own scalar, so the SDL does not change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.conf import settings
from django.utils import timezone
from strawberry.schema.types.base_scalars import DateTimeDefinition, wrap_parser
from strawberry.types.scalar import ScalarDefinition


def _storable_datetime(value: str) -> dt.datetime:
    """Strawberry's parser, plus a check that the moment exists in UTC."""
    parsed = DateTimeDefinition.parse_value(value)  # type: ignore[misc]
    try:
        if parsed.tzinfo is not None:
            parsed.astimezone(dt.UTC)
        elif settings.USE_TZ:
            timezone.make_aware(parsed).astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("it is outside the range of dates that can be stored") from None
    return parsed


STORABLE_DATETIME: ScalarDefinition = dataclasses.replace(
    DateTimeDefinition, parse_value=wrap_parser(_storable_datetime, "DateTime")
)

#: ``StrawberryConfig.scalar_map`` for every schema this package builds.
SCALAR_MAP: dict[object, ScalarDefinition] = {dt.datetime: STORABLE_DATETIME}

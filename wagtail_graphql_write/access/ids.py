"""Object ids as clients send them: ASCII digits within the database's integer range.

``str.isdigit`` accepts superscripts and other scripts' digits (Arabic-Indic ones, for
one), which Django either rejects with an exception or, worse, converts to another id;
every id a client sends is read here instead, and anything else matches nothing.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Model

_DIGITS = re.compile(r"[0-9]{1,19}")

#: The largest value of a 64-bit signed integer column (Django's ``BigAutoField``).
MAX_ID = 2**63 - 1


def parse_id(value: object) -> int | None:
    """The integer id ``value`` spells, or ``None`` if it is not one."""
    text = str(value) if value is not None else ""
    if not _DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def parse_pk(model: type[Model], value: object) -> Any:
    """``value`` as a primary key of ``model``, or ``None`` if it cannot be one.

    Integer keys are read by ``parse_id``; other key types (a custom user model's UUID,
    say) by the field's own ``to_python``, whose errors mean "no such object".
    """
    field = model._meta.pk
    assert field is not None
    if field.get_internal_type() in _INTEGER_KEYS:
        return parse_id(value)
    try:
        return field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        return None


_INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField"}

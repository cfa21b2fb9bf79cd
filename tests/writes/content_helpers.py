"""Comparing stored content across a save that went through the admin's form.

The first time content passes through the admin's form (in the admin as through this
API), Wagtail completes it: Draftail gives every rich text paragraph a
``data-block-key``, and StreamField blocks that had no id get one. Text, markup,
values and existing ids are kept; content a form has saved once stays as it is. An
InlinePanel row without a ``sort_order`` gets its position.
"""

from __future__ import annotations

import json
import re
from typing import Any

_BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


def without_block_keys(html: str) -> str:
    """Rich text HTML with Draftail's paragraph keys removed."""
    return _BLOCK_KEY.sub("", html)


def same_content(before: Any, after: Any, where: str = "") -> None:
    """Assert that ``after`` is ``before`` as completed by a first save through a form:
    equal but for new paragraph keys and new ids where there were none."""
    if isinstance(before, str) and isinstance(after, str):
        if before.startswith("[{"):  # a StreamField, serialised in revision content
            same_content(json.loads(before), json.loads(after), where)
            return
        assert without_block_keys(after) == without_block_keys(before), where
    elif isinstance(before, dict) and isinstance(after, dict):
        added = set(after) - set(before)
        assert added <= {"id"}, f"{where}: new keys {added}"
        assert set(before) <= set(after), f"{where}: lost keys {set(before) - set(after)}"
        for key in before:
            if key == "sort_order" and before[key] is None:
                continue  # numbered by position, which the list comparison checks
            same_content(before[key], after[key], f"{where}.{key}")
    elif isinstance(before, list) and isinstance(after, list):
        assert len(after) == len(before), where
        for index, (old, new) in enumerate(zip(before, after, strict=True)):
            same_content(old, new, f"{where}[{index}]")
    else:
        assert json.dumps(after) == json.dumps(before), where

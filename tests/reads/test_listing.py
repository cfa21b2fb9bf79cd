"""``reads.listing`` on its own: what the GraphQL types cannot already refuse."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from blog.models import BlogPage
from wagtail_graphql_write.generation.listing import FilterField, FilterInput
from wagtail_graphql_write.reads.listing import ReadArgumentError, exact_matches

DATE_FILTER = FilterInput(input_type=object, model=BlogPage, fields=(FilterField("date", "date"),))


@pytest.mark.django_db
def test_a_value_the_column_cannot_hold_is_an_argument_error() -> None:
    """A converter's value reaches the column only if the column can hold it (a Decimal
    beyond a field's digits or NaN would otherwise fail the query)."""
    with pytest.raises(ReadArgumentError, match="'2025-13-45' is not a value") as refused:
        exact_matches(BlogPage.objects.all(), SimpleNamespace(date="2025-13-45"), DATE_FILTER)
    assert refused.value.extensions == {"code": "BAD_USER_INPUT", "argument": "filter"}


@pytest.mark.django_db
def test_a_value_the_column_can_hold_filters(seeded: Any) -> None:
    matched = exact_matches(BlogPage.objects.all(), SimpleNamespace(date="2025-01-15"), DATE_FILTER)
    assert list(matched) == [seeded.posts[0]]

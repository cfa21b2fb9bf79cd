"""Every ID argument of every root field, given ids that are not ids, answers with data
or a typed error: never an unexpected exception (which would be masked, and logged).

``str.isdigit`` accepts superscripts and Arabic-Indic digits; ``int()`` turns the
latter into real numbers (``page(id: "\\u0665")`` used to resolve to page 5); 23 digits
overflow a database integer.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)

from tests.conftest import GraphQLClient
from wagtail_graphql_write.schema import build_schema

HOSTILE_IDS = ["²", "\u0665", "99999999999999999999999", "-1", "1e3", " 1", "", "0x1", "1.0"]
#: URL paths name pages too; no database column can hold a NUL (PostgreSQL refuses it).
HOSTILE_IDS += ["/bl\u0000og/", "\u0000"]
SCALAR_VALUES = {"String": '"x"', "Int": "1", "Boolean": "false", "ID": '"1"'}


def _literal(arg_type: Any) -> str | None:
    """A harmless literal for a required argument, or None if there is none to give."""
    named = get_named_type(arg_type)
    if isinstance(named, GraphQLEnumType):
        return next(iter(named.values))
    if isinstance(named, GraphQLScalarType) and named.name in SCALAR_VALUES:
        return SCALAR_VALUES[named.name]
    return None


def _calls(root: GraphQLObjectType, hostile: str) -> Iterator[tuple[str, str]]:
    """(field name, document) for each ID argument of each field of ``root``."""
    for name, field in sorted(root.fields.items()):
        for target, target_arg in field.args.items():
            if get_named_type(target_arg.type).name != "ID":
                continue
            document = _document(root, name, field, target, hostile)
            if document is not None:
                yield f"{name}({target})", document


def _document(
    root: GraphQLObjectType, name: str, field: GraphQLField, target: str, hostile: str
) -> str | None:
    args = []
    for arg_name, arg in field.args.items():
        if arg_name == target:
            is_list = "[" in str(arg.type)
            value = json.dumps([hostile] if is_list else hostile)
        elif isinstance(arg.type, GraphQLNonNull):
            value = _literal(arg.type)
            if value is None:
                return None  # needs an input object: covered by the write tests
        else:
            continue
        args.append(f"{arg_name}: {value}")
    named = get_named_type(field.type)
    selection = "" if isinstance(named, GraphQLScalarType | GraphQLEnumType) else " { __typename }"
    operation = "mutation" if root.name == "Mutation" else "query"
    return f"{operation} {{ {name}({', '.join(args)}){selection} }}"


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_no_id_argument_raises_an_unexpected_error(hostile: str, admin: GraphQLClient) -> None:
    schema = build_schema().schema._schema
    roots = [schema.query_type, schema.mutation_type]
    calls = [call for root in roots if root is not None for call in _calls(root, hostile)]
    assert len(calls) > 30  # the walk found the schema's ID arguments
    failures = []
    for where, document in calls:
        response = admin.post(document)
        errors = response.body.get("errors") or []
        if response.status != 200 or any("errorId" in e.get("extensions", {}) for e in errors):
            failures.append((where, response.status, errors))
    assert failures == []


def test_arabic_indic_digits_do_not_find_an_object(anonymous: GraphQLClient, seeded: Any) -> None:
    # The seeded post's own id (5 on a new database; PostgreSQL's sequences move on
    # between tests), written in ASCII and in Arabic-Indic digits.
    post = str(seeded.posts[0].pk)
    arabic = post.translate(
        str.maketrans("0123456789", "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669")
    )
    assert anonymous.execute(f'{{ page(id: "{post}") {{ id }} }}') == {"page": {"id": post}}
    document = f'{{ a: page(id: "{arabic}") {{ id }} b: page(id: "\u00b2") {{ id }} }}'
    assert anonymous.execute(document) == {"a": None, "b": None}


EDGE_DATETIMES = ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"]


@pytest.mark.parametrize("hostile", HOSTILE_IDS)
def test_revisions_by_a_user_id_that_is_not_one_is_empty(
    hostile: str, admin: GraphQLClient, seeded: Any
) -> None:
    document = (
        "query ($p: ID!, $u: ID) { page(id: $p) "
        "{ ... on Revisable { revisions(user: $u) { totalCount } } } }"
    )
    data = admin.execute(document, {"p": str(seeded.home.pk), "u": hostile})
    assert data == {"page": {"revisions": {"totalCount": 0}}}


@pytest.mark.parametrize("moment", EDGE_DATETIMES)
def test_a_datetime_outside_the_storable_range_is_an_input_error(
    moment: str, admin: GraphQLClient
) -> None:
    document = (
        'query ($t: DateTime) { page(id: "3") { ... on Revisable {'
        " a: revisions(createdAfter: $t) { totalCount }"
        " b: revisions(createdBefore: $t) { totalCount }"
        " c: revisions(approvedGoLiveAfter: $t) { totalCount } } } }"
    )
    response = admin.post(document, {"t": moment})
    assert response.status == 200
    assert not [
        e for e in response.body.get("errors") or [] if "errorId" in e.get("extensions", {})
    ]

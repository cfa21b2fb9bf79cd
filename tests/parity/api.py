"""The GraphQL side: the same write as a mutation, over HTTP, as the same user."""

from __future__ import annotations

import re
from typing import Any

from django.db.models import Model
from modelcluster.models import get_all_child_relations
from wagtail.models import APIToken, DraftStateMixin, Page

from tests.conftest import GraphQLClient
from wagtail_graphql_write.generation import names

_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake(name: str) -> str:
    """A GraphQL input name back to the model field's: the schema camelCases field names
    (``readingLevel``), the admin's form reports the Python name (``reading_level``)."""
    return _HUMP.sub("_", name).lower()


def error_fields(errors: list[dict[str, Any]], model: type[Model]) -> set[str]:
    """The input fields the errors are about, named as ``admin.error_fields`` names them.

    A path into a StreamField (``["input", "body", "3", "block", ...]``) is the field: the
    admin's form reports a StreamField's errors on the field. A path into an InlinePanel
    row keeps the row and its field (``authors.0.person``); the path of the whole input
    (a form's own ``clean()`` error) is the form's ``__all__``. Errors outside the input
    (``["parent"]``, ``["action"]``) keep their path.
    """
    relations = {relation.get_accessor_name() for relation in get_all_child_relations(model)}
    fields: set[str] = set()
    for error in errors:
        path = [str(part) for part in error.get("path") or []]
        if path[:1] != ["input"]:
            fields.add(".".join(path) or error["code"])
            continue
        rest = [snake(part) for part in path[1:]]
        if not rest:
            fields.add("__all__")
        elif rest[0] in relations and len(rest) > 1:
            fields.add(".".join([*rest[:2], rest[2] if len(rest) > 2 else "__all__"]))
        else:
            fields.add(rest[0])
    return fields


def takes_action(model: type[Model]) -> bool:
    """Whether the model's create/update take ``action`` (SAVE_DRAFT, PUBLISH, SUBMIT)."""
    return issubclass(model, Page | DraftStateMixin)


def document(model: type[Model], *, creating: bool) -> tuple[str, str]:
    """The mutation for a create or update of ``model``, and its field name."""
    mutation = names.mutation_name("create" if creating else "update", model)
    input_type = (names.create_input_name if creating else names.update_input_name)(model)
    is_page = issubclass(model, Page)
    params = [f"$input: {input_type}!"]
    args = ["input: $input"]
    if creating and is_page:
        params.append("$parent: ID!")
        args.append("parent: $parent")
    if not creating:
        params.append("$id: ID!")
        args.append("id: $id")
    if takes_action(model):
        params.append("$action: SaveAction!")
        args.append("action: $action")
    field = "page" if is_page else "snippet"
    text = (
        f"mutation Parity({', '.join(params)}) {{ {mutation}({', '.join(args)}) {{ "
        f"{field} {{ __typename }} errors {{ message path code }} }} }}"
    )
    return text, mutation


def client_for(user: Any) -> GraphQLClient:
    """A GraphQL client authenticated as ``user`` (a fresh API token of theirs)."""
    _, token = APIToken.create_token(user=user, name="parity")
    return GraphQLClient(token)

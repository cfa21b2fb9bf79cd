"""Every GraphQL name the package forms, by one rule each; collisions are errors.

Rules (documented in ``docs/naming.md``):

* object type: the model's ``graphql_type_name`` attribute, else its class name
  (``BlogPage``); Wagtail's base ``Page`` model is ``GenericPage`` because ``Page`` is
  the interface every page type implements;
* inputs: ``<Type>CreateInput``, ``<Type>UpdateInput``, ``<Type>Input`` (child rows);
* mutations: verb first, camelCase (``createBlogPage``); payloads: ``<Mutation>Payload``
  with the first letter upper-cased (``CreateBlogPagePayload``);
* fields and arguments: the Python name in lowerCamelCase (``feed_image`` ->
  ``feedImage``);
* choice enums: ``<Type><Field>`` (``BlogPageReadingLevel``), values upper-cased;
* snippet queries: ``<type>`` for one and ``<verbose_name_plural>`` in camelCase for
  the list (``person`` / ``people``);
* list arguments: ``<Type>Filter`` (exact-match filters on a model's own fields),
  ``<Type>Order`` (a snippet list's sort keys), ``PageFilter`` and ``PageOrder`` for
  pages; sort keys are ``<FIELD>_ASC`` / ``<FIELD>_DESC``, a page type's own fields
  prefixed with its type value (``BLOG_PAGE_DATE_DESC``).

A name formed twice for two different things raises ``SchemaNameCollision`` when the
schema is built, naming both owners, instead of renaming one silently.
"""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Model
from strawberry.schema.name_converter import NameConverter

_GRAPHQL_NAME = re.compile(r"^[_A-Za-z][_0-9A-Za-z]*$")

#: Names of Wagtail's own models whose class name is taken by a hand-written type.
BUILTIN_TYPE_NAMES = {"wagtailcore.Page": "GenericPage"}

#: Names the hand-written part of the schema uses; a generated name may not take them.
RESERVED = frozenset(
    {
        "Query", "Mutation", "Subscription", "String", "Int", "Float", "Boolean", "ID",
        "JSON", "Date", "DateTime", "Time", "Decimal", "UUID", "Upload",
        "Page", "Snippet", "DraftState", "Lockable", "Node", "User", "Viewer", "Image",
        "Document", "Collection", "FocalPoint", "FocalPointInput", "ImageRendition",
        "ImageList", "DocumentList", "MediaOrder",
        "PageList", "PageType", "SnippetType", "ContentVersion", "SaveAction",
        "RichTextFormat",
        "ErrorCode", "MutationError", "ValidationError", "PermissionDeniedError",
        "NotFoundError", "TreeError", "EditConflictError", "LockedError",
        "WorkflowStateError", "Revision", "StreamBlock", "RichTextInput", "Warning",
        "ImageWithAlt", "PagePosition",
        "Revisable", "RevisionList", "RevisionOrder", "PageRevision", "SnippetRevision",
        "PagePermissions", "SnippetPermissions",
        "Workflowable", "Workflow", "WorkflowTask", "WorkflowTaskState", "WorkflowState",
        "WorkflowStatus", "WorkflowTaskStatus", "WorkflowTaskProgress", "WorkflowTaskAction",
        "WorkflowPermissions", "WorkflowTaskStateList", "ContentRef", "SnippetRef",
        "PageFilter", "PageOrder", "SearchOperator",
    }
)  # fmt: skip

#: Enums generated from the registry: one value per exposed page type, and one per
#: snippet type that supports at least one snippet action (``publishSnippet`` ...).
PAGE_TYPE_ENUM = "PageType"
SNIPPET_TYPE_ENUM = "SnippetType"

#: List arguments of ``pages`` and the ``Page`` interface's lists.
PAGE_FILTER_INPUT = "PageFilter"
PAGE_ORDER_ENUM = "PageOrder"
SEARCH_OPERATOR_ENUM = "SearchOperator"

#: The ``target`` input of the workflow mutations (a page or a snippet).
CONTENT_REF_INPUT = "ContentRef"
SNIPPET_REF_INPUT = "SnippetRef"


class SchemaNameCollision(ImproperlyConfigured):
    """Two things would get the same GraphQL name."""


def to_camel(name: str) -> str:
    """``snake_case`` -> ``lowerCamelCase``; leading underscores are kept."""
    stripped = name.lstrip("_")
    prefix = name[: len(name) - len(stripped)]
    head, *rest = stripped.split("_")
    return prefix + head + "".join(part[:1].upper() + part[1:] for part in rest)


def to_pascal(name: str) -> str:
    camel = to_camel(name)
    return camel[:1].upper() + camel[1:]


def lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def _media_name(model: type[Model]) -> str | None:
    """``Image`` / ``Document`` for the configured media models, custom ones included."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    if model is get_image_model():
        return "Image"
    if model is get_document_model():
        return "Document"
    return None


def type_name(model: type[Model]) -> str:
    """The object type name of a model (``Image`` and ``Document`` for the media models,
    whatever their class is called, so client queries survive a custom model)."""
    media = _media_name(model)
    if media is not None:
        return media
    override = model.__dict__.get("graphql_type_name")  # not inherited by subclasses
    if override:
        return str(override)
    return BUILTIN_TYPE_NAMES.get(model._meta.label, model.__name__)


def revision_content_type_name(model: type[Model]) -> str:
    """The type of a revision's content: ``BlogPage`` -> ``BlogPageRevisionContent``."""
    return f"{type_name(model)}RevisionContent"


def create_input_name(model: type[Model]) -> str:
    return f"{type_name(model)}CreateInput"


def update_input_name(model: type[Model]) -> str:
    return f"{type_name(model)}UpdateInput"


def child_input_name(model: type[Model]) -> str:
    return f"{type_name(model)}Input"


def mutation_name(verb: str, model: type[Model]) -> str:
    return f"{verb}{type_name(model)}"


def payload_name(mutation: str) -> str:
    return f"{mutation[:1].upper()}{mutation[1:]}Payload"


def field_name(python_name: str) -> str:
    return to_camel(python_name)


def choice_enum_name(model: type[Model], python_name: str) -> str:
    return f"{type_name(model)}{to_pascal(python_name)}"


def enum_value_name(value: Any) -> str:
    """A GraphQL enum value name for a choice value: upper case, ``_`` for the rest."""
    text = re.sub(r"[^0-9A-Za-z]+", "_", str(value)).strip("_").upper()
    if not text or text[0].isdigit():
        text = f"_{text}"
    return text


def type_enum_value(model: type[Model]) -> str:
    """A model's value in a type enum: ``BlogPage`` -> ``BLOG_PAGE``."""
    return enum_value_name(re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", type_name(model)))


def snippet_query_name(model: type[Model]) -> str:
    return lower_first(type_name(model))


def snippet_list_query_name(model: type[Model]) -> str:
    """The camelCase plural verbose name; ``<name>List`` when it equals the singular."""
    plural = to_camel(re.sub(r"\W+", "_", str(model._meta.verbose_name_plural)).lower())
    single = snippet_query_name(model)
    if not plural or plural == single or not _GRAPHQL_NAME.match(plural):
        return f"{single}List"
    return plural


def filter_input_name(model: type[Model]) -> str:
    """Exact-match filters on a model's own fields: ``BlogPage`` -> ``BlogPageFilter``."""
    return f"{type_name(model)}Filter"


def order_enum_name(model: type[Model]) -> str:
    """A snippet list's sort keys: ``Person`` -> ``PersonOrder``."""
    return f"{type_name(model)}Order"


def order_value(python_name: str, descending: bool) -> str:
    """A sort key: ``first_published_at`` -> ``FIRST_PUBLISHED_AT_DESC``."""
    return f"{enum_value_name(python_name)}_{'DESC' if descending else 'ASC'}"


def type_order_value(model: type[Model], python_name: str, descending: bool) -> str:
    """A page type's own sort key in ``PageOrder``: ``BLOG_PAGE_DATE_DESC``."""
    return f"{type_enum_value(model)}_{order_value(python_name, descending)}"


def is_valid(name: str) -> bool:
    return bool(_GRAPHQL_NAME.match(name)) and not name.startswith("__")


class NameRegistry:
    """Claims names for one schema build and refuses a second owner for any name."""

    def __init__(self) -> None:
        self._owners: dict[str, str] = {}

    def claim(self, name: str, owner: str, *, builtin: bool = False) -> str:
        """Record ``owner`` for ``name``; ``builtin`` names may use the reserved list."""
        if not is_valid(name):
            raise SchemaNameCollision(f"{owner}: {name!r} is not a valid GraphQL name.")
        if name in RESERVED and not builtin:
            raise SchemaNameCollision(
                f"{owner} would be named {name!r}, which the API itself uses. "
                "Set a `graphql_type_name` attribute on the model to choose another name."
            )
        previous = self._owners.get(name)
        if previous is not None and previous != owner:
            raise SchemaNameCollision(
                f"GraphQL name {name!r} is claimed by both {previous} and {owner}. "
                "Set a `graphql_type_name` attribute on one of the models."
            )
        self._owners[name] = owner
        return name


class FieldNameConverter(NameConverter):
    """Routes Strawberry's field and argument names through ``field_name``.

    Explicitly named fields keep their name; everything else uses this module's rule,
    so no GraphQL name comes from anywhere but here.
    """

    def apply_naming_config(self, name: str) -> str:
        return field_name(name)

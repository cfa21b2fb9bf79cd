"""Only objects that are one thing have an ``id``: parts of content are embedded values.

Normalising caches (Apollo, urql Graphcache) key every object with an ``id`` (or
``_id``) by ``__typename`` + ``id``. Inside a page's or snippet's content, an object
with an ``id`` must therefore be a reference to something with one current state
(another page, a snippet, an image, a document, a user), never a block, a ListBlock
item, an InlinePanel row, a struct value or the revision's content itself, which have
a different value in each revision, each version and each copy. The end-to-end proof
with the real clients is ``tests/test_client_caches.py``; this checks every generated
type, so a new block kind or field cannot bring an ``id`` back unnoticed.
"""

from __future__ import annotations

from graphql import GraphQLInterfaceType, GraphQLObjectType, GraphQLSchema, get_named_type

from wagtail_graphql_write.schema import build_schema

CACHE_KEYS = ("id", "_id")
REFERENCES = {"Image", "Document", "User"}


def _graphql_schema() -> GraphQLSchema:
    return build_schema().schema._schema


def _is_reference(type_: GraphQLObjectType | GraphQLInterfaceType) -> bool:
    """A page, a snippet or a media/user object: keyed by id in a cache, and rightly so."""
    names = {i.name for i in getattr(type_, "interfaces", [])} | {type_.name}
    return bool(names & {"Page", "Snippet"} or type_.name in REFERENCES)


def _content_types(schema: GraphQLSchema) -> list[GraphQLObjectType]:
    return [
        t
        for t in schema.type_map.values()
        if isinstance(t, GraphQLObjectType)
        and {i.name for i in t.interfaces} & {"PageRevisionContent", "SnippetRevisionContent"}
    ]


def test_every_revisable_model_has_a_revision_content_type_without_id() -> None:
    schema = _graphql_schema()
    contents = {t.name for t in _content_types(schema)}
    assert {"BlogPageRevisionContent", "PersonRevisionContent", "HomePageRevisionContent"} <= (
        contents
    )
    assert "CategoryRevisionContent" not in contents  # Category has no revisions
    for name in ("PageRevision", "SnippetRevision"):
        content = schema.type_map[name].fields["content"].type  # type: ignore[attr-defined]
        assert get_named_type(content).name == f"{name.removesuffix('Revision')}RevisionContent"
    for type_ in _content_types(schema):
        assert not set(CACHE_KEYS) & set(type_.fields), type_.name


def test_nothing_inside_content_but_a_reference_has_an_id() -> None:
    schema = _graphql_schema()
    seen: set[str] = set()
    todo: list[GraphQLObjectType | GraphQLInterfaceType] = list(_content_types(schema))
    reached_parts: set[str] = set()
    while todo:
        type_ = todo.pop()
        if type_.name in seen:
            continue
        seen.add(type_.name)
        if _is_reference(type_):
            continue
        keys = set(CACHE_KEYS) & set(type_.fields)
        assert not keys, f"{type_.name} is part of content but has {keys}: caches would key it"
        reached_parts.add(type_.name)
        for field in type_.fields.values():
            named = get_named_type(field.type)
            if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)):
                todo.append(named)
                if isinstance(named, GraphQLInterfaceType):
                    todo.extend(schema.get_possible_types(named))
    # The walk really reached blocks, ListBlock items, struct values and rows.
    assert {
        "BlogPageBodyHeadingBlock",
        "BlogPageBodyGalleryCaptionBlock",
        "BlogPageBodyLinksItem",
        "BlogPageBodyQuote",
        "BlogPageAuthor",
    } <= reached_parts


def test_blocks_items_and_rows_name_their_ids() -> None:
    schema = _graphql_schema()
    for name in ("StreamBlock", "BlogPageBodyHeadingBlock", "BlogPageBodyLinksItem"):
        assert "blockId" in schema.type_map[name].fields, name  # type: ignore[attr-defined]
    assert "rowId" in schema.type_map["BlogPageAuthor"].fields  # type: ignore[attr-defined]
    # The inputs keep `id`: an item sends the blockId or rowId it read back as `id`.
    for name in ("BlogPageBodyItemInput", "BlogPageBodyLinksItemInput", "BlogPageAuthorInput"):
        assert "id" in schema.type_map[name].fields, name  # type: ignore[attr-defined]

"""Objects as their revisions stored them, built for many revisions at once.

Wagtail builds an object from a revision with ``row.with_content_json(content)``
(``revision.as_object()``): modelcluster's ``from_serializable_data`` rebuilds it from
the stored JSON, checking that every foreign key still exists with one query each
(``check_fks``; a dangling one is nulled, or drops its InlinePanel row, as the field's
``on_delete`` says) and loading each many-to-many relation with a query of its own;
then the object keeps the row's values for what belongs to the object as a whole
(tree position, publishing and lock state, latest revision ...). For a list of N
drafts that is O(N x foreign keys) queries.

``objects_from_revisions`` does the same for a list with one query per related model:
it checks every foreign key of every content (and of its InlinePanel rows) together,
rewrites the contents as modelcluster's checks would have left them, builds each object
with ``check_fks=False`` and sets the many-to-many relations from one query per model.
The row's values are then kept exactly as ``Page.with_content_json`` and the
``RevisionMixin`` / ``DraftStateMixin`` / ``LockableMixin`` chain keep them. Two
differences, neither visible through this API: a page's admin comments (which it does
not expose) are left out, and ``latest_revision`` is kept by id without being fetched.

A model that overrides ``with_content_json`` may keep more of the row; its objects are
built by its own method, one by one.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from typing import Any, cast

from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Model
from modelcluster.models import get_all_child_relations
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    DraftStateMixin,
    LockableMixin,
    Page,
    Revision,
    RevisionMixin,
    TranslatableMixin,
)

#: Keys ``Page.with_content_json`` replaces by the row's: their stored values never show.
_PAGE_KEEPS = frozenset(
    {"owner", "locked_by", "latest_revision", "content_type", "locale", "alias_of"}
)
#: What ``Page.with_content_json`` copies from the row (besides the tree position).
_PAGE_ROW_VALUES = (
    "draft_title",
    "live",
    "has_unpublished_changes",
    "owner_id",
    "locked",
    "locked_by_id",
    "locked_at",
    "latest_revision_id",
    "latest_revision_created_at",
    "translation_key",
    "locale_id",
    "alias_of_id",
)
#: Plain values the row gives a snippet (``_keep_object_state``) or a page, whatever
#: the content says; ``first_published_at`` only where the content has none.
_OBJECT_ROW_VALUES = frozenset(
    {
        "translation_key",
        "live",
        "has_unpublished_changes",
        "first_published_at",
        "locked",
        "locked_at",
    }
)
_PAGE_TREE_VALUES = frozenset({"path", "depth", "numchild", "url_path"})
#: (related model, field the key points at) -> stored values.
Keys = dict[tuple[type[Model], str], set[Any]]


class _Unsupported(Exception):
    """An ``on_delete`` modelcluster cannot restore; Wagtail's own method decides."""


def objects_from_revisions(pairs: Sequence[tuple[Any, dict[str, Any]]]) -> list[Model]:
    """``row.with_content_json(content)`` for each pair, with O(related models) queries."""
    batch = [n for n, (row, _) in enumerate(pairs) if is_reproducible(type(row))]
    built = dict(zip(batch, _build_all([pairs[n] for n in batch]), strict=True))
    return [
        built[n] if n in built else row.with_content_json(content)
        for n, (row, content) in enumerate(pairs)
    ]


def latest_revision_object(obj: Model) -> Model:
    """``obj.get_latest_revision_as_object()`` (what an edit starts from), with the
    revision's object built by ``objects_from_revisions``: a query per related model,
    where Wagtail checks each foreign key of each InlinePanel and tag row on its own.

    ``obj`` is the specific row. A model with its own ``get_latest_revision_as_object``
    or ``with_content_json`` gets its own method.
    """
    own = type(obj).get_latest_revision_as_object
    known = {
        Page.get_latest_revision_as_object,
        DraftStateMixin.get_latest_revision_as_object,
        RevisionMixin.get_latest_revision_as_object,
    }
    if own not in known or not is_reproducible(type(obj)):
        return cast(Any, obj).get_latest_revision_as_object()
    if isinstance(obj, DraftStateMixin) and not obj.has_unpublished_changes:
        return obj  # the row, as Wagtail prefers (it has the InlinePanel rows' ids)
    revision = cast(Any, obj).get_latest_revision()
    if revision is None:
        return obj
    return objects_from_revisions([(obj, revision.content)])[0]


def is_reproducible(model: type[Model]) -> bool:
    """Whether every ``with_content_json`` along the MRO is one this module reproduces."""
    known = {
        Page.with_content_json,
        DraftStateMixin.with_content_json,
        LockableMixin.with_content_json,
        RevisionMixin.with_content_json,
    }
    return all(
        vars(klass)["with_content_json"] in known
        for klass in model.__mro__
        if "with_content_json" in vars(klass)
    )


def _build_all(pairs: Sequence[tuple[Any, dict[str, Any]]]) -> list[Model]:
    keys: Keys = defaultdict(set)
    many: Keys = defaultdict(set)
    for row, content in pairs:
        _collect(_content_model(row), content, keys, many)
    existing = {target: _existing(target, values) for target, values in keys.items()}
    related = {
        target[0]: list(target[0]._default_manager.filter(pk__in=values))
        for target, values in many.items()
    }
    parents = _parents([row for row, _ in pairs if isinstance(row, Page)])
    result = []
    for row, content in pairs:
        try:
            result.append(_build(row, content, existing, related, parents))
        except _Unsupported:
            result.append(row.with_content_json(content))
    return result


def _existing(target: tuple[type[Model], str], values: set[Any]) -> dict[Any, Model | None]:
    """The keys that still point at a row, with the row when it is worth keeping.

    Rows are kept for the built objects' key caches (an InlinePanel row's person, a
    tag, an image), so reading them costs nothing more. Pages are not (their GraphQL
    type needs the specific class, which the readers fetch), nor revisions (whose
    stored content is large and which nothing reads through the key).
    """
    model, field = target
    queryset = model._default_manager.filter(**{f"{field}__in": values})
    if issubclass(model, Page | Revision):
        return dict.fromkeys(queryset.values_list(field, flat=True))
    key_field = model._meta.pk if field == "pk" else model._meta.get_field(field)
    attname = cast(models.Field, key_field).attname
    return {getattr(row, attname): row for row in queryset}


def _content_model(row: Model) -> type[Model]:
    if isinstance(row, Page):
        return row.specific_class or type(row)
    return type(row)


# ---- what the contents point at --------------------------------------------------------


def _relations(model: type[Model], data: dict[str, Any]) -> list[tuple[str, Any, models.Field]]:
    """The content's foreign keys and many-to-many fields, as modelcluster reads them."""
    found = []
    for name, value in data.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ForeignObjectRel) or not field.remote_field:
            continue
        found.append((name, value, field))
    return found


def _target(field: Any) -> tuple[type[Model], str]:
    return field.remote_field.model, field.remote_field.field_name


def _clean(field: Any, value: Any) -> Any:
    model, name = _target(field)
    return cast(Any, model._meta.get_field(name)).to_python(value)


def _children(model: type[Model], data: dict[str, Any]) -> list[tuple[str, type[Model]]]:
    rels = get_all_child_relations(model)
    return [
        (rel.get_accessor_name(), rel.related_model)
        for rel in rels
        if rel.get_accessor_name() in data and rel.get_accessor_name() != COMMENTS_RELATION_NAME
    ]


def _kept(model: type[Model], field: Any) -> bool:
    """A key of the object itself whose value the row's replaces (no need to check it)."""
    if getattr(field.remote_field, "parent_link", False):
        return True  # the multi-table parent: the row itself
    if issubclass(model, Page):
        return field.name in _PAGE_KEEPS
    kept = {"latest_revision"}
    if issubclass(model, TranslatableMixin):
        kept.add("locale")
    if issubclass(model, LockableMixin):
        kept.add("locked_by")
    return field.name in kept


def _checks(model: type[Model], field: Any, value: Any, top: bool) -> bool:
    """Whether modelcluster would check this key and its value could show."""
    return (
        isinstance(field.remote_field, models.ManyToOneRel)
        and value is not None
        and not (top and _kept(model, field))
    )


def _collect(
    model: type[Model], data: dict[str, Any], keys: Keys, many: Keys, top: bool = True
) -> None:
    for _name, value, field in _relations(model, data):
        if top and isinstance(field.remote_field, models.ManyToManyRel):
            many[(field.remote_field.model, "pk")].update(value or [])
        elif _checks(model, field, value, top):
            keys[_target(field)].add(_clean(field, value))
    if hasattr(model, "from_serializable_data"):
        for accessor, child_model in _children(model, data):
            for child in data[accessor] or []:
                _collect(child_model, child, keys, many, top=False)


# ---- rebuilding ------------------------------------------------------------------------


def _checked(
    model: type[Model],
    data: dict[str, Any],
    existing: dict[tuple[type[Model], str], dict[Any, Model | None]],
    strict: bool,
) -> tuple[dict[str, Any] | None, dict[str, list[Any]]]:
    """The content as modelcluster's key checks leave it, and its many-to-many ids.

    ``strict`` is for InlinePanel rows: a dangling ``CASCADE`` key drops the row
    (``None``); their many-to-many fields are left to modelcluster.
    """
    data = dict(data)
    data.pop(COMMENTS_RELATION_NAME, None)
    many: dict[str, list[Any]] = {}
    for name, value, field in _relations(model, data):
        if not strict and isinstance(field.remote_field, models.ManyToManyRel):
            many[name] = list(data.pop(name) or [])
            continue
        if not _checks(model, field, value, top=not strict):
            continue
        if _clean(field, value) in existing[_target(field)]:
            continue
        on_delete = cast(Any, field.remote_field).on_delete
        if on_delete == models.CASCADE and strict:
            return None, {}
        if on_delete in (models.CASCADE, models.SET_NULL):
            data[name] = None
        elif on_delete != models.DO_NOTHING:
            raise _Unsupported(name)
    for accessor, child_model in _children(model, data):
        rows = [_checked(child_model, child, existing, True)[0] for child in data[accessor] or []]
        data[accessor] = [row for row in rows if row is not None]
    return data, many


def _build(
    row: Model,
    content: dict[str, Any],
    existing: dict[tuple[type[Model], str], dict[Any, Model | None]],
    related: dict[type[Model], list[Model]],
    parents: dict[str, Page],
) -> Model:
    model = _content_model(row)
    data, many = _checked(model, content, existing, strict=False)
    assert data is not None  # only child rows are dropped
    obj = cast(Any, model).from_serializable_data(data, check_fks=False)
    for name, ids in many.items():
        wanted = set(ids)
        target = cast(Any, model._meta.get_field(name)).remote_field.model
        setattr(obj, name, [o for o in related.get(target, []) if o.pk in wanted])
    _cache_keys(model, obj, existing)
    if isinstance(row, Page):
        _keep_page_state(obj, row, parents)
    else:
        _keep_object_state(obj, row)
    return cast(Model, obj)


def _cache_keys(model: type[Model], obj: Any, existing: dict[Any, dict[Any, Any]]) -> None:
    """Give ``obj`` and its InlinePanel rows the related rows the key checks fetched."""
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.ForeignKey):
            continue
        found = existing.get(_target(field), {}).get(getattr(obj, field.attname))
        if found is not None:
            field.set_cached_value(obj, found)
    for rel in get_all_child_relations(model):
        if rel.get_accessor_name() == COMMENTS_RELATION_NAME:
            continue
        for child in getattr(obj, rel.get_accessor_name()).all():
            _cache_keys(rel.related_model, child, existing)


def _parents(pages: list[Page]) -> dict[str, Page]:
    """Each page's parent by path, in one query (``set_url_path`` needs its url_path)."""
    paths = {page.path[: -Page.steplen] for page in pages if len(page.path) > Page.steplen}
    if not paths:
        return {}
    return {page.path: page for page in Page.objects.filter(path__in=paths)}


def _keep_page_state(obj: Any, row: Any, parents: dict[str, Page]) -> None:
    """What ``Page.with_content_json`` keeps from the row (comments aside)."""
    obj.id = obj.pk = row.pk
    obj.content_type_id = row.content_type_id
    obj.path, obj.depth, obj.numchild = row.path, row.depth, row.numchild
    obj.set_url_path(parents.get(row.path[: -Page.steplen]))
    for name in _PAGE_ROW_VALUES:
        setattr(obj, name, getattr(row, name))
    if obj.first_published_at is None:
        obj.first_published_at = row.first_published_at


def as_stored(obj: Model, content: dict[str, Any], parent: Page | None) -> Model:
    """``obj``, whose ``content`` a revision has just stored, as ``with_content_json``
    would rebuild it from that revision, without the queries a rebuild costs.

    Nothing else needs rebuilding, because the revision was serialised from ``obj``.
    - ``obj`` already holds the row's values: it was the latest version, and saving the
      revision set its draft state.
    - Its relations, InlinePanel rows and StreamField values are the ones the revision
      names, and the form validated them.
    Only the stored form of plain values can differ: JSON keeps datetimes to the
    millisecond, so those values go through ``DjangoJSONEncoder`` and back through
    their field. A page's ``url_path`` follows its slug under ``parent``. Models with
    their own ``with_content_json`` are not handled here (see ``is_reproducible``).
    """
    is_page = isinstance(obj, Page)
    row_values = set(_PAGE_ROW_VALUES) | _PAGE_TREE_VALUES if is_page else _OBJECT_ROW_VALUES
    for field in obj._meta.concrete_fields:
        if field.remote_field is not None or field.name in row_values:
            continue
        if field.name in content and isinstance(field, models.DateTimeField | models.TimeField):
            stored = json.loads(json.dumps(content[field.name], cls=DjangoJSONEncoder))
            setattr(obj, field.attname, field.to_python(stored))
    if is_page:
        cast(Page, obj).set_url_path(parent)
    return obj


def _keep_object_state(obj: Any, row: Any) -> None:
    """What ``RevisionMixin``, ``DraftStateMixin`` and ``LockableMixin`` keep from the row."""
    obj.pk = row.pk
    obj.latest_revision_id = row.latest_revision_id
    if isinstance(row, TranslatableMixin):
        obj.translation_key, obj.locale_id = row.translation_key, row.locale_id
    if isinstance(row, DraftStateMixin):
        obj.live, obj.has_unpublished_changes = row.live, row.has_unpublished_changes
        obj.first_published_at = row.first_published_at
    if isinstance(row, LockableMixin):
        obj.locked, obj.locked_at, obj.locked_by_id = row.locked, row.locked_at, row.locked_by_id

"""A bound admin form's errors -> ``ValidationError``s with paths into the input.

Wagtail's ``FormValidationError`` flattens StreamField errors into one message per
field; here the ``StreamBlockValidationError`` / ``StructBlockValidationError`` /
``ListBlockValidationError`` tree is walked so each error points at the exact block
and child (``["input", "body", "3", "block", "quote", "attribution"]``), and formset
child forms are reported at their position in the input list.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from wagtail.blocks import Block
from wagtail.blocks.base import BlockField
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from wagtail_graphql_write.generation import errors as gql
from wagtail_graphql_write.generation.names import field_name

NON_FIELD = "__all__"

#: Validator codes that have an ``ErrorCode`` of their own; the rest are VALIDATION_FAILED.
VALIDATION_CODES = {
    "slug_in_use": gql.ErrorCode.SLUG_IN_USE,
    "not_supported": gql.ErrorCode.NOT_SUPPORTED,
}


def validation_error(message: str, path: Sequence[str], code: str | None) -> gql.ValidationError:
    """The one constructor of ``ValidationError``: its ``code`` follows the validator's."""
    validation_code = code or "invalid"
    return gql.ValidationError(
        message=message,
        code=VALIDATION_CODES.get(validation_code, gql.ErrorCode.VALIDATION_FAILED),
        path=list(path),
        validation_code=validation_code,
    )


def _error(path: list[str], error: DjangoValidationError) -> Iterator[gql.ValidationError]:
    for single in getattr(error, "error_list", [error]):
        for message in single.messages:
            yield validation_error(message, path, getattr(single, "code", None))


def _nested(items: Any) -> Iterator[DjangoValidationError]:
    yield from (items.as_data() if hasattr(items, "as_data") else items or [])


def block_errors(
    error: DjangoValidationError,
    block: Block | None,
    data: Mapping[str, Any],
    prefix: str,
    path: list[str],
) -> Iterator[gql.ValidationError]:
    """Walk one block's error tree; ``prefix`` is the block's key prefix in the form data."""
    if isinstance(error, StreamBlockValidationError):
        for inner in _nested(error.non_block_errors):
            yield from _error(path, inner)
        for index, child_error in sorted(error.block_errors.items()):
            name = str(data.get(f"{prefix}-{index}-type", ""))
            child = getattr(block, "child_blocks", {}).get(name)
            yield from block_errors(
                child_error,
                child,
                data,
                f"{prefix}-{index}-value",
                [*path, str(index), "block", field_name(name)],
            )
    elif isinstance(error, StructBlockValidationError):
        for inner in _nested(error.non_block_errors):
            yield from _error(path, inner)
        for name, child_error in error.block_errors.items():
            child = getattr(block, "child_blocks", {}).get(name)
            yield from block_errors(
                child_error, child, data, f"{prefix}-{name}", [*path, field_name(name)]
            )
    elif isinstance(error, ListBlockValidationError):
        for inner in _nested(error.non_block_errors):
            yield from _error(path, inner)
        for index, child_error in sorted(error.block_errors.items()):
            yield from block_errors(
                child_error,
                getattr(block, "child_block", None),
                data,
                f"{prefix}-{index}-value",
                [*path, str(index), "value"],
            )
    else:
        yield from _error(path, error)


def form_errors(
    form: Any, positions: Mapping[str, Mapping[int, int]], path: list[str]
) -> Iterator[gql.ValidationError]:
    """Every error of ``form`` and its InlinePanel formsets, located in the input."""
    for name, errors in form.errors.as_data().items():
        field_path = path if name == NON_FIELD else [*path, field_name(name)]
        form_field = form.fields.get(name)
        for error in errors:
            if isinstance(form_field, BlockField):
                yield from block_errors(
                    error, form_field.block, form.data, form.add_prefix(name), field_path
                )
            else:
                yield from _error(field_path, error)
    for rel_name, formset in getattr(form, "formsets", {}).items():
        rel_path = [*path, field_name(rel_name)]
        for error in formset.non_form_errors().as_data():
            yield from _error(rel_path, error)
        for index, child in enumerate(formset.forms):
            if formset.can_delete and formset._should_delete_form(child):
                continue  # a row being deleted is not validated (Django's own rule)
            position = positions.get(rel_name, {}).get(index, index)
            yield from form_errors(child, {}, [*rel_path, str(position)])

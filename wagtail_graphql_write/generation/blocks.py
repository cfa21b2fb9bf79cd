"""StreamField block definitions -> typed GraphQL inputs and outputs.

Names follow the block's path from its model field (``BlogPage`` + ``body`` + ``quote``
-> ``BlogPageBodyQuote``), so every name is deterministic and a reviewer can write a
nested StreamField mutation from the SDL alone:

* a stream item is ``<Path>ItemInput { id: String, block: <Path>BlockInput! }`` where
  ``<Path>BlockInput`` is ``@oneOf`` with one field per child block; the wrapper
  carries the block ``id`` next to the one-of choice (an ``@oneOf`` input cannot have
  an extra field). ListBlock items use ``<Path>ItemInput { id: String, value: T! }``.
  The output names that id ``blockId`` (see ``block_interface``: no ``id``, so caches
  embed blocks in their page instead of normalising them);
* outputs: each stream child is ``<Path><Child>Block implements StreamBlock &
  <Path>StreamBlock`` with a typed ``value``; ``<Path>StreamBlock`` is a per-stream
  interface, so codegen knows exactly which blocks a field can hold.

Block classes map through a table (``register_block``), looked up along the MRO like
model fields, so a site adds its own block classes; unknown blocks become ``JSON``,
validated by the block itself.
"""

from __future__ import annotations

import datetime
import decimal
import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import strawberry
from strawberry.scalars import JSON
from wagtail import blocks
from wagtail.blocks.field_block import BaseChoiceBlock
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from wagtail_graphql_write.generation import block_values as values
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.block_interface import StreamBlock
from wagtail_graphql_write.generation.common import make_enum
from wagtail_graphql_write.generation.rich_text import RichTextInput

if TYPE_CHECKING:
    from wagtail_graphql_write.generation.generator import TypeGenerator


@dataclass(frozen=True)
class BlockOutput:
    """A block's GraphQL output type and how to turn its native value into it."""

    annotation: Any
    convert: values.Converter
    #: The field exposing this value takes a ``format: RichTextFormat`` argument.
    rich_text: bool = False


BlockOutputConverter = Callable[["BlockTypes", blocks.Block, str], BlockOutput | None]
BlockInputConverter = Callable[["BlockTypes", blocks.Block, str], Any]

SCALARS: list[tuple[type, Any]] = [
    (blocks.IntegerBlock, int),
    (blocks.FloatBlock, float),
    (blocks.DecimalBlock, decimal.Decimal),
    (blocks.BooleanBlock, bool),
    (blocks.DateTimeBlock, datetime.datetime),
    (blocks.DateBlock, datetime.date),
    (blocks.TimeBlock, datetime.time),
    (blocks.FieldBlock, str),  # Char/Text/URL/Email/Regex/RawHTML/Embed ...
]


class BlockTypes:
    """Builds block types for one ``TypeGenerator``; caches by path-derived name."""

    def __init__(self, gen: TypeGenerator) -> None:
        self.gen = gen
        self._outputs: dict[type, BlockOutputConverter] = {}
        self._inputs: dict[type, BlockInputConverter] = {}
        self._types: dict[str, Any] = {}
        register_default_block_converters(self)

    def register_block(
        self, block_class: type, *, output: BlockOutputConverter, input: BlockInputConverter
    ) -> None:
        """Map a block class (and subclasses) to output and input converters."""
        self._outputs[block_class] = output
        self._inputs[block_class] = input

    def _lookup(self, table: dict[type, Any], block: blocks.Block) -> Any:
        for cls in type(block).__mro__:
            if cls in table:
                return table[cls]
        return None

    def output(self, block: blocks.Block, prefix: str) -> BlockOutput | None:
        converter = self._lookup(self._outputs, block)
        if converter is None:
            return BlockOutput(JSON, values.raw_value(block))
        return converter(self, block, prefix)

    def input(self, block: blocks.Block, prefix: str) -> Any:
        converter = self._lookup(self._inputs, block)
        return JSON if converter is None else converter(self, block, prefix)

    def named(self, name: str, owner: str, build: Callable[[str], Any]) -> Any:
        """Build a named type once; the name is claimed for ``owner``."""
        if name not in self._types:
            self.gen.names.claim(name, owner)
            self._types[name] = build(name)
        return self._types[name]

    def object_types(self) -> list[Any]:
        """Block object types, which the schema must list: interfaces alone don't reach them."""
        found = []
        for name in sorted(self._types):
            definition = getattr(self._types[name], "__strawberry_definition__", None)
            if (
                definition is not None
                and getattr(definition, "is_input", True) is False
                and not definition.is_interface
            ):
                found.append(self._types[name])
        return found

    # ---- streams --------------------------------------------------------------------

    def stream_interface(self, block: blocks.BaseStreamBlock, prefix: str) -> Any:
        """``<Path>StreamBlock``: the interface of one stream's blocks, with its members."""

        def build(name: str) -> Any:
            interface = strawberry.interface(
                type(name, (StreamBlock,), {"__annotations__": {}}),
                name=name,
                description=f"A block of the {prefix} stream.",
            )
            for child_name, child in block.child_blocks.items():
                self._stream_child_type(
                    interface, child_name, child, prefix + names.to_pascal(child_name)
                )
            return interface

        return self.named(f"{prefix}StreamBlock", f"stream {prefix}", build)

    def _stream_child_type(
        self, interface: Any, child_name: str, child: blocks.Block, prefix: str
    ) -> Any:
        def build(name: str) -> Any:
            namespace: dict[str, Any] = {"__annotations__": {}}
            spec = self.output(child, prefix)
            if spec is not None:
                values.add_value_field(
                    namespace, value_field_name(child_name), spec, "The block's value."
                )
            namespace["is_type_of"] = classmethod(
                lambda cls, obj, info: getattr(obj, "block", None) is child
            )
            cls = type(name, (interface, StreamBlock), namespace)
            return strawberry.type(cls, name=name, description=str(child.label or name))

        return self.named(f"{prefix}Block", f"block {prefix}", build)

    def stream_input(self, block: blocks.BaseStreamBlock, prefix: str) -> Any:
        """``[<Path>ItemInput!]``: one-of choices wrapped with an optional block id."""

        def build_choice(name: str) -> Any:
            namespace: dict[str, Any] = {"__annotations__": {}}
            for child_name, child in block.child_blocks.items():
                annotation = self.input(child, prefix + names.to_pascal(child_name))
                namespace["__annotations__"][child_name] = annotation | None
                namespace[child_name] = strawberry.field(
                    default=strawberry.UNSET,
                    name=names.field_name(child_name),
                    description=str(child.label or child_name),
                )
            return strawberry.input(
                type(name, (), namespace),
                name=name,
                one_of=True,
                description=f"Exactly one block of the {prefix} stream.",
            )

        choice = self.named(f"{prefix}BlockInput", f"stream input {prefix}", build_choice)
        item = self.named(
            f"{prefix}ItemInput",
            f"stream item input {prefix}",
            lambda name: id_wrapper(name, "block", choice, "The block; exactly one field set."),
        )
        return list[item]  # type: ignore[valid-type]


def value_field_name(block_name: str) -> str:
    """The field holding a stream block's value is named after the block.

    GraphQL refuses two fields with one response name but different types in one
    selection (``FieldsInSetCanMerge``); block names are unique within a stream, so
    ``... on XHeadingBlock { heading }`` and ``... on XImageBlock { image { url } }``
    never clash, and the output mirrors the input (``block: { heading: "..." }``).
    """
    return block_name if block_name not in _RESERVED_BLOCK_FIELDS else f"{block_name}_value"


# The interface's fields, and ``id``: a block named "id" must not give its type an ``id``
# field, or normalising caches would key the block by its value (see block_interface).
_RESERVED_BLOCK_FIELDS = ("id", "block_id", "block_type", "raw_value")


def id_wrapper(name: str, field: str, annotation: Any, description: str) -> Any:
    """``{ id: String, <field>: <annotation>! }``: keeps a block's id across saves."""
    namespace: dict[str, Any] = {
        "__annotations__": {"id": str | None, field: annotation},
        "id": strawberry.field(
            default=strawberry.UNSET,
            description="Send the blockId you read to keep the block; omit it for a new one.",
        ),
        field: strawberry.field(description=description),
    }
    return strawberry.input(type(name, (), namespace), name=name)


# ---- default converters ---------------------------------------------------------------


def scalar_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    for cls, annotation in SCALARS:
        if isinstance(block, cls):
            return BlockOutput(annotation | None, values.plain)
    return BlockOutput(JSON, values.raw_value(block))


def scalar_input(types: BlockTypes, block: blocks.Block, prefix: str) -> Any:
    for cls, annotation in SCALARS:
        if isinstance(block, cls):
            return annotation
    return JSON


def choice_enum(types: BlockTypes, block: blocks.Block, prefix: str) -> type[enum.Enum]:
    def build(name: str) -> Any:
        members: dict[str, Any] = {}
        for value, _label in (
            block.field.flatchoices if hasattr(block.field, "flatchoices") else block.field.choices
        ):
            if value not in ("", None):
                members[names.enum_value_name(value)] = value
        return make_enum(name, members)

    return types.named(prefix, f"choices of block {prefix}", build)


def choice_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    enum_type = choice_enum(types, block, prefix)
    if isinstance(block, blocks.MultipleChoiceBlock):
        return BlockOutput(list[enum_type], values.enum_members(enum_type, many=True))  # type: ignore[valid-type]
    return BlockOutput(enum_type | None, values.enum_members(enum_type, many=False))


def choice_input(types: BlockTypes, block: blocks.Block, prefix: str) -> Any:
    enum_type = choice_enum(types, block, prefix)
    return list[enum_type] if isinstance(block, blocks.MultipleChoiceBlock) else enum_type  # type: ignore[valid-type]


def rich_text_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    return BlockOutput(
        str | None, values.rich_text(getattr(block, "features", None)), rich_text=True
    )


def chooser_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    """Chosen pages, snippets, images and documents obey the viewer's read rule."""
    if isinstance(block, blocks.PageChooserBlock):
        from wagtail_graphql_write.generation import interfaces

        return BlockOutput(interfaces.Page | None, values.readable)
    if isinstance(block, ImageChooserBlock):
        return BlockOutput(types.gen.object_type(get_image_model()) | None, values.readable)
    if isinstance(block, DocumentChooserBlock):
        return BlockOutput(types.gen.object_type(get_document_model()) | None, values.readable)
    if isinstance(block, SnippetChooserBlock):
        exposed = types.gen.registry.get(block.target_model)
        if exposed is not None:
            return BlockOutput(types.gen.object_type(block.target_model) | None, values.readable)
    return BlockOutput(strawberry.ID | None, values.primary_key)


def image_block_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    from wagtail_graphql_write.generation.media import image_with_alt

    return BlockOutput(image_with_alt(types.gen) | None, values.readable)


def struct_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    def build(name: str) -> Any:
        namespace: dict[str, Any] = {"__annotations__": {}}
        for child_name, child in block.child_blocks.items():
            spec = types.output(child, prefix + names.to_pascal(child_name))
            if spec is not None:
                values.add_value_field(
                    namespace, child_name, spec, str(child.label or ""), key=child_name
                )
        return strawberry.type(
            type(name, (), namespace), name=name, description=str(block.label or name)
        )

    return BlockOutput(types.named(prefix, f"struct block {prefix}", build) | None, values.plain)


def struct_input(types: BlockTypes, block: blocks.Block, prefix: str) -> Any:
    def build(name: str) -> Any:
        namespace: dict[str, Any] = {"__annotations__": {}}
        for child_name, child in block.child_blocks.items():
            annotation = types.input(child, prefix + names.to_pascal(child_name))
            required = bool(getattr(child, "required", False))
            namespace["__annotations__"][child_name] = annotation if required else annotation | None
            kwargs: dict[str, Any] = {} if required else {"default": strawberry.UNSET}
            namespace[child_name] = strawberry.field(
                name=names.field_name(child_name), description=str(child.label or ""), **kwargs
            )
        return strawberry.input(type(name, (), namespace), name=name)

    return types.named(f"{prefix}Input", f"struct input {prefix}", build)


def list_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    child = block.child_block
    spec = types.output(child, prefix)
    if spec is None:
        return BlockOutput(JSON, values.raw_value(block))

    def build(name: str) -> Any:
        namespace: dict[str, Any] = {
            "__annotations__": {"block_id": str},
            "block_id": strawberry.field(
                resolver=lambda root: str(root.id),
                description="The item's Wagtail id; send it back as the item input's `id` "
                "to keep it.",
            ),
        }
        values.add_value_field(namespace, "value", spec, "The item's value.")
        return strawberry.type(
            type(name, (), namespace), name=name, description="A ListBlock item with its id."
        )

    item = types.named(f"{prefix}Item", f"list item {prefix}", build)
    return BlockOutput(list[item], values.list_children)  # type: ignore[valid-type]


def list_input(types: BlockTypes, block: blocks.Block, prefix: str) -> Any:
    child = types.input(block.child_block, prefix)
    item = types.named(
        f"{prefix}ItemInput",
        f"list item input {prefix}",
        lambda name: id_wrapper(name, "value", child, "The item's value."),
    )
    return list[item]  # type: ignore[valid-type]


def stream_output(types: BlockTypes, block: blocks.Block, prefix: str) -> BlockOutput:
    interface = types.stream_interface(block, prefix)
    return BlockOutput(list[interface], values.stream_children)  # type: ignore[valid-type]


def stream_input(types: BlockTypes, block: blocks.Block, prefix: str) -> Any:
    return types.stream_input(block, prefix)


def static_output(types: BlockTypes, block: blocks.Block, prefix: str) -> None:
    return None


def register_default_block_converters(types: BlockTypes) -> None:
    table: list[tuple[type, BlockOutputConverter, BlockInputConverter]] = [
        (blocks.FieldBlock, scalar_output, scalar_input),
        (BaseChoiceBlock, choice_output, choice_input),
        (blocks.RichTextBlock, rich_text_output, lambda t, b, p: RichTextInput),
        (blocks.ChooserBlock, chooser_output, lambda t, b, p: strawberry.ID),
        (blocks.BaseStructBlock, struct_output, struct_input),
        (ImageBlock, image_block_output, struct_input),
        (blocks.ListBlock, list_output, list_input),
        (blocks.BaseStreamBlock, stream_output, stream_input),
        (blocks.StaticBlock, static_output, lambda t, b, p: bool),
        (TableBlock, lambda t, b, p: BlockOutput(JSON, values.raw_value(b)), lambda t, b, p: JSON),
        (EmbedBlock, lambda t, b, p: BlockOutput(str | None, values.embed_url), scalar_input),
    ]
    for block_class, output, input_converter in table:
        types.register_block(block_class, output=output, input=input_converter)

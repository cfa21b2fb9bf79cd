"""``TypeGenerator``: one instance per schema build, with its own converter table and caches.

Types are created as bare classes first ("shells") and only decorated with Strawberry
once every shell exists, so models that point at each other (a snippet choosing a
page that lists snippets) need no forward references or import-time registration.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from typing import Any

import strawberry
from django.contrib.auth import get_user_model
from django.db.models import Model
from django.utils.module_loading import import_string
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from wagtail_graphql_write.conf import get_settings
from wagtail_graphql_write.generation import common, interfaces, media, names, revision_content
from wagtail_graphql_write.generation.blocks import BlockTypes
from wagtail_graphql_write.generation.computed import register_property_converters
from wagtail_graphql_write.generation.fields import (
    InputConverter,
    OutputConverter,
    OutputSpec,
    Unsupported,
    register_default_converters,
)
from wagtail_graphql_write.registry import (
    ExposedField,
    ExposedModel,
    ModelRole,
    Registry,
    SkippedField,
    build_media,
)


class TypeGenerator:
    """Generates object, input and enum types for one registry.

    Instances never share state: tests build fresh generators, and a site may build
    several schemas (e.g. with different settings) side by side.
    """

    def __init__(self, registry: Registry) -> None:
        if not registry.media:
            media, skipped = build_media()
            registry = dataclasses.replace(
                registry, media=media, skipped=(*registry.skipped, *skipped)
            )
        self.registry = registry
        self.names = names.NameRegistry()
        self.skipped: list[SkippedField] = list(registry.skipped)
        self._output_converters: dict[type, OutputConverter] = {}
        self._input_converters: dict[type, InputConverter] = {}
        self._objects: dict[type[Model], type] = {}
        self._contents: dict[type[Model], type] = {}
        self._inputs: dict[tuple[str, type[Model]], type] = {}
        self._enums: dict[tuple[type[Model], str], type[enum.Enum]] = {}
        self._pending: list[Callable[[], None]] = []
        self._shared: dict[str, Any] = {}
        self._page_fields: dict[str, tuple[OutputSpec, str | None]] = {}
        register_default_converters(self)
        register_property_converters(self)
        self.blocks = BlockTypes(self)
        for hook in get_settings()["GENERATOR_HOOKS"]:
            import_string(hook)(self)

    # ---- converter table ------------------------------------------------------------

    def register_field(
        self,
        field_class: type,
        *,
        output: OutputConverter,
        input: InputConverter,
    ) -> None:
        """Map a Django field class (and its subclasses) to output and input converters."""
        self._output_converters[field_class] = output
        self._input_converters[field_class] = input

    def register_block(self, block_class: type, **converters: Any) -> None:
        """Map a StreamField block class to converters (see ``generation.blocks``)."""
        self.blocks.register_block(block_class, **converters)

    def _lookup(self, table: dict[type, Any], model_field: Any) -> Any:
        for cls in type(model_field).__mro__:
            if cls in table:
                return table[cls]
        raise Unsupported(f"no converter is registered for {type(model_field).__name__}")

    def output_converter(self, field: ExposedField) -> OutputConverter:
        return self._lookup(self._output_converters, field.model_field)

    def input_converter(self, field: ExposedField) -> InputConverter:
        return self._lookup(self._input_converters, field.model_field)

    def skip(self, model: type[Model], field: ExposedField, reason: str) -> None:
        entry = SkippedField(model._meta.label, field.name, reason, not field.writable)
        if entry not in self.skipped:
            self.skipped.append(entry)

    def writable_input_fields(self, exposed: ExposedModel) -> list[tuple[ExposedField, Any]]:
        """Writable fields with their input annotation; unmappable ones are skipped.

        A converter says "cannot map" by raising ``Unsupported`` or returning ``None``
        (the documented contract, as for output converters): either way the field is
        left out of the inputs and reported (W001), so one site converter can never
        break the whole schema.
        """
        found = []
        for field in exposed.writable_fields:
            try:
                annotation = self.input_converter(field)(self, field)
            except Unsupported as unsupported:
                self.skip(exposed.model, field, f"not writable: {unsupported}")
                continue
            if annotation is None:
                self.skip(exposed.model, field, "not writable: its input converter does not map it")
                continue
            found.append((field, annotation))
        return found

    # ---- types ----------------------------------------------------------------------

    def object_type(self, model: type[Model]) -> type:
        """The (possibly not yet decorated) object type of an exposed model."""
        if model not in self._objects:
            from wagtail_graphql_write.generation.objects import populate_object_type

            exposed = self._exposed(model)
            shell = _shell(names.type_name(model), _object_bases(exposed))
            media = exposed.role is ModelRole.MEDIA  # named Image / Document, reserved names
            self.names.claim(names.type_name(model), f"model {exposed.label}", builtin=media)
            self._objects[model] = shell
            self._pending.append(lambda: populate_object_type(self, exposed, shell))
            self._revision_content_type(exposed)
        return self._objects[model]

    def _revision_content_type(self, exposed: ExposedModel) -> None:
        """``<Model>RevisionContent`` for a model with revisions (see ``revision_content``)."""
        from wagtail.models import RevisionMixin

        from wagtail_graphql_write.generation.objects import populate_object_type

        if exposed.role is ModelRole.CHILD or not exposed.has_mixin(RevisionMixin):
            return
        name = names.revision_content_type_name(exposed.model)
        base = (
            revision_content.PageRevisionContent
            if exposed.role is ModelRole.PAGE
            else revision_content.SnippetRevisionContent
        )
        shell = _shell(name, (base,))
        self.names.claim(name, f"revision content of model {exposed.label}")
        self._contents[exposed.model] = shell
        self._pending.append(lambda: populate_object_type(self, exposed, shell, content=True))

    def _input(self, kind: str, model: type[Model], name: str) -> type:
        key = (kind, model)
        if key not in self._inputs:
            from wagtail_graphql_write.generation.inputs import populate_input_type

            exposed = self._exposed(model)
            shell = _shell(name, ())
            self.names.claim(name, f"{kind} input of model {exposed.label}")
            self._inputs[key] = shell
            self._pending.append(lambda: populate_input_type(self, exposed, shell, kind))
        return self._inputs[key]

    def create_input(self, model: type[Model]) -> type:
        return self._input("create", model, names.create_input_name(model))

    def update_input(self, model: type[Model]) -> type:
        return self._input("update", model, names.update_input_name(model))

    def child_input(self, model: type[Model]) -> type:
        return self._input("child", model, names.child_input_name(model))

    def choice_enum(self, field: ExposedField) -> type[enum.Enum]:
        """The enum for a field with ``choices``; one per (model, field)."""
        model = field.model_field.model
        key = (model, field.name)
        if key not in self._enums:
            self._enums[key] = self._build_enum(model, field)
        return self._enums[key]

    def _build_enum(self, model: type[Model], field: ExposedField) -> type[enum.Enum]:
        members: dict[str, Any] = {}
        for value, _label in field.model_field.flatchoices:
            if value in ("", None):
                continue
            member = names.enum_value_name(value)
            if member in members:
                raise Unsupported(f"choices {members[member]!r} and {value!r} share a name")
            members[member] = value
        if not members:
            raise Unsupported("it has no non-blank choices")
        name = self.names.claim(
            names.choice_enum_name(model, field.name),
            f"choices of {model._meta.label}.{field.name}",
        )
        return common.make_enum(name, members, field.description)

    def once(self, key: str, build: Callable[[], Any]) -> Any:
        """``build()`` the first time ``key`` is asked for, the same object after that.

        For types several parts of the schema share (the ``PageType`` enum), which
        must exist once per schema because their GraphQL name can only be claimed once.
        """
        if key not in self._shared:
            self._shared[key] = build()
        return self._shared[key]

    # ---- fields of every page type ---------------------------------------------------

    def add_page_field(self, python_name: str, spec: OutputSpec, description: str | None) -> None:
        """A field the ``Page`` interface and every page type get in this schema.

        For fields whose types exist per schema (``PageType``, the list arguments):
        the interface itself is shared by every schema, so ``page_interface_fields``
        hands them to the schema (``Schema.get_fields``), and each page type gets them
        when it is filled. Must be called before ``finish()``.
        """
        if python_name in self._page_fields or python_name == "allowed_subpage_types":
            raise names.SchemaNameCollision(f"Page.{python_name} is added twice.")
        self._page_fields[python_name] = (spec, description)

    def page_fields(self) -> dict[str, tuple[OutputSpec, str | None]]:
        """``allowedSubpageTypes`` and the fields ``add_page_field`` added, by Python name."""
        from wagtail_graphql_write.generation.objects import allowed_subpage_types_field

        return {"allowed_subpage_types": allowed_subpage_types_field(self), **self._page_fields}

    def page_interface_fields(self) -> list[Any]:
        """``page_fields`` as Strawberry fields of the ``Page`` interface."""
        found = []
        for python_name, (spec, description) in self.page_fields().items():
            field = strawberry.field(
                resolver=spec.resolver,
                name=names.field_name(python_name),
                description=description,
                graphql_type=spec.annotation,
            )
            field.python_name = python_name
            found.append(field)
        return found

    def related_output_type(self, field: ExposedField) -> Any:
        """The GraphQL type a relation points to: a generated type, a built-in one, or ID."""
        target = field.related_model
        assert target is not None
        if issubclass(target, Page):
            return interfaces.Page
        exposed = self.registry.get(target)
        if exposed is not None and exposed.role is ModelRole.SNIPPET:
            return self.object_type(target)
        if issubclass(target, get_image_model()):
            return self.object_type(get_image_model())
        if issubclass(target, get_document_model()):
            return self.object_type(get_document_model())
        if issubclass(target, Collection):
            return media.Collection
        if issubclass(target, get_user_model()):
            return common.User
        return strawberry.ID

    @staticmethod
    def is_page_interface(annotation: Any) -> bool:
        return annotation is interfaces.Page

    def _exposed(self, model: type[Model]) -> ExposedModel:
        exposed = self.registry.get(model)
        if exposed is None:
            raise LookupError(f"{model._meta.label} is not exposed")
        return exposed

    # ---- finishing ------------------------------------------------------------------

    def finish(self) -> None:
        """Populate every shell (which may create more), then decorate them all."""
        while self._pending:
            self._pending.pop(0)()
        for model, shell in self._objects.items():
            strawberry.type(shell, name=shell.__name__, description=_doc(model))
        for model, shell in self._contents.items():
            strawberry.type(shell, name=shell.__name__, description=_content_doc(model))
        for (_kind, _model), shell in self._inputs.items():
            strawberry.input(shell, name=shell.__name__)

    def all_object_types(self) -> list[type]:
        models = sorted(self._objects, key=lambda m: m._meta.label)
        contents = [self._contents[m] for m in models if m in self._contents]
        return [*(self._objects[m] for m in models), *contents, *self.blocks.object_types()]


def _shell(name: str, bases: tuple[type, ...]) -> type:
    return type(name, bases, {"__annotations__": {}, "__module__": __name__})


def _object_bases(exposed: ExposedModel) -> tuple[type, ...]:
    from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin

    if exposed.role is ModelRole.PAGE:
        return (interfaces.Page,)
    if exposed.role in (ModelRole.CHILD, ModelRole.MEDIA):
        return ()
    bases: list[type] = [interfaces.Snippet]
    if exposed.has_mixin(DraftStateMixin):
        bases.append(interfaces.DraftState)  # which implements Revisable
    elif exposed.has_mixin(RevisionMixin):
        bases.append(interfaces.Revisable)
    if exposed.has_mixin(LockableMixin):
        bases.append(interfaces.Lockable)
    if exposed.has_mixin(WorkflowMixin):
        bases.append(interfaces.Workflowable)
    return tuple(bases)


def _doc(model: type[Model]) -> str:
    return f"{str(model._meta.verbose_name).capitalize()} ({model._meta.label})."


def _content_doc(model: type[Model]) -> str:
    return (
        f"{str(model._meta.verbose_name).capitalize()} ({model._meta.label}) as one of its "
        "revisions stored it."
    )

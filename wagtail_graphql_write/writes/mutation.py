"""THE write pipeline: a declarative spec per mutation, and one function running it.

Every mutation of the schema is a ``MutationSpec``: its name, arguments and payload,
and the steps it is made of. ``mutation_field`` turns a spec into a Strawberry field
whose resolver runs ``run_mutation``, which takes the steps in one order for every
mutation, inside one transaction:

1. **authenticate**: writes need a signed-in user (``UNAUTHENTICATED``); then the
   input's size is checked (``input.bounds``: lists over ``MAX_INPUT_ITEMS``), before
   any step reads or writes the database;
2. **find** the object the arguments name; one the viewer may not see is ``NotFound``,
   worded as for an id that matches nothing;
3. **permission**: may this viewer do this to that object (``PERMISSION_DENIED``);
4. **preconditions**, in the spec's order: the lock, ``expectedRevisionId``, the
   workflow state, tree rules;
5. **validate** the input (the bound admin form, and what binding rejected);
6. **execute**: the Wagtail action.

So a viewer without permission never learns about locks, revisions or input rules,
and a dry run runs every step and then rolls back. An exception in any step is
translated by ``errors.translate`` (the transaction is rolled back, the payload
carries the errors); an exception the table does not know is a bug and propagates.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import strawberry
from django.db import transaction
from django.http import HttpRequest
from strawberry.types import Info
from strawberry.types.field import StrawberryField

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.payloads import payload_type, resolver_with_signature
from wagtail_graphql_write.writes.errors.failures import Unauthenticated
from wagtail_graphql_write.writes.errors.translate import Situation, translate
from wagtail_graphql_write.writes.input.bounds import check_input_size
from wagtail_graphql_write.writes.input.forms import FormBinding
from wagtail_graphql_write.writes.input.values import input_to_dict


class Argument(NamedTuple):
    """One argument of a mutation: Python name, annotation, default (``REQUIRED``)."""

    name: str
    annotation: Any
    default: Any


class MutationContext:
    """One mutation's request, arguments and what its steps learn along the way."""

    def __init__(self, request: HttpRequest, arguments: Mapping[str, Any]) -> None:
        self.request = request
        #: The arguments, inputs turned into dicts of the fields that were sent.
        self.args: dict[str, Any] = {k: input_to_dict(v) for k, v in arguments.items()}
        self.form: Any = None
        self.binding = FormBinding()
        #: Extra payload fields set on success, e.g. ``{"revision": rev}``.
        self.extra: dict[str, Any] = {}

    @property
    def user(self) -> Any:
        return self.request.user

    @property
    def dry_run(self) -> bool:
        return bool(self.args.get("dry_run"))

    def use_form(self, form: Any, binding: FormBinding) -> None:
        """Remember the bound form: its errors and the input warnings go in the payload."""
        self.form = form
        self.binding = binding

    def situation(self) -> Situation:
        return Situation(
            form=self.form, positions=self.binding.positions, payload=self.args.get("input")
        )


Step = Callable[[MutationContext, Any], Any]


def keep(_ctx: MutationContext, target: Any) -> Any:
    """The default ``validate`` step: nothing to validate beyond the arguments' types."""
    return target


@dataclass(frozen=True)
class Payload:
    """``<Mutation>Payload``'s object field, and nullable extra fields (``revision``)."""

    field: str
    type: Any
    description: str
    extra: Mapping[str, tuple[Any, str]] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class MutationSpec:
    """One mutation, declared: what it is called, takes, returns, and its steps.

    ``find(ctx)`` returns the target; ``permission(ctx, target)`` and each of
    ``preconditions`` raise or return nothing; ``validate(ctx, target)`` returns what
    ``execute(ctx, validated)`` needs; ``execute`` returns the payload's object.
    """

    name: str
    description: str
    arguments: Sequence[Argument]
    payload: Payload
    find: Callable[[MutationContext], Any]
    permission: Step
    execute: Step
    preconditions: Sequence[Step] = ()
    validate: Step = keep


def run_steps(spec: MutationSpec, ctx: MutationContext) -> Any:
    """The steps, in the one order every mutation follows (see the module docstring)."""
    if not ctx.user.is_authenticated:
        raise Unauthenticated()
    check_input_size(ctx.args)
    target = spec.find(ctx)
    spec.permission(ctx, target)
    for precondition in spec.preconditions:
        precondition(ctx, target)
    return spec.execute(ctx, spec.validate(ctx, target))


def run_mutation(spec: MutationSpec, payload_class: type, ctx: MutationContext) -> Any:
    """Run ``spec`` atomically; on an expected failure roll back and report it.

    A dry run does all the work (every check, validation and action) and then rolls
    back, so the payload shows exactly what would have been saved; ``on_commit``
    callbacks (Wagtail's background tasks) never run for it.
    """
    object_field = spec.payload.field
    with transaction.atomic():
        try:
            result = run_steps(spec, ctx)
        except Exception as exc:  # translate() re-raises what it does not know
            errors = translate(exc, ctx.situation())
            transaction.set_rollback(True)
            return payload_class(
                **{object_field: None}, errors=errors, warnings=ctx.binding.warnings
            )
        if ctx.dry_run:
            transaction.set_rollback(True)
    return payload_class(
        **{object_field: result}, **ctx.extra, errors=[], warnings=ctx.binding.warnings
    )


def mutation_field(name_registry: names.NameRegistry, spec: MutationSpec) -> StrawberryField:
    """The Strawberry field for ``spec``: its payload type, signature and resolver."""
    payload = spec.payload
    payload_class = payload_type(
        name_registry,
        spec.name,
        payload.field,
        payload.type,
        payload.description,
        dict(payload.extra),
    )

    def resolve(info: Info, **arguments: Any) -> Any:
        ctx = MutationContext(info.context.request, arguments)
        return run_mutation(spec, payload_class, ctx)

    resolver = resolver_with_signature(spec.name, resolve, spec.arguments, payload_class)
    return strawberry.mutation(resolver=resolver, name=spec.name, description=spec.description)


def mutation_fields(
    name_registry: names.NameRegistry, specs: Sequence[MutationSpec]
) -> dict[str, StrawberryField]:
    """Fields for ``specs``, keyed by GraphQL name."""
    return {spec.name: mutation_field(name_registry, spec) for spec in specs}

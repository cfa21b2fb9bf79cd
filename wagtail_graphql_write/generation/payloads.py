"""Mutation payloads ``{<object>, errors}`` and resolver signatures built at run time."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.errors import MutationError
from wagtail_graphql_write.generation.rich_text import Warning


def payload_type(
    registry: names.NameRegistry,
    mutation: str,
    object_field: str,
    object_type: Any,
    object_description: str,
    extra: dict[str, tuple[Any, str]] | None = None,
) -> type:
    """``<Mutation>Payload { <object_field>: <object_type>, errors: [MutationError!]! }``.

    ``extra`` adds nullable fields (python name -> (annotation, description)), e.g. the
    ``revision`` a publish created; they default to null.
    """
    name = registry.claim(names.payload_name(mutation), f"payload of {mutation}")
    namespace: dict[str, Any] = {
        "__annotations__": {
            object_field: object_type | None,
            "errors": list[MutationError],
            "warnings": list[Warning],
        },
        object_field: strawberry.field(default=None, description=object_description),
        "errors": strawberry.field(
            default_factory=list,
            description="Why the mutation failed; empty on success. Nothing is saved on failure.",
        ),
        "warnings": strawberry.field(
            default_factory=list,
            description="What the server changed in the input, e.g. rich text it sanitised.",
        ),
    }
    for python_name, (annotation, description) in (extra or {}).items():
        namespace["__annotations__"][python_name] = annotation | None
        namespace[python_name] = strawberry.field(default=None, description=description)
    cls = type(name, (), namespace)
    return strawberry.type(cls, name=name, description=f"The result of `{mutation}`.")


def argument(annotation: Any, description: str) -> Any:
    """An argument annotation that carries its description into the SDL."""
    return Annotated[annotation, strawberry.argument(description=description)]


def resolver_with_signature(
    name: str,
    func: Callable[..., Any],
    parameters: Sequence[tuple[str, Any, Any]],
    returns: Any,
) -> Callable[..., Any]:
    """Wrap ``func(info, **arguments)`` with a signature Strawberry can read.

    Generated fields take argument types that only exist at run time (the model's
    input type, for instance); Strawberry reads arguments from ``__signature__``, so
    setting it is the supported way to declare them without ``exec`` or globals.
    ``parameters`` are ``(python_name, annotation, default)``; use
    ``inspect.Parameter.empty`` for a required argument.
    """

    def resolver(info: Info, **kwargs: Any) -> Any:
        return func(info, **kwargs)

    params = [inspect.Parameter("info", inspect.Parameter.KEYWORD_ONLY, annotation=Info)]
    params += [
        inspect.Parameter(p_name, inspect.Parameter.KEYWORD_ONLY, annotation=ann, default=default)
        for p_name, ann, default in parameters
    ]
    resolver.__signature__ = inspect.Signature(params, return_annotation=returns)  # type: ignore[attr-defined]
    resolver.__name__ = name
    return resolver

"""Which models and fields the API exposes: plain dataclasses, no GraphQL.

The registry is the single answer to "is this readable / writable", so the GraphQL
layers above never read ``api_fields`` themselves.
"""

from wagtail_graphql_write.registry.build import build_media, build_registry
from wagtail_graphql_write.registry.models import (
    ExposedField,
    ExposedModel,
    FieldKind,
    ModelRole,
    Registry,
    SkippedField,
)

__all__ = [
    "ExposedField",
    "ExposedModel",
    "FieldKind",
    "ModelRole",
    "Registry",
    "SkippedField",
    "build_media",
    "build_registry",
]

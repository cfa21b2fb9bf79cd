"""``viewer``: who is asking, and what Django permissions they hold."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from wagtail_graphql_write.generation.common import User


@strawberry.type(name="Viewer", description="The authenticated user (if any) making this request.")
class Viewer:
    @strawberry.field(description="The user, or null for anonymous requests.")
    def user(root: Any) -> User | None:  # noqa: N805 - Strawberry passes the request user as root
        return root if root.is_authenticated else None

    @strawberry.field
    def is_authenticated(root: Any) -> bool:  # noqa: N805
        return bool(root.is_authenticated)

    @strawberry.field
    def is_superuser(root: Any) -> bool:  # noqa: N805
        return bool(getattr(root, "is_superuser", False))

    @strawberry.field(description="Whether the user may use the Wagtail admin.")
    def can_access_admin(root: Any) -> bool:  # noqa: N805
        return bool(root.has_perm("wagtailadmin.access_admin"))

    @strawberry.field(
        description='The Django model permissions held, e.g. "blog.add_person", sorted.'
    )
    def permissions(root: Any) -> list[str]:  # noqa: N805
        return sorted(root.get_all_permissions()) if root.is_authenticated else []


def resolve_viewer(info: Info) -> Viewer:
    return info.context.request.user

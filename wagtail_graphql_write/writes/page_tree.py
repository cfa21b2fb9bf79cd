"""``movePage`` and ``deletePage``: changes to where a page is in the tree, or whether it is.

Wagtail's permission tester folds tree rules into its answers (``can_move_to`` is
false both for "not allowed" and for "impossible"); these resolvers check the tree
rules first so that a client learns *why* with a ``TreeError`` code, and leave the
remaining permission decision to Wagtail's own ``can_*`` methods and actions.
"""

from __future__ import annotations

import enum
from typing import Any

import strawberry
from wagtail.actions import action_registry
from wagtail.actions.delete_page import DeletePagePermissionError
from wagtail.actions.move_page import MovePagePermissionError
from wagtail.models import Page as PageModel
from wagtail.models import ReferenceIndex

from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.failures import InvalidInput, TreeViolation
from wagtail_graphql_write.writes.guards import ensure_unlocked
from wagtail_graphql_write.writes.page_common import (
    PAGE_ID,
    PAGE_REFERENCE,
    ActionSpec,
    flag,
    other_page,
    target_page,
    validation_errors_at,
)
from wagtail_graphql_write.writes.pages import latest_version
from wagtail_graphql_write.writes.run import MutationContext


@strawberry.enum(
    name="PagePosition",
    description="Where a moved page goes, relative to the `destination` page.",
)
class PagePosition(enum.Enum):
    FIRST_CHILD = strawberry.enum_value("first-child", description="The destination's first child.")
    LAST_CHILD = strawberry.enum_value("last-child", description="The destination's last child.")
    LEFT = strawberry.enum_value("left", description="Just before the destination, its sibling.")
    RIGHT = strawberry.enum_value("right", description="Just after the destination, its sibling.")


CHILD_POSITIONS = (PagePosition.FIRST_CHILD, PagePosition.LAST_CHILD)


def _new_parent(page: Any, target: Any, position: PagePosition) -> Any:
    """The parent the page will have: the destination, or the destination's parent."""
    if position in CHILD_POSITIONS:
        return target
    if target.pk == page.pk:
        raise TreeViolation(
            "A page cannot be placed next to itself.", "invalid_tree_operation", ["destination"]
        )
    parent = target.get_parent()
    if parent is None:
        raise TreeViolation(
            "The root page cannot have siblings.", "invalid_tree_operation", ["position"]
        )
    return parent


def check_move_tree(page: Any, parent: Any) -> None:
    """The tree rules of a move, which bind superusers too."""
    if parent.pk == page.pk or parent.is_descendant_of(page):
        raise TreeViolation(
            f"Page {page.pk} cannot be moved into itself or one of its descendants.",
            "move_into_descendant",
            ["destination"],
        )
    if page.is_child_of(parent):
        return  # reordering: Wagtail allows it even where type rules changed since
    if parent.depth > 1 and parent.locale_id != page.locale_id:
        raise TreeViolation(
            f"Page {parent.pk} is in another locale; pages move within their locale's tree.",
            "invalid_tree_operation",
            ["destination"],
        )
    if not page.specific.can_move_to(parent):
        raise TreeViolation(
            f"A {names.type_name(page.specific_class)} cannot be placed under "
            f"{names.type_name(parent.specific_class)} {parent.pk}.",
            "page_type_not_allowed",
            ["destination"],
        )


def _check_move_permission(user: Any, page: Any, parent: Any) -> None:
    """The admin's checks: may the page move at all; a reorder also needs the parent's.

    Moving within the same parent is what the admin's drag-and-drop ordering does,
    which needs ``can_reorder_children`` on the parent; the move action itself then
    checks ``can_move_to`` (add, and publish if live pages move, at the destination).
    """
    if not page.permissions_for_user(user).can_move():
        raise MovePagePermissionError("You do not have permission to move this page.")
    if page.is_child_of(parent) and not parent.permissions_for_user(user).can_reorder_children():
        raise MovePagePermissionError(
            "You do not have permission to reorder the pages under this parent."
        )


def move_page(
    ctx: MutationContext,
    id: str,
    destination: str,
    position: PagePosition = PagePosition.LAST_CHILD,
) -> Any:
    """Move a page (and its subtree) with Wagtail's move action."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    ensure_unlocked(page, user)
    target = other_page(ctx, destination, "destination")
    parent = _new_parent(page, target, position)
    _check_move_permission(user, page, parent)
    check_move_tree(page, parent)
    if not PageModel._slug_is_available(page.slug, parent, page=page):
        raise InvalidInput(
            f"The slug {page.slug!r} is already in use under page {parent.pk}.",
            "slug_in_use",
            ["destination"],
        )
    action = action_registry.get_action_class(type(page), "move")
    with validation_errors_at(["id"]):
        action(page, target, pos=position.value, user=user).execute()
    return latest_version(page)


def delete_page(ctx: MutationContext, id: str, with_descendants: bool = False) -> str:
    """Delete a page, and its subtree only when asked to, as the admin's delete view."""
    user = ctx.require_user()
    page = target_page(ctx, id)
    ensure_unlocked(page, user)
    if not page.permissions_for_user(user).can_delete():
        raise DeletePagePermissionError("You do not have permission to delete this page.")
    children = page.get_children().count()
    if children and not with_descendants:
        raise TreeViolation(
            f"Page {page.pk} has {children} child page(s); send withDescendants: true "
            "to delete them too.",
            "has_children",
            ["id"],
        )
    if ReferenceIndex.get_references_to(page).group_by_source_object().is_protected:
        raise DeletePagePermissionError(
            "This page is referenced by content that protects it from deletion."
        )
    page_id = str(page.pk)
    action_registry.get_action_class(type(page), "delete")(page, user=user).execute()
    return page_id


MOVE = ActionSpec(
    name="movePage",
    description=(
        "Move a page and its subtree. Moving to another parent is logged as "
        "wagtail.move, reordering under the same parent as wagtail.reorder."
    ),
    params=[
        PAGE_ID,
        (
            "destination",
            argument(strawberry.ID, f"The page to move relative to: {PAGE_REFERENCE}."),
            REQUIRED,
        ),
        (
            "position",
            argument(PagePosition, "Where to put the page relative to the destination."),
            PagePosition.LAST_CHILD,
        ),
    ],
    work=move_page,
)

DELETE = ActionSpec(
    name="deletePage",
    description="Delete a page. A page with children is only deleted with withDescendants.",
    params=[
        PAGE_ID,
        flag(
            "with_descendants",
            "Delete the page's descendants too; without it a page "
            "with children is refused (TreeError HAS_CHILDREN).",
        ),
    ],
    work=delete_page,
    object_field="deleted_id",
    object_description="The id of the deleted page.",
)

SPECS = (MOVE, DELETE)

"""``movePage`` and ``deletePage``: changes to where a page is in the tree, or whether it is.

Wagtail's permission tester folds tree rules into its answers (``can_move_to`` is
false both for "not allowed" and for "impossible"); these resolvers check the tree
rules first so that a client learns *why* with a ``TreeError`` code, and leave the
remaining permission decision to Wagtail's own ``can_*`` methods and actions.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

import strawberry
from wagtail.actions import action_registry
from wagtail.actions.delete_page import DeletePagePermissionError
from wagtail.actions.move_page import MovePagePermissionError
from wagtail.models import Page as PageModel
from wagtail.models import ReferenceIndex

from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.writes.arguments import flag, required
from wagtail_graphql_write.writes.errors.failures import (
    InvalidInput,
    TreeViolation,
    validation_errors_at,
)
from wagtail_graphql_write.writes.mutation import Argument, MutationContext, MutationSpec
from wagtail_graphql_write.writes.pages.common import (
    DELETED_PAYLOAD,
    PAGE_ID,
    PAGE_REFERENCE,
    allowed,
    find_page,
    page_payload,
    page_type_not_allowed,
    unlocked,
)
from wagtail_graphql_write.writes.results import latest_version
from wagtail_graphql_write.writes.targets import visible_page


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
        raise page_type_not_allowed(page.specific_class, parent, "destination", "placed")


@dataclass(frozen=True)
class Move:
    """A move, once its destination is found: the page, the destination, the new parent."""

    page: Any
    target: Any
    position: PagePosition
    parent: Any


def find_move(ctx: MutationContext) -> Move:
    page = find_page(ctx)
    target = visible_page(ctx.request, ctx.args["destination"], ["destination"])
    position = ctx.args.get("position") or PagePosition.LAST_CHILD
    return Move(page, target, position, _new_parent(page, target, position))


def may_move(ctx: MutationContext, move: Move) -> None:
    """The admin's checks: may the page move at all; a reorder also needs the parent's.

    Moving within the same parent is what the admin's drag-and-drop ordering does,
    which needs ``can_reorder_children`` on the parent; the move action itself then
    checks ``can_move_to`` (add, and publish if live pages move, at the destination).
    """
    if not move.page.permissions_for_user(ctx.user).can_move():
        raise MovePagePermissionError("You do not have permission to move this page.")
    reorder = move.page.is_child_of(move.parent)
    if reorder and not move.parent.permissions_for_user(ctx.user).can_reorder_children():
        raise MovePagePermissionError(
            "You do not have permission to reorder the pages under this parent."
        )


def move_unlocked(ctx: MutationContext, move: Move) -> None:
    unlocked(ctx, move.page)


def move_tree_rules(_ctx: MutationContext, move: Move) -> None:
    check_move_tree(move.page, move.parent)


def free_slug(_ctx: MutationContext, move: Move) -> Move:
    if not PageModel._slug_is_available(move.page.slug, move.parent, page=move.page):
        raise InvalidInput(
            f"The slug {move.page.slug!r} is already in use under page {move.parent.pk}.",
            "slug_in_use",
            ["destination"],
        )
    return move


def execute_move(ctx: MutationContext, move: Move) -> Any:
    """Move a page (and its subtree) with Wagtail's move action."""
    action = action_registry.get_action_class(type(move.page), "move")
    with validation_errors_at(["id"]):
        action(move.page, move.target, pos=move.position.value, user=ctx.user).execute()
    return latest_version(move.page)


def no_children_unless_asked(ctx: MutationContext, page: Any) -> None:
    children = page.get_children().count()
    if children and not ctx.args.get("with_descendants"):
        raise TreeViolation(
            f"Page {page.pk} has {children} child page(s); send withDescendants: true "
            "to delete them too.",
            "has_children",
            ["id"],
        )


def not_protected(_ctx: MutationContext, page: Any) -> None:
    if ReferenceIndex.get_references_to(page).group_by_source_object().is_protected:
        raise DeletePagePermissionError(
            "This page is referenced by content that protects it from deletion."
        )


def execute_delete(ctx: MutationContext, page: Any) -> str:
    """Delete a page, and its subtree only when asked to, as the admin's delete view."""
    page_id = str(page.pk)
    action_registry.get_action_class(type(page), "delete")(page, user=ctx.user).execute()
    return page_id


SPECS = (
    MutationSpec(
        name="movePage",
        description=(
            "Move a page and its subtree. Moving to another parent is logged as "
            "wagtail.move, reordering under the same parent as wagtail.reorder."
        ),
        arguments=[
            PAGE_ID,
            required(
                "destination", strawberry.ID, f"The page to move relative to: {PAGE_REFERENCE}."
            ),
            Argument(
                "position",
                argument(PagePosition, "Where to put the page relative to the destination."),
                PagePosition.LAST_CHILD,
            ),
        ],
        payload=page_payload(),
        find=find_move,
        permission=may_move,
        preconditions=[move_unlocked, move_tree_rules],
        validate=free_slug,
        execute=execute_move,
    ),
    MutationSpec(
        name="deletePage",
        description="Delete a page. A page with children is only deleted with withDescendants.",
        arguments=[
            PAGE_ID,
            flag(
                "with_descendants",
                "Delete the page's descendants too; without it a page "
                "with children is refused (TreeError HAS_CHILDREN).",
            ),
        ],
        payload=DELETED_PAYLOAD,
        find=find_page,
        permission=allowed(
            lambda perms: perms.can_delete(),
            "You do not have permission to delete this page.",
            DeletePagePermissionError,
        ),
        preconditions=[unlocked, no_children_unless_asked, not_protected],
        execute=execute_delete,
    ),
)

"""``workflows`` and ``tasksAwaitingReview``: what a reviewer's client lists.

``tasksAwaitingReview`` is the admin dashboard's "Awaiting your review" panel: the
task states the viewer may act on now (``TaskState.objects.reviewable_by``), newest
first. Task states of snippet types the API does not expose are left out, since
their content has no GraphQL type.
"""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info
from wagtail.models import Workflow as WorkflowModel

from wagtail_graphql_write.access.permissions import is_active_user
from wagtail_graphql_write.access.workflows import awaiting_review, workflows_enabled
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.workflows import Workflow, WorkflowTaskStateList

Limit = Annotated[
    int | None, strawberry.argument(description="Page size; capped by the MAX_LIMIT setting.")
]
Active = Annotated[
    bool | None,
    strawberry.argument(description="Only active (true) or inactive (false) ones; null: all."),
]


def workflow_query_fields(gen: TypeGenerator) -> dict[str, Any]:
    """Top-level workflow queries, keyed by GraphQL name."""

    def tasks_awaiting_review(
        info: Info, offset: int = 0, limit: Limit = None
    ) -> WorkflowTaskStateList:
        snippets = [e.model for e in gen.registry.snippets]
        items, total = awaiting_review(info.context.request.user, snippets, offset, limit)
        return WorkflowTaskStateList(items=items, total_count=total)

    def workflows(info: Info, active: Active = True) -> list[Workflow]:
        if not is_active_user(info.context.request.user) or not workflows_enabled():
            return []
        queryset = WorkflowModel.objects.order_by("name", "id")
        if active is not None:
            queryset = queryset.filter(active=active)
        return list(queryset)

    return {
        "tasks_awaiting_review": strawberry.field(
            resolver=tasks_awaiting_review,
            description="Workflow tasks you may approve or reject now, newest first (the "
            'admin dashboard\'s "Awaiting your review"). Empty for anonymous viewers.',
        ),
        "workflows": strawberry.field(
            resolver=workflows,
            description="The site's moderation workflows, by name; empty for anonymous viewers.",
        ),
    }

"""Who may see and drive an object's moderation workflow, by the admin's rules.

The admin spreads these rules over its edit views and action menus
(``admin/views/pages/edit.py``, ``admin/views/generic/mixins.py``,
``admin/action_menu.py``). ``WorkflowPermissionTester`` gathers them for the
``userPermissions`` a client reads; the workflow mutations (``writes.workflow_steps``)
check the same conditions one at a time, with the same Wagtail calls, so that they can
say which one failed:

- submit (start) and resubmit: the viewer may edit the object, it is not locked for
  them, it has an active workflow, and no workflow is in progress;
- approve / reject: the current task offers that action to the viewer
  (``task.get_actions(obj, user)``);
- cancel: ``workflow_state.user_can_cancel(user)`` (the requester, the owner, or a
  reviewer of the current task);
- restart: allowed to those who may cancel *and* submit, once changes were requested.

A workflow state is read only by viewers who may read the object's drafts
(``can_view_revisions``), which includes the current task's reviewers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import Any, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model, Q
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    WorkflowMixin,
    WorkflowState,
    get_default_page_content_type,
)

from wagtail_graphql_write.access.listing import (
    PREFETCHED_STATES,
    assigned_workflow,
    specific_task_states,
)
from wagtail_graphql_write.access.permissions import (
    can_view_revisions,
    is_active_user,
    page_permissions,
    snippet_permissions,
)
from wagtail_graphql_write.access.revisions import remember_owner
from wagtail_graphql_write.conf import get_settings

ACTIVE_STATUSES = (WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES)


def workflows_enabled() -> bool:
    return bool(getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True))


def specific_object(obj: Model) -> Model:
    """Pages come back from generic relations as base ``Page`` rows."""
    return cast(Model, obj.specific) if isinstance(obj, Page) else obj


#: Where a workflow state keeps its object (specific class), once known.
STATE_OBJECT = "_graphql_object"


def _states(queryset: Any) -> Any:
    return queryset.select_related("workflow", "requested_by", "current_task_state__task")


def latest_workflow_state(obj: Model) -> WorkflowState | None:
    """The active workflow state (in progress or needing changes), else the last one.

    The admin's edit view shows the same: so a client still sees that its submission
    was approved or cancelled after the workflow ended.
    """
    if not isinstance(obj, WorkflowMixin) or not workflows_enabled():
        return None
    prefetched: list[WorkflowState] | None = getattr(obj, PREFETCHED_STATES, None)
    if prefetched is not None:
        active = [state for state in prefetched if state.status in ACTIVE_STATUSES]
        return (active or prefetched or [None])[0]
    states = _states(obj.workflow_states)
    found = states.filter(status__in=ACTIVE_STATUSES).first()
    return found or states.order_by("-created_at", "-id").first()


def prefetch_workflow_states(objects: Sequence[Model]) -> None:
    """Fetch the workflow states of many objects of one model in one query.

    ``latest_workflow_state`` then reads them from the objects, so a list that
    selects ``workflowState`` costs no query per row for it.
    """
    if not objects or not isinstance(objects[0], WorkflowMixin) or not workflows_enabled():
        return
    base_type = cast(WorkflowMixin, objects[0]).get_base_content_type()
    ids = {str(obj.pk) for obj in objects}
    states = _states(WorkflowState.objects.filter(base_content_type=base_type, object_id__in=ids))
    by_object: dict[str, list[WorkflowState]] = {}
    for state in states.order_by("-created_at", "-id"):
        by_object.setdefault(state.object_id, []).append(state)
    specific_task_states(s.current_task_state for found in by_object.values() for s in found)
    for obj in objects:
        setattr(obj, PREFETCHED_STATES, by_object.get(str(obj.pk), []))
    _attach_objects(by_object, objects, base_type)


def _attach_objects(
    by_object: dict[str, list[WorkflowState]], objects: Sequence[Model], base_type: Any
) -> None:
    """Give each state its object: ours (specific), and the ``content_object`` Wagtail's
    checks read (a row of the base model, ``Page`` for pages), fetched together."""
    if not by_object:
        return
    rows = base_type.model_class()._default_manager.in_bulk(list(by_object))
    content_object = WorkflowState._meta.get_field("content_object")
    for obj in objects:
        row = rows.get(obj.pk)
        for state in by_object.get(str(obj.pk), []):
            setattr(state, STATE_OBJECT, obj)
            content_object.set_cached_value(state, row)


def visible_workflow_state(user: Any, obj: Model) -> WorkflowState | None:
    """``obj``'s workflow state if ``user`` may read its drafts, else ``None``."""
    if not isinstance(obj, WorkflowMixin) or not can_view_revisions(user, obj):
        return None
    return latest_workflow_state(obj)


def edit_permissions(user: Any, obj: Model) -> Any:
    """The page tester or the snippet tester: both answer ``can_edit``."""
    if isinstance(obj, Page):
        return page_permissions(user, obj)
    return snippet_permissions(user, obj)


def locked_for(user: Any, obj: Model) -> bool:
    lock = obj.get_lock() if hasattr(obj, "get_lock") else None
    return bool(lock and lock.for_user(user))


class WorkflowPermissionTester:
    """The workflow questions of the admin's action menu, for one object and viewer.

    ``obj`` is the object's database row (its specific class); ``state`` its active
    workflow state, if any.
    """

    def __init__(self, user: Any, obj: Model, state: WorkflowState | None) -> None:
        self.user = user
        self.obj = obj
        self.state = state if state is not None and state.is_active else None

    @cached_property
    def _active_user(self) -> bool:
        return is_active_user(self.user)

    @cached_property
    def task_actions(self) -> list[tuple[str, str, bool]]:
        """``(name, label, takes_comment)`` the current task offers the viewer now."""
        if not self._active_user or self.state is None:
            return []
        if self.state.status != WorkflowState.STATUS_IN_PROGRESS:
            return []
        task_state = self.state.current_task_state
        if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
            return []
        return list(task_state.task.specific.get_actions(self.obj, self.user))

    def _may_submit(self) -> bool:
        """A workflow object the viewer may edit, not locked for them."""
        if not self._active_user or not workflows_enabled():
            return False
        if not isinstance(self.obj, WorkflowMixin):
            return False
        if not edit_permissions(self.user, self.obj).can_edit():
            return False
        return not locked_for(self.user, self.obj)

    def can_submit(self) -> bool:
        """Start the assigned workflow: nothing active yet, and one is assigned."""
        return self.state is None and self._may_submit() and self._has_workflow()

    def can_resubmit(self) -> bool:
        """Resume the workflow after a reviewer requested changes."""
        return self._needs_changes() and self._may_submit()

    def can_approve(self) -> bool:
        return any(name == "approve" for name, _label, _modal in self.task_actions)

    def can_reject(self) -> bool:
        return any(name == "reject" for name, _label, _modal in self.task_actions)

    def can_cancel(self) -> bool:
        return bool(self._active_user and self.state and self.state.user_can_cancel(self.user))

    def can_restart(self) -> bool:
        """The admin shows "Restart workflow" once changes were requested (not in progress)."""
        return self.can_resubmit() and self._has_workflow() and self.can_cancel()

    def _needs_changes(self) -> bool:
        return bool(self.state and self.state.status == WorkflowState.STATUS_NEEDS_CHANGES)

    def _has_workflow(self) -> bool:
        return assigned_workflow(self.obj) is not None


def workflow_tester(user: Any, obj: Model) -> WorkflowPermissionTester:
    obj = specific_object(obj)
    state = latest_workflow_state(obj)
    return WorkflowPermissionTester(user, obj, state)


def awaiting_review(
    user: Any, snippet_models: Iterable[type[Model]], offset: int, limit: int | None
) -> tuple[list[TaskState], int]:
    """Task states the viewer may act on now, newest first, as the admin dashboard lists.

    Only pages and the given (exposed) snippet models count: other objects' content
    has no GraphQL type. Each item's revision is given its object, fetched in one query
    per content type, so reading ``revision { content }`` costs no query per item.
    """
    if not is_active_user(user) or not workflows_enabled():
        return [], 0
    content_types = ContentType.objects.get_for_models(*snippet_models, for_concrete_models=False)
    kinds = Q(revision__base_content_type=get_default_page_content_type()) | Q(
        revision__content_type__in=list(content_types.values())
    )
    queryset = (
        TaskState.objects.reviewable_by(user)
        .filter(kinds, workflow_state__status=WorkflowState.STATUS_IN_PROGRESS)
        .select_related(
            "task", "revision", "revision__user", "finished_by",
            "workflow_state__workflow", "workflow_state__requested_by",
        )
        .order_by("-started_at", "-id")
    )  # fmt: skip
    conf = get_settings()
    size = min(max(limit if limit is not None else conf["DEFAULT_LIMIT"], 0), conf["MAX_LIMIT"])
    start = max(offset, 0)
    items = list(queryset[start : start + size])
    attach_owners(item.revision for item in items)
    return items, queryset.count()


def attach_owners(revisions: Iterable[Revision]) -> None:
    """Give each revision its object (specific class), one query per content type."""
    wanted: dict[int, list[Revision]] = {}
    for revision in revisions:
        wanted.setdefault(revision.content_type_id, []).append(revision)
    for content_type_id, group in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        rows = model._default_manager.in_bulk([r.object_id for r in group])
        by_pk = {str(pk): row for pk, row in rows.items()}
        for revision in group:
            owner = by_pk.get(str(revision.object_id))
            if owner is not None:
                remember_owner([revision], owner)


def task_state_history(state: WorkflowState) -> list[TaskState]:
    """The task states of one workflow state in the order they happened."""
    return list(
        state.task_states.select_related(
            "task", "finished_by", "revision", "revision__user"
        ).order_by("started_at", "id")
    )

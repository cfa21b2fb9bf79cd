"""What permission, lock and workflow checks read, fetched once for a whole list.

Wagtail's checks (``PagePermissionTester``, ``get_lock``, ``get_workflow``) ask the
database about one object at a time: its active workflow state, its scheduled
revision, the workflow assigned to it or its nearest ancestor, the specific class of
its current task. A list selecting ``userPermissions`` or ``workflowState`` would pay
that for every item. ``prefetch_check_facts`` fetches each fact for all objects at once
and leaves it where Wagtail's own listing optimisations leave it, so Wagtail's methods
read it from memory:

- ``_current_workflow_states``: what ``PageQuerySet.prefetch_workflow_states`` sets,
  read by ``current_workflow_state`` and ``workflow_in_progress``;
- ``scheduled_revision``: a ``cached_property`` of ``DraftStateMixin``, read by
  ``approved_schedule`` (the scheduled-publishing lock);
- the current task state's and task's specific rows, ``TaskState.specific`` and its
  ``task`` (cached, as the first access would cache them);
- ``ASSIGNED_WORKFLOW``: the workflow ``get_workflow()`` would return, read by
  ``access.workflows.assigned_workflow`` (models overriding ``get_workflow`` keep it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from wagtail.models import (
    DraftStateMixin,
    Page,
    Revision,
    Task,
    TaskState,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowState,
)

#: Where ``access.workflows.prefetch_workflow_states`` leaves an object's workflow
#: states, newest first (``_active_states`` reuses them).
PREFETCHED_STATES = "_graphql_workflow_states"
#: Where ``prefetch_check_facts`` leaves the workflow ``get_workflow()`` returns.
ASSIGNED_WORKFLOW = "_graphql_assigned_workflow"


def prefetch_check_facts(objects: Sequence[Model]) -> None:
    """Fetch, for objects of one model, what permission and lock checks read."""
    if not objects:
        return
    first = objects[0]
    if isinstance(first, WorkflowMixin) and getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
        _active_states(objects)
        _assigned_workflows(objects)
    if isinstance(first, DraftStateMixin):
        _scheduled_revisions(objects)


def _key(obj: Model) -> tuple[int, str]:
    """How generic relations (revisions, workflow states) name an object."""
    base = cast(Any, obj).get_base_content_type()
    return base.pk, str(obj.pk)


def _active_states(objects: Sequence[Model]) -> None:
    if all(hasattr(obj, PREFETCHED_STATES) for obj in objects):
        for obj in objects:
            states = getattr(obj, PREFETCHED_STATES)
            cast(Any, obj)._current_workflow_states = [s for s in states if s.is_active]
        return
    keys = {_key(obj) for obj in objects}
    base_types = {base for base, _ in keys}
    states = WorkflowState.objects.active().filter(
        base_content_type_id__in=base_types, object_id__in={pk for _, pk in keys}
    )
    by_key: dict[tuple[int, str], list[WorkflowState]] = defaultdict(list)
    for state in states.select_related("current_task_state__task"):
        by_key[(state.base_content_type_id, state.object_id)].append(state)
    specific_task_states(state.current_task_state for states in by_key.values() for state in states)
    for obj in objects:
        cast(Any, obj)._current_workflow_states = by_key.get(_key(obj), [])


def specific_task_states(task_states: Iterable[TaskState | None]) -> None:
    """Give task states their specific row and their task's, two queries per class."""
    found = [ts for ts in task_states if ts is not None]
    if not found:
        return
    rows = {ts.pk: ts for ts in TaskState.objects.filter(pk__in={t.pk for t in found}).specific()}
    tasks = {t.pk: t for t in Task.objects.filter(pk__in={t.task_id for t in found}).specific()}
    for task_state in found:
        specific = rows.get(task_state.pk, task_state)
        task = tasks.get(task_state.task_id)
        if task is not None:
            task_state.task = specific.task = task
        cast(Any, task_state).specific = specific


def _scheduled_revisions(objects: Sequence[Model]) -> None:
    """``scheduled_revision`` is the first revision with ``approved_go_live_at``."""
    keys = {_key(obj) for obj in objects}
    revisions = Revision.objects.filter(
        base_content_type_id__in={base for base, _ in keys},
        object_id__in={pk for _, pk in keys},
        approved_go_live_at__isnull=False,
    ).order_by("pk")
    first: dict[tuple[int, str], Revision] = {}
    for revision in revisions:
        first.setdefault((revision.base_content_type_id, revision.object_id), revision)
    for obj in objects:
        cast(Any, obj).scheduled_revision = first.get(_key(obj))


def _assigned_workflows(objects: Sequence[Model]) -> None:
    """As ``Page.get_workflow`` (the nearest active assignment up the tree) and
    ``WorkflowMixin.get_default_workflow`` (the model's assignment) decide."""
    model = type(objects[0])
    if not _uses_wagtail_rule(model):
        return
    if issubclass(model, Page):
        assignments = [
            (link.page.path, link.workflow)
            for link in WorkflowPage.objects.filter(workflow__active=True).select_related(
                "page", "workflow"
            )
        ]
        for obj in objects:
            path = cast(Page, obj).path
            matches = [(p, w) for p, w in assignments if path.startswith(p)]
            nearest = max(matches, key=lambda match: len(match[0]))[1] if matches else None
            setattr(obj, ASSIGNED_WORKFLOW, nearest)
        return
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
    link = (
        WorkflowContentType.objects.filter(content_type=content_type, workflow__active=True)
        .select_related("workflow")
        .first()
    )
    for obj in objects:
        setattr(obj, ASSIGNED_WORKFLOW, link.workflow if link is not None else None)


def assigned_workflow(obj: Model) -> Any:
    """``obj.get_workflow()``, from what ``prefetch_check_facts`` fetched if it did."""
    if hasattr(obj, ASSIGNED_WORKFLOW):
        return getattr(obj, ASSIGNED_WORKFLOW)
    return cast(WorkflowMixin, obj).get_workflow()


def _uses_wagtail_rule(model: type[Model]) -> bool:
    """Models that override ``get_workflow`` decide for themselves, one by one."""
    rule = Page.get_workflow if issubclass(model, Page) else WorkflowMixin.get_workflow
    default = cast(Any, model).get_default_workflow.__func__
    return cast(Any, model).get_workflow is rule and (
        issubclass(model, Page) or default is cast(Any, WorkflowMixin.get_default_workflow).__func__
    )

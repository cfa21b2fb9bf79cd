"""The "Moderators approval" workflow, on the page tree and on ``Person``.

Wagtail's migrations normally create the workflow and assign it to the root
page; the seed recreates it if missing, makes sure it is active, and also
assigns it to the ``Person`` snippet so snippet workflows can be exercised.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    GroupApprovalTask,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from blog.models import Person

WORKFLOW_NAME = "Moderators approval"


def ensure_workflow(moderators):
    """Return the active moderation workflow, assigned to the root page and Person."""
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])

    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=WORKFLOW_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    for task in workflow.tasks.specific():
        if not task.active:
            task.active = True
            task.save(update_fields=["active"])
        if isinstance(task, GroupApprovalTask) and not task.groups.exists():
            task.groups.add(moderators)

    root = Page.get_first_root_node()
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    person_type = ContentType.objects.get_for_model(Person, for_concrete_model=False)
    WorkflowContentType.objects.update_or_create(
        content_type=person_type, defaults={"workflow": workflow}
    )
    return workflow

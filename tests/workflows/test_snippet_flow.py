"""The moderation flow on the example's workflow snippet (``Person``), over HTTP."""

from __future__ import annotations

from typing import Any

from blog.models import Person
from tests.workflows.helpers import (
    APPROVE,
    ERRORS,
    REJECT,
    RESUBMIT,
    START,
    STATE,
    log_actions,
    snippet_ref,
)

CREATE_AND_SUBMIT = (
    """
mutation {
  createPerson(input: {firstName: "Grace", lastName: "Hopper"}, action: SUBMIT) {
    snippet { id ... on Person { live firstName } }
    workflowState { ...State }
    errors { ...Errors }
  }
}
"""
    + STATE
    + ERRORS
)

UPDATE = """
mutation($id: ID!) {
  updatePerson(id: $id, input: {jobTitle: "Rear admiral"}) {
    snippet { id }
    errors { __typename code }
  }
}
"""

READ = (
    """
query($id: ID!) {
  person(id: $id, version: LATEST) {
    jobTitle
    workflowState { ...State }
  }
}
"""
    + STATE
)

AWAITING = """
{ tasksAwaitingReview {
    totalCount
    items { revision { objectId ... on SnippetRevision { content { displayTitle } } } }
} }
"""


def test_snippet_submit_reject_resubmit_approve_publishes_it(
    editor: Any, moderator: Any, anonymous: Any
) -> None:
    created = editor.execute(CREATE_AND_SUBMIT)["createPerson"]
    assert created["errors"] == []
    person_id = created["snippet"]["id"]
    assert created["snippet"]["live"] is False
    assert created["workflowState"]["status"] == "IN_PROGRESS"

    queue = moderator.execute(AWAITING)["tasksAwaitingReview"]
    assert (person_id, {"displayTitle": "Grace Hopper"}) in [
        (item["revision"]["objectId"], item["revision"]["content"]) for item in queue["items"]
    ]

    target = snippet_ref("PERSON", person_id)
    rejected = moderator.execute(REJECT, {"target": target, "comment": "Job title?"})
    assert rejected["rejectWorkflowTask"]["workflowState"]["status"] == "NEEDS_CHANGES"
    assert rejected["rejectWorkflowTask"]["snippet"] == {
        "id": person_id,
        "displayTitle": "Grace Hopper",
    }

    assert editor.execute(UPDATE, {"id": person_id})["updatePerson"]["errors"] == []
    seen = editor.execute(READ, {"id": person_id})["person"]
    assert seen["workflowState"]["currentTaskState"]["comment"] == "Job title?"
    resubmitted = editor.execute(RESUBMIT, {"target": target})["resubmitWorkflow"]
    assert resubmitted["errors"] == []
    assert resubmitted["workflowState"]["status"] == "IN_PROGRESS"

    approved = moderator.execute(APPROVE, {"target": target, "comment": None})
    assert approved["approveWorkflowTask"]["errors"] == []
    assert approved["approveWorkflowTask"]["workflowState"]["status"] == "APPROVED"

    person = Person.objects.get(pk=person_id)
    assert person.live and person.job_title == "Rear admiral"
    live = anonymous.execute("query($id: ID!) { person(id: $id) { jobTitle } }", {"id": person_id})
    assert live["person"] == {"jobTitle": "Rear admiral"}
    assert [
        a for a in log_actions(person) if a.startswith("wagtail.workflow") or a == "wagtail.publish"
    ] == [
        "wagtail.workflow.start",
        "wagtail.workflow.reject",
        "wagtail.workflow.resume",
        "wagtail.workflow.approve",
        "wagtail.publish",
    ]


def test_start_workflow_submits_an_existing_snippet(editor: Any, seeded: Any) -> None:
    person = seeded.people["lovelace"]
    payload = editor.execute(START, {"target": snippet_ref("PERSON", person.pk)})["startWorkflow"]
    assert payload["errors"] == []
    assert payload["workflowState"]["status"] == "IN_PROGRESS"
    assert payload["page"] is None
    assert payload["snippet"]["id"] == str(person.pk)
    assert Person.objects.get(pk=person.pk).workflow_in_progress

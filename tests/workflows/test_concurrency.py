"""Two reviewers acting at once on PostgreSQL: the object's row lock serialises them."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import APIToken, PageLogEntry, TaskState

from blog.models import BlogPage
from tests.concurrently import run_concurrently, skip_unless_postgres
from tests.conftest import GraphQLClient
from tests.workflows.helpers import APPROVE, START, codes, page_ref


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_approving_at_once_approve_once() -> None:
    skip_unless_postgres()
    from blog.seeding import seed_site

    seeded = seed_site()
    page = seeded.posts[2]
    GraphQLClient(seeded.tokens["editor"]).execute(START, {"target": page_ref(page.pk)})
    second = get_user_model().objects.create_user("moderator2")
    second.groups.add(Group.objects.get(name="Moderators"))
    _, token = APIToken.create_token(user=second, name="test")
    variables = {"target": page_ref(page.pk), "comment": None}
    results = run_concurrently(
        {
            "moderator": (seeded.tokens["moderator"], APPROVE, variables),
            "moderator2": (token, APPROVE, variables),
        }
    )
    outcomes = sorted(str(codes(r["approveWorkflowTask"])) for r in results.values())
    assert outcomes == ["[('WorkflowStateError', 'NOT_IN_MODERATION')]", "[]"]
    assert BlogPage.objects.get(pk=page.pk).live
    assert TaskState.objects.filter(status="approved").count() == 1
    approvals = PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.workflow.approve")
    assert approvals.count() == 1

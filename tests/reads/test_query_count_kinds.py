"""Each field kind costs the same number of SQL queries for a list of 3 and of 30 items.

One test per kind a list may select (issue 12): chooser blocks at every depth of a
StreamField, InlinePanel rows and their foreign keys, many-to-many relations, tags,
images, ``version: LATEST`` lists, ``revisions { content }``, ``userPermissions``,
``workflowState`` and snippet lists. Hidden objects (unpublished, private, restricted)
are among the ones pointed at, so the read rule is shown to cost nothing per item too.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.reads.many_items import FEW, MANY, add_people, add_posts, explain, make_targets, run


@pytest.fixture(autouse=True)
def generous_cost(settings: Any) -> None:
    """Lists of 30 items with every field selected cost more than the default allows."""
    settings.WAGTAIL_GRAPHQL_WRITE = {"MAX_QUERY_COST": 1_000_000}


@pytest.fixture
def targets(seeded: Any) -> Any:
    return make_targets(seeded)


@pytest.fixture
def posts(seeded: Any, targets: Any) -> Any:
    return add_posts(seeded, targets)


PAGES = """
query List($parent: ID, $limit: Int, $version: ContentVersion) {
  pages(childOf: $parent, limit: $limit, version: $version) {
    items { __typename id title ... on BlogPage { %s } }
  }
}
"""

BODY = """
body {
  __typename blockId
  ... on BlogPageBodyImageBlock { image { id title } }
  ... on BlogPageBodyRelatedPageBlock { relatedPage { id title } }
  ... on BlogPageBodyPersonBlock { person { id displayTitle } }
  ... on BlogPageBodyGalleryBlock {
    gallery { __typename ... on BlogPageBodyGalleryImageBlock { image { id title } } }
  }
  ... on BlogPageBodyTeaserBlock {
    teaser { page { id title } document { id title } people { value { id displayTitle } } }
  }
}
"""

RELATIONS = """
authors { role person { displayTitle image { title } } }
categories { name }
tags
feedImage { title url width }
"""


def _same_cost(client: Any, query: str, variables: dict[str, Any]) -> list[dict[str, Any]]:
    """Run ``query`` for ``FEW`` and ``MANY`` items; assert equal counts; the long list."""
    few, few_data, few_sql = run(client, query, {**variables, "limit": FEW})
    many, many_data, many_sql = run(client, query, {**variables, "limit": MANY})
    items: list[dict[str, Any]] = next(iter(many_data.values()))["items"]
    assert len(next(iter(few_data.values()))["items"]) == FEW
    assert len(items) == MANY
    assert few == many, explain(few_sql, many_sql)
    return items


def _blocks(item: dict[str, Any], typename: str) -> list[dict[str, Any]]:
    return [b for b in item["body"] if b["__typename"] == typename]


@pytest.mark.parametrize("who", ["anonymous", "editor"])
def test_chooser_blocks_at_every_depth(
    who: str, anonymous: Any, editor: Any, targets: Any, posts: Any
) -> None:
    client = anonymous if who == "anonymous" else editor
    items = _same_cost(client, PAGES % BODY, {"parent": str(targets.index.pk)})
    last = items[-1]
    assert _blocks(last, "BlogPageBodyImageBlock")[0]["image"]["title"] == "Sample image"
    gallery = _blocks(last, "BlogPageBodyGalleryBlock")[0]["gallery"]
    assert gallery[0]["image"]["title"] == "Sample image"
    assert _blocks(last, "BlogPageBodyRelatedPageBlock")[0]["relatedPage"]["title"] == (
        targets.public_page.title
    )
    people = [b["person"] for b in _blocks(last, "BlogPageBodyPersonBlock")]
    teasers = [b["teaser"] for b in _blocks(last, "BlogPageBodyTeaserBlock")]
    assert teasers[0]["page"]["title"] == targets.public_page.title
    assert teasers[0]["document"] == {
        "id": str(targets.public_document.pk),
        "title": "Public doc",
    }
    listed = [p["value"]["displayTitle"] for p in teasers[0]["people"]]
    if who == "anonymous":
        # An unpublished person, an unpublished page, a private page and a document in
        # a restricted collection read as null (or are left out of a list).
        assert people == [
            {"id": str(targets.public_person.pk), "displayTitle": "Ada Lovelace"},
            None,
        ]
        assert listed == ["Ada Lovelace"]
        assert [t["page"] for t in teasers[1:]] == [None, None]
        assert teasers[1]["document"] is None
    else:
        # Editors may read drafts: the unpublished person and pages are theirs to see;
        # the restricted document stays hidden (no password in the request).
        assert people[1] == {"id": str(targets.hidden_person.pk), "displayTitle": "Hidden Person"}
        assert listed == ["Ada Lovelace", "Hidden Person"]
        assert [t["page"]["title"] for t in teasers[1:]] == [
            targets.hidden_page.title,
            targets.private_page.title,
        ]
        assert teasers[1]["document"] is None


def test_inline_rows_many_to_many_tags_and_images(anonymous: Any, targets: Any, posts: Any) -> None:
    items = _same_cost(anonymous, PAGES % RELATIONS, {"parent": str(targets.index.pk)})
    last = items[-1]
    assert last["authors"] == [
        {
            "role": "Author",
            "person": {"displayTitle": "Ada Lovelace", "image": {"title": "Sample image"}},
        },
        {"role": "Reviewer", "person": {"displayTitle": "Grace Hopper", "image": None}},
    ]
    assert [c["name"] for c in last["categories"]] == ["News", "Tutorials"]
    assert last["tags"] == ["common", f"tag-{(MANY - 1) % 3}"]
    assert last["feedImage"]["title"] == "Sample image"


def test_latest_lists(editor: Any, targets: Any, posts: Any) -> None:
    query = PAGES % (BODY + RELATIONS)
    items = _same_cost(editor, query, {"parent": str(targets.index.pk), "version": "LATEST"})
    last = items[-1]
    assert last["title"] == f"Post {MANY - 1} (draft)"
    assert [a["person"]["displayTitle"] for a in last["authors"]] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]
    assert last["tags"] == ["common", f"tag-{(MANY - 1) % 3}"]
    assert _blocks(last, "BlogPageBodyImageBlock")[0]["image"]["title"] == "Sample image"


REVISIONS = """
... on Revisable {
  revisions(limit: 2) {
    totalCount
    items {
      id isLatest isLive user { displayName }
      ... on PageRevision { content { title ... on BlogPageRevisionContent { %s } } }
    }
  }
  latestRevision { id }
}
"""


def test_revisions_with_their_content(editor: Any, targets: Any, posts: Any) -> None:
    query = PAGES % (REVISIONS % (BODY + RELATIONS))
    items = _same_cost(editor, query, {"parent": str(targets.index.pk)})
    revisions = items[-1]["revisions"]
    assert revisions["totalCount"] == 1
    content = revisions["items"][0]["content"]
    assert content["title"] == f"Post {MANY - 1} (draft)"
    assert [a["person"]["displayTitle"] for a in content["authors"]] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]


PERMISSIONS = """
userPermissions {
  canEdit canPublish canUnpublish canLock canUnlock canCopy canAddSubpage canPublishSubpage
  canReorderChildren canSetViewRestrictions canUnschedule canSubmitForModeration
  canViewRevisions %s
}
"""


def test_user_permissions(editor: Any, targets: Any, posts: Any) -> None:
    """Every question but two, for an editor (``change`` without ``publish``).

    ``canDelete`` and ``canMove`` are left out here: for a user who may change but not
    publish, Wagtail's ``PagePermissionTester.can_delete`` asks the database whether
    the page's subtree holds a live page, one query per page (see the next test).
    """
    items = _same_cost(editor, PAGES % (PERMISSIONS % ""), {"parent": str(targets.index.pk)})
    assert items[-1]["userPermissions"]["canEdit"] is True
    assert items[-1]["userPermissions"]["canPublish"] is False
    assert items[-1]["userPermissions"]["canSubmitForModeration"] is True


def test_user_permissions_with_delete_and_move(moderator: Any, targets: Any, posts: Any) -> None:
    """Every question, for a moderator (who may publish: no subtree query)."""
    query = PAGES % (PERMISSIONS % "canDelete canMove")
    items = _same_cost(moderator, query, {"parent": str(targets.index.pk)})
    assert items[-1]["userPermissions"]["canPublish"] is True
    assert items[-1]["userPermissions"]["canDelete"] is True


WORKFLOW_STATE = """
workflowState {
  status requestedBy { displayName } workflow { name }
  currentTaskState { status task { name } }
  userPermissions { canApprove canReject canCancel canResubmit }
}
"""


def test_workflow_states(seeded: Any, editor: Any, targets: Any, posts: Any) -> None:
    from wagtail.models import Workflow

    workflow = Workflow.objects.get(name="Moderators approval")
    for post in posts:
        workflow.start(post, seeded.users["editor"])
    items = _same_cost(editor, PAGES % WORKFLOW_STATE, {"parent": str(targets.index.pk)})
    assert items[-1]["workflowState"]["status"] == "IN_PROGRESS"
    assert items[-1]["workflowState"]["requestedBy"] == {"displayName": "editor"}


PEOPLE = """
query People($limit: Int, $version: ContentVersion) {
  people(limit: $limit, version: $version) {
    items {
      id displayTitle jobTitle image { title }
      userPermissions { canEdit canPublish canLock canViewRevisions canSubmitForModeration }
      revisions(limit: 1) {
        items {
          ... on SnippetRevision {
            content { displayTitle ... on PersonRevisionContent { jobTitle image { title } } }
          }
        }
      }
      workflowState { status }
    }
  }
}
"""


@pytest.mark.parametrize("version", ["LIVE", "LATEST"])
def test_snippet_lists(version: str, seeded: Any, moderator: Any) -> None:
    add_people(seeded)
    items = _same_cost(moderator, PEOPLE, {"version": version})
    last = items[-1]
    assert last["image"] == {"title": "Sample image"}
    assert last["jobTitle"] == ("Draft title" if version == "LATEST" else "")
    assert last["userPermissions"]["canPublish"] is True
    assert last["revisions"]["items"][0]["content"]["jobTitle"] == "Draft title"

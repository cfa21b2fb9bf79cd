"""``uploadDocument``, ``updateDocument``, ``deleteDocument``: the admin's rules, a
permission matrix over collections, ``WAGTAILDOCS_EXTENSIONS``, and private documents."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, ModelLogEntry

from tests.media.conftest import Matrix
from tests.media.helpers import make_document, stored_files

Document = get_document_model()

UPLOAD = """
mutation Upload($file: Upload!, $input: DocumentCreateInput!) {
  uploadDocument(file: $file, input: $input) {
    document { id title file fileExtension tags collection { name } }
    errors { __typename message path ... on ValidationError { validationCode } }
  }
}
"""

UPDATE = """
mutation Update($id: ID!, $input: DocumentUpdateInput, $file: Upload) {
  updateDocument(id: $id, input: $input, file: $file) {
    document { id title file } errors { __typename message path }
  }
}
"""

DELETE = "mutation D($id: ID!) { deleteDocument(id: $id) { deletedId errors { __typename } } }"


def _state(root: Any) -> tuple[int, list[str]]:
    return Document.objects.count(), stored_files(root)


def test_upload_update_replace_delete(
    matrix: Matrix, media_root: Any, django_capture_on_commit_callbacks: Any
) -> None:
    before = _state(media_root)
    data = matrix.client.run(
        UPLOAD, {"input": {"tags": ["q1"]}}, {"file": ("report.csv", b"a,b\n")}
    )
    payload = data["uploadDocument"]
    assert payload["errors"] == []
    assert payload["document"]["title"] == "report"
    assert payload["document"]["fileExtension"] == "csv"
    assert payload["document"]["collection"] == {"name": "Allowed"}
    document = Document.objects.get(pk=payload["document"]["id"])
    assert ModelLogEntry.objects.filter(
        object_id=str(document.pk), action="wagtail.create"
    ).exists()
    old_name = document.file.name

    variables = {"id": str(document.pk), "input": {"title": "Report 2"}}
    replaced = matrix.client.run(UPDATE, variables, {"file": ("report2.txt", b"new")})[
        "updateDocument"
    ]
    assert replaced["errors"] == []
    assert replaced["document"] == {
        "id": str(document.pk),
        "title": "Report 2",
        "file": "report2.txt",
    }
    document.refresh_from_db()
    assert stored_files(media_root) == [document.file.name]
    assert old_name != document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        deleted = matrix.client.run(DELETE, {"id": str(document.pk)})["deleteDocument"]
    assert deleted == {"deletedId": str(document.pk), "errors": []}
    assert _state(media_root) == before


def test_denied_collection_and_bad_extension_store_nothing(matrix: Matrix, media_root: Any) -> None:
    theirs = make_document("Theirs", matrix.denied)
    before = _state(media_root)
    denied = matrix.client.run(
        UPLOAD, {"input": {"collection": str(matrix.denied.pk)}}, {"file": ("a.csv", b"x")}
    )["uploadDocument"]
    assert [e["__typename"] for e in denied["errors"]] == ["PermissionDeniedError"]
    bad = matrix.client.run(UPLOAD, {"input": {}}, {"file": ("tool.exe", b"MZ")})["uploadDocument"]
    assert [(e["__typename"], e["path"]) for e in bad["errors"]] == [("ValidationError", ["file"])]
    assert "“exe” is not allowed" in bad["errors"][0]["message"]  # Wagtail's model check
    for query, variables in (
        (UPDATE, {"id": str(theirs.pk), "input": {"title": "x"}}),
        (DELETE, {"id": str(theirs.pk)}),
    ):
        result = next(iter(matrix.client.run(query, variables).values()))
        assert [e["__typename"] for e in result["errors"]] == ["PermissionDeniedError"]
    assert _state(media_root) == before
    theirs.refresh_from_db()
    assert theirs.title == "Theirs"


def test_a_private_document_cannot_be_written_by_who_may_not_see_it(
    matrix: Matrix, media_root: Any
) -> None:
    """Even with change permission, a document the viewer may not see does not exist for them."""
    restriction = CollectionViewRestriction.objects.create(
        collection=matrix.allowed, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Board"))
    secret = make_document("Secret", matrix.allowed)
    result = matrix.client.run(UPDATE, {"id": str(secret.pk), "input": {"title": "x"}})[
        "updateDocument"
    ]
    assert [(e["__typename"], e["path"]) for e in result["errors"]] == [("NotFoundError", ["id"])]
    assert "Secret" not in next(e["message"] for e in result["errors"])

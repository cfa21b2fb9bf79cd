"""``uploadImage``, ``updateImage``, ``deleteImage`` and the same for documents.

Each does what the admin's view does (``wagtail/images/views/images.py``, the
documents' ``views/documents.py``): the collection permission policy decides (``add``
somewhere to upload, and ``add`` on the collection the client names; ``change`` or
``delete`` on the object), the admin's form validates the file and the fields
(``writes.media.forms``), and Wagtail's ``create`` / ``edit`` / ``delete`` actions
save, write the audit log (``wagtail.create``, ``wagtail.edit``, ``wagtail.delete``)
and, for a replaced file, delete the old file and its renditions (the form's
``save``). Nothing is stored before every check passed, and a file stored by a save
that then fails is removed again, so a failed or denied write leaves no file and no row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import strawberry
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Model
from strawberry.file_uploads import Upload
from wagtail.actions import action_registry
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from wagtail_graphql_write.access.ids import parse_id
from wagtail_graphql_write.generation import names
from wagtail_graphql_write.generation.generator import TypeGenerator
from wagtail_graphql_write.generation.payloads import argument
from wagtail_graphql_write.writes.arguments import REQUIRED
from wagtail_graphql_write.writes.errors.failures import NotFound
from wagtail_graphql_write.writes.media.forms import (
    bind_media_form,
    uploaded_file,
    validate_media_form,
)
from wagtail_graphql_write.writes.mutation import Argument, MutationContext, MutationSpec, Payload
from wagtail_graphql_write.writes.targets import locked_object


@dataclass
class MediaJob:
    """One image or document write: the object, the input as sent and the file."""

    model: type[Model]
    instance: Any
    payload: dict[str, Any]
    upload: UploadedFile | None
    form: Any = None


def _noun(model: type[Model]) -> str:
    return str(model._meta.verbose_name)


def _policy(model: type[Model]) -> Any:
    return policy_registry.get_by_type(model)


def _target_collection(ctx: MutationContext, job: MediaJob) -> None:
    """``add`` on a collection the client names, as the admin form's choices allow.

    Moving an object to the collection it is in needs nothing more; a collection that
    does not exist is ``NotFound`` at ``["input", "collection"]``.
    """
    if "collection" not in job.payload:
        return
    value = job.payload["collection"]
    pk = parse_id(value)
    collection = Collection.objects.filter(pk=pk).first() if pk else None
    path = ["input", "collection"]
    if collection is None:
        raise NotFound(f"No collection has id {value!r}.", path)
    if job.instance.pk is not None and collection.pk == job.instance.collection_id:
        return
    allowed = _policy(job.model).collections_user_has_permission_for(ctx.user, "add")
    if not allowed.filter(pk=collection.pk).exists():
        raise PermissionDenied(
            f"You do not have permission to add {names.lower_first(_noun(job.model))}s "
            f"to the collection {collection.name!r}."
        )


def may_add(ctx: MutationContext, job: MediaJob) -> None:
    if not _policy(job.model).user_has_permission(ctx.user, "add"):
        raise PermissionDenied(f"You do not have permission to add {_noun(job.model)}s.")
    _target_collection(ctx, job)


def may_change(ctx: MutationContext, job: MediaJob) -> None:
    if not _policy(job.model).user_has_permission_for_instance(ctx.user, "change", job.instance):
        raise PermissionDenied(f"You do not have permission to edit this {_noun(job.model)}.")
    _target_collection(ctx, job)


def may_delete(ctx: MutationContext, obj: Any) -> None:
    if not _policy(type(obj)).user_has_permission_for_instance(ctx.user, "delete", obj):
        raise PermissionDenied(f"You do not have permission to delete this {_noun(type(obj))}.")


def validate(ctx: MutationContext, job: MediaJob) -> MediaJob:
    job.form, _binding = bind_media_form(job.model, job.instance, job.payload, job.upload, ctx.user)
    validate_media_form(job.form)
    return job


def _save(ctx: MutationContext, job: MediaJob, action_name: str) -> Any:
    """Run the admin's action; if it fails after storing the new file, remove the file."""
    action = action_registry.get_action_class(job.model, action_name)
    try:
        action(job.instance, user=ctx.user, form=job.form).execute(skip_permission_checks=True)
    except BaseException:
        stored = job.instance.file
        if job.upload is not None and stored and stored.name:
            stored.storage.delete(stored.name)
        raise
    return job.model._default_manager.get(pk=job.instance.pk)


def execute_create(ctx: MutationContext, job: MediaJob) -> Any:
    return _save(ctx, job, "create")


def execute_edit(ctx: MutationContext, job: MediaJob) -> Any:
    return _save(ctx, job, "edit")


def execute_delete(ctx: MutationContext, obj: Any) -> str:
    object_id = str(obj.pk)
    action_registry.get_action_class(type(obj), "delete")(obj, user=ctx.user).execute(
        skip_permission_checks=True
    )
    return object_id


FILE_DOC = "The file, as a multipart request's file part (the GraphQL multipart request spec)."
NEW_FILE_DOC = "A new file replacing the current one (whose renditions are dropped)."


def _specs(gen: TypeGenerator, model: type[Model]) -> list[MutationSpec]:
    type_name = names.type_name(model)
    noun = _noun(model)
    output = gen.object_type(model)
    payload = Payload(names.lower_first(type_name), output, f"The {noun}, as saved.")

    def find_new(ctx: MutationContext) -> MediaJob:
        instance = model(uploaded_by_user=ctx.user)
        return MediaJob(model, instance, ctx.args["input"], uploaded_file(ctx.args["file"]))

    def find_existing(ctx: MutationContext) -> MediaJob:
        instance = locked_object(ctx.request, model, ctx.args["id"], ["id"])
        upload = uploaded_file(ctx.args.get("file"))
        return MediaJob(model, instance, ctx.args["input"] or {}, upload)

    upload = MutationSpec(
        name=names.mutation_name("upload", model),
        description=f"Upload a new {noun}, checked as the admin's add form checks it.",
        arguments=[
            Argument("file", argument(Upload, FILE_DOC), REQUIRED),
            Argument("input", gen.create_input(model), REQUIRED),
        ],
        payload=payload,
        find=find_new,
        permission=may_add,
        validate=validate,
        execute=execute_create,
    )
    update = MutationSpec(
        name=names.mutation_name("update", model),
        description=f"Edit a {noun}; fields not sent keep their value.",
        arguments=[
            Argument("id", strawberry.ID, REQUIRED),
            Argument("input", gen.update_input(model) | None, None),
            Argument("file", argument(Upload | None, NEW_FILE_DOC), None),
        ],
        payload=payload,
        find=find_existing,
        permission=may_change,
        validate=validate,
        execute=execute_edit,
    )
    delete = MutationSpec(
        name=names.mutation_name("delete", model),
        description=f"Delete a {noun} (and its file).",
        arguments=[Argument("id", strawberry.ID, REQUIRED)],
        payload=Payload("deleted_id", strawberry.ID, f"The id of the deleted {noun}."),
        find=lambda ctx: locked_object(ctx.request, model, ctx.args["id"], ["id"]),
        permission=may_delete,
        execute=execute_delete,
    )
    return [upload, update, delete]


def media_specs(gen: TypeGenerator) -> list[MutationSpec]:
    """The three mutations for the image model, then for the document model."""
    return [*_specs(gen, get_image_model()), *_specs(gen, get_document_model())]

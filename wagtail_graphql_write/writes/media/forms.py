"""GraphQL input and an uploaded file -> the admin's bound image or document form.

The form is the admin's own (``get_image_form`` / ``get_document_form`` for the
configured model, ``WAGTAILIMAGES_IMAGE_FORM_BASE`` honoured), built with the user so
that its collection choices are the admin's: those the user may add to. So the file
is checked exactly as the admin checks it: extension, ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``,
``WAGTAILIMAGES_MAX_IMAGE_PIXELS``, ``WAGTAILDOCS_EXTENSIONS``, and that an image is
one. Every field the client did not send is posted with its current value, as the
admin's page would post it.

Errors are reported where the client sent the value: the file at ``["file"]``, the
focal point at ``["input", "focalPoint", ...]``, other fields at ``["input", name]``.
"""

from __future__ import annotations

import os
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db.models import Model
from django.forms import BaseModelForm
from wagtail.documents.forms import get_document_form
from wagtail.images.forms import get_image_form
from wagtail.images.models import AbstractImage

from wagtail_graphql_write.generation.names import field_name
from wagtail_graphql_write.writes.errors.failures import InputErrors, InvalidInput
from wagtail_graphql_write.writes.input.forms import FormBinding, post_current, post_sent

#: Focal point form fields, by the ``FocalPointInput`` field each comes from.
FOCAL_POINT_FIELDS = {
    "x": "focal_point_x",
    "y": "focal_point_y",
    "width": "focal_point_width",
    "height": "focal_point_height",
}
_FOCAL_PATHS = {form: ["input", "focalPoint", key] for key, form in FOCAL_POINT_FIELDS.items()}


def form_class(model: type[Model]) -> Any:
    return get_image_form(model) if issubclass(model, AbstractImage) else get_document_form(model)


def uploaded_file(value: Any) -> UploadedFile | None:
    """The ``file`` argument as Django received it, or ``InvalidInput`` at ``["file"]``.

    Strawberry's ``Upload`` scalar accepts any variable value; only a file part of a
    multipart request (the GraphQL multipart request spec) is a file.
    """
    if value is None or isinstance(value, UploadedFile):
        return value
    raise InvalidInput(
        "Send the file as a multipart request (the GraphQL multipart request spec), "
        "not as a JSON value.",
        "invalid",
        ["file"],
    )


def _posted_values(payload: dict[str, Any]) -> dict[str, Any]:
    """The input as form field names: the focal point becomes its four hidden fields."""
    values = {k: v for k, v in payload.items() if k != "focal_point"}
    if "focal_point" in payload:
        point = payload["focal_point"] or {}
        for key, form_name in FOCAL_POINT_FIELDS.items():
            values[form_name] = point.get(key)
    return values


def bind_media_form(
    model: type[Model],
    instance: Model,
    payload: dict[str, Any],
    upload: UploadedFile | None,
    user: Any,
) -> tuple[BaseModelForm, FormBinding]:
    """The admin form for ``instance``, bound to ``payload`` over its current values."""
    cls = form_class(model)
    shown = cls(instance=instance, user=user)
    binding = FormBinding()
    values = _posted_values(payload)
    if upload is not None and not values.get("title") and instance.pk is None:
        values["title"] = os.path.splitext(os.path.basename(upload.name or ""))[0]
    _set_unformed(shown, instance, values)
    for name, form_field in shown.fields.items():
        if name == "file":
            continue
        if name in values:
            path = _FOCAL_PATHS.get(name, ["input", field_name(name)])
            post_sent(form_field, name, values[name], binding, path)
        else:
            post_current(
                form_field, name, shown.get_initial_for_field(form_field, name), binding.data
            )
    files = {"file": upload} if upload is not None else {}
    form = cls(data=binding.data, files=files, instance=instance, user=user)
    return form, binding


def _set_unformed(form: BaseModelForm, instance: Model, values: dict[str, Any]) -> None:
    """A custom model's writable ``api_fields`` entry that its ``admin_form_fields``
    leave out is set on the object as sent (typed by its GraphQL input; the form, which
    lacks it, cannot validate it). ``collection`` is the form's: it drops the field
    when the user may add to one collection only, and then sets that one itself."""
    for name, value in values.items():
        if name not in form.fields and name != "collection":
            setattr(instance, name, value)


def form_problems(form: BaseModelForm) -> list[InvalidInput]:
    """The bound form's errors as ``InvalidInput`` at the paths the client sent."""
    problems: list[InvalidInput] = []
    for name, errors in form.errors.as_data().items():
        if name == "file":
            path = ["file"]
        elif name == "__all__":
            path = ["input"]
        else:
            path = _FOCAL_PATHS.get(name, ["input", field_name(name)])
        for error in errors:
            for message in error.messages:
                problems.append(InvalidInput(message, error.code or "invalid", path))
    return problems


def validate_media_form(form: BaseModelForm) -> None:
    if not form.is_valid():
        raise InputErrors(form_problems(form))

"""The admin side: the Wagtail admin's own create/edit views, driven like a browser.

``admin_write`` GETs the view as the user, takes the form data the page renders
(``querydict_from_html``: every input, select and textarea, management forms included),
changes the fields the scenario sets, adds what the admin's JavaScript would add (the
StreamField widget's keys, which are rendered client-side), and POSTs it with the button
the scenario presses (``action-publish``, ``action-submit``, or none for "Save draft").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.messages import ERROR, get_messages
from django.db.models import Model
from django.http import HttpResponse, QueryDict
from django.test import Client
from wagtail.blocks.base import BlockField
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html
from wagtail.test.utils.wagtail_tests import WagtailTestUtils

from tests.parity.convert import Posted, admin_block, admin_field, admin_row, model_field

#: The admin's buttons, by the ``action`` argument of the GraphQL mutation.
BUTTONS = {"SAVE_DRAFT": None, "PUBLISH": "action-publish", "SUBMIT": "action-submit"}


def _set(data: QueryDict, posted: Mapping[str, Posted]) -> None:
    for key, value in posted.items():
        if value is None:
            data.pop(key, None)
        elif isinstance(value, list):
            data.setlist(key, value)
        else:
            data[key] = value


def _drop(data: QueryDict, prefix: str) -> None:
    for key in [k for k in data if k.startswith(prefix)]:
        del data[key]


def _fill_formset(data: QueryDict, name: str, formset: Any, rows: list[dict[str, Any]]) -> None:
    """Edit an InlinePanel as an editor does: existing rows stay in their places (one the
    scenario leaves out is deleted with its DELETE input), new rows are added after them.
    The blank rows the page rendered (``min_num``) are removed, as the editor would."""
    existing = [form.instance.pk for form in formset.initial_forms]
    by_id = {str(row["id"]): (i, row) for i, row in enumerate(rows) if "id" in row}
    for key in list(data):  # the blank extra form(s) the page rendered
        index = key.split("-")[1] if key.startswith(f"{name}-") else ""
        if index.isdigit() and int(index) >= len(existing):
            del data[key]
    for index, pk in enumerate(existing):
        position, row = by_id.get(str(pk), (None, None))
        if row is None:
            data[f"{name}-{index}-DELETE"] = "1"
            continue
        _set(data, admin_row(formset.model, f"{name}-{index}", row))
        data[f"{name}-{index}-ORDER"] = str(position + 1)
    new = [(i, row) for i, row in enumerate(rows) if str(row.get("id")) not in by_id]
    pk_name = formset.model._meta.pk.name
    template = {k: data.getlist(k) for k in data if k.startswith(f"{name}-__prefix__-")}
    for offset, (position, row) in enumerate(new):
        index = str(len(existing) + offset)
        prefix = f"{name}-{index}"
        # The row as the admin's JavaScript adds it: the rendered blank form (with its
        # own nested InlinePanels' management forms), numbered.
        _set(data, {k.replace("__prefix__", index, 1): v for k, v in template.items()})
        _set(data, {f"{prefix}-{pk_name}": "", f"{prefix}-ORDER": str(position + 1)})
        _set(data, {f"{prefix}-DELETE": "", **admin_row(formset.model, prefix, row)})
    data[f"{name}-TOTAL_FORMS"] = str(len(existing) + len(new))
    data[f"{name}-INITIAL_FORMS"] = str(len(existing))


def fill(data: QueryDict, form: Any, model: type[Model], values: Mapping[str, Any]) -> QueryDict:
    """The rendered form ``data`` with ``values`` entered; StreamFields not entered are
    posted with the value the page showed, as the StreamField widget does."""
    data = data.copy()
    formsets = getattr(form, "formsets", {})
    for name, value in values.items():
        if name in formsets:
            _fill_formset(data, name, formsets[name], value)
        else:
            _drop(data, f"{name}-")
            _set(data, admin_field(model_field(model, name), name, value))
    for name, form_field in form.fields.items():
        if isinstance(form_field, BlockField) and f"{name}-count" not in data:
            shown = form_field.block.get_prep_value(form[name].value())
            _set(data, nested_form_data({name: admin_block(form_field.block, shown)}))
    return data


def shown_form_data(html: str, form_id: str) -> QueryDict:
    """What a browser would post for the form as rendered. ``querydict_from_html`` posts
    ``""`` for a ticked checkbox without a ``value`` attribute (Django's
    ``CheckboxInput`` renders none); a browser posts ``"on"``, which is what makes the
    field true."""
    data = querydict_from_html(html, form_id)
    form = WagtailTestUtils.get_soup(html).find("form", attrs={"id": form_id})
    for box in form.find_all("input", type="checkbox", checked=True):
        if "value" not in box.attrs and box.attrs.get("name"):
            data.setlist(box["name"], ["on" if v == "" else v for v in data.getlist(box["name"])])
    return data


def error_fields(form: Any) -> set[str]:
    """The form's fields with errors: ``__all__`` for the form's own, ``authors`` for an
    InlinePanel's (``min_num``), ``authors.0.person`` for a row's field."""
    fields = set(form.errors)
    for name, formset in getattr(form, "formsets", {}).items():
        if formset.non_form_errors():
            fields.add(name)
        for index, errors in enumerate(formset.errors):
            fields |= {f"{name}.{index}.{key}" for key in errors}
    return fields


def admin_write(
    user: Any,
    url: str,
    form_id: str,
    model: type[Model],
    values: Mapping[str, Any],
    action: str = "SAVE_DRAFT",
) -> tuple[Client, QueryDict]:
    """Log in as ``user``, GET the admin view and fill its form: the POST to send."""
    client = Client()
    client.force_login(user)
    shown = client.get(url)
    assert shown.status_code == 200, f"GET {url}: {shown.status_code}"
    shown_data = shown_form_data(shown.content.decode(), form_id)
    data = fill(shown_data, shown.context["form"], model, values)
    button = BUTTONS[action]
    if button:
        data[button] = "on"
    return client, data


def admin_result(response: HttpResponse) -> tuple[set[str], list[str]]:
    """The fields with errors (a re-rendered form) and the error messages the admin shows."""
    messages = [str(m) for m in get_messages(response.wsgi_request) if m.level >= ERROR]
    if response.status_code == 302:
        return set(), messages
    assert response.status_code == 200, f"the admin answered {response.status_code}"
    return error_fields(response.context["form"]), messages

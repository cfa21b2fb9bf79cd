"""THE save sequence of ``create<Model>`` and ``update<Model>``, for pages and snippets.

What the admin's create and edit views do, as pipeline steps:

- permission: the Wagtail action's own rule (``user_has_permission``), and its publish
  rule with ``action: PUBLISH``;
- preconditions (the families add the lock, ``expectedRevisionId``, tree rules):
  ``action: SUBMIT`` needs a workflow to submit to;
- validate: bind the model's admin form over the object's current values
  (``input.forms``), validate it as the admin's button would (a draft defers required
  fields), and raise every input problem at once;
- execute: run the ``create``/``edit`` action from ``action_registry`` with that form,
  which saves, makes the revision, publishes if asked, sends the signals and writes
  the audit log; then submit to the workflow with ``action: SUBMIT``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from wagtail.actions import action_registry
from wagtail.models import DraftStateMixin, Page

from wagtail_graphql_write.registry import ExposedModel, Registry
from wagtail_graphql_write.writes.arguments import SaveOptions
from wagtail_graphql_write.writes.errors.failures import InputErrors, InvalidInput
from wagtail_graphql_write.writes.input.forms import bind_form, validate_like_the_admin
from wagtail_graphql_write.writes.input.tags import apply_tags
from wagtail_graphql_write.writes.mutation import MutationContext
from wagtail_graphql_write.writes.results import latest_version, saved_draft, saved_revision
from wagtail_graphql_write.writes.workflows import steps


@dataclass
class Save:
    """One create or edit: what the form binds, where, and how it is saved.

    ``instance`` is what the form binds: a new object, or the latest version of an
    existing one (``existing``). ``parent`` is a page's parent. ``problems`` are input
    errors the family found before binding (a slug in use), reported with the form's.
    """

    registry: Registry
    exposed: ExposedModel
    instance: Model
    payload: dict[str, Any]
    options: SaveOptions
    existing: Model | None = None
    parent: Page | None = None
    problems: list[InvalidInput] = field(default_factory=list)
    #: Input paths of fields derived from others when not sent (see ``InputErrors``).
    derived: list[list[str]] = field(default_factory=list)
    form: Any = None

    @property
    def creating(self) -> bool:
        return self.existing is None

    @property
    def publishes(self) -> bool:
        return self.options.publish and isinstance(self.instance, DraftStateMixin)

    @property
    def validates_fully(self) -> bool:
        """Drafts may be incomplete; what is published or submitted may not, and neither
        may an object without drafts (the admin validates those whole)."""
        drafts = isinstance(self.instance, DraftStateMixin)
        return self.options.publish or self.options.submit or not drafts

    def action(self, user: Any) -> Any:
        """The Wagtail ``create`` or ``edit`` action for this save (with the form once bound)."""
        model = self.exposed.model
        name = "create" if self.creating else "edit"
        action_class = action_registry.get_action_class(model, name)
        kwargs = {
            "user": user,
            "form": self.form,
            "publish": self.publishes,
            "clean": self.options.clean,
        }
        if self.creating and isinstance(self.instance, Page):
            return action_class(self.instance, self.parent, **kwargs)
        return action_class(self.instance, **kwargs)


def check_action_permission(ctx: MutationContext, save: Save) -> None:
    """The action's permission rule, then its publish rule (without the lock check, which
    is a precondition with its own error)."""
    action = save.action(ctx.user)
    if not action.user_has_permission():
        verb = "create" if save.creating else "edit"
        raise action.permission_error_class(
            f"You do not have permission to {verb} this {save.exposed.model._meta.verbose_name}."
        )
    if save.publishes:
        action.check_publish()


def check_submit(_ctx: MutationContext, save: Save) -> None:
    """``action: SUBMIT`` needs a workflow to submit to, and none in review already.

    A new page is moderated by its parent's workflow, as in the admin.
    """
    if not save.options.submit:
        return
    if save.creating and save.parent is not None:
        steps.assigned_workflow(save.parent, ["action"])
    else:
        steps.check_submit(save.existing or save.instance, ["action"])


def validate(ctx: MutationContext, save: Save) -> Save:
    """Bind the admin form and validate it; every input problem is raised at once."""
    extra = {"parent_page": save.parent} if isinstance(save.instance, Page) else {}
    form, binding = bind_form(
        save.registry, save.exposed, save.payload, save.instance, ctx.user, **extra
    )
    ctx.use_form(form, binding)
    save.form = form
    valid = validate_like_the_admin(form, full=save.validates_fully)
    problems = [*save.problems, *binding.notes.errors]
    if problems or not valid:
        raise InputErrors(problems, form, save.derived)
    return save


def execute(ctx: MutationContext, save: Save) -> Any:
    """Run the action, then submit with ``action: SUBMIT`` (not in a dry run); the
    payload's ``revision`` is the one the action made."""
    if save.creating:
        apply_tags(save.form)
    action = save.action(ctx.user)
    action.execute()
    saved = save.existing or action.instance
    revision = saved_revision(action.instance)
    if revision is not None:
        ctx.extra["revision"] = revision
    if save.options.submits_now:
        ctx.extra["workflow_state"] = steps.submit_after_save(ctx.user, saved, ["action"])
    # A dry run's payload is read after the rollback: it is built from the revision.
    if revision is not None and not (save.publishes or save.options.submits_now or ctx.dry_run):
        draft = saved_draft(action.instance, revision, save.parent)
        if draft is not None:
            return draft
    # A publish saved a copy built from the revision: the payload is read back, from
    # the revision the action made while the row still names it latest.
    return latest_version(saved, revision)

"""Snippets: a plain one (``Category``) and one with every Wagtail mixin (``Person``).

Between them they cover both ends of what the GraphQL write API supports for
snippets: a bare create/update/delete, and drafts, revisions, publishing,
locking, workflows and previews.
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet


@register_snippet
class Category(models.Model):
    """A blog category: a snippet without drafts or revisions."""

    name = models.CharField(max_length=80, unique=True, help_text="Display name of the category.")
    slug = models.SlugField(
        max_length=80, unique=True, help_text="URL-safe identifier, unique across categories."
    )
    colour = models.CharField(
        max_length=10,
        choices=[("red", "Red"), ("green", "Green"), ("blue", "Blue")],
        blank=True,
        help_text="Optional colour used to label the category.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("colour")]

    api_fields = [
        APIField("name", writable=True),
        APIField("slug", writable=True),
        APIField("colour", writable=True),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name


class Person(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A blog author: a snippet with drafts, revisions, locking, workflows and previews.

    Registered in ``blog/wagtail_hooks.py`` through a ``SnippetViewSet``.
    """

    first_name = models.CharField(max_length=100, help_text="Given name.")
    last_name = models.CharField(max_length=100, help_text="Family name.")
    job_title = models.CharField(max_length=100, blank=True, help_text="Role or job title.")
    bio = RichTextField(
        blank=True, features=["bold", "italic", "link"], help_text="Short biography."
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Portrait of the person.",
    )

    # The mixins already define private GenericRelations (for cascade deletes) and
    # the ``revisions`` / ``workflow_states`` properties. These overrides only add
    # a ``related_query_name``, so ``Revision.objects.filter(person=...)`` and
    # ``WorkflowState.objects.filter(person=...)`` work, as they do for pages.
    _revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="content_type",
        object_id_field="object_id",
        related_query_name="person",
        for_concrete_model=False,
    )
    _workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="person",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("first_name"),
        FieldPanel("last_name"),
        FieldPanel("job_title"),
        FieldPanel("bio"),
        FieldPanel("image"),
    ]

    api_fields = [
        APIField("first_name", writable=True),
        APIField("last_name", writable=True),
        APIField("job_title", writable=True),
        APIField("bio", writable=True),
        APIField("image", writable=True),
    ]

    search_fields = [
        index.SearchField("first_name"),
        index.SearchField("last_name"),
        index.SearchField("job_title"),
        index.AutocompleteField("first_name"),
        index.AutocompleteField("last_name"),
        index.FilterField("live"),
    ]

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_preview_template(self, request, mode_name):
        return "blog/person_preview.html"

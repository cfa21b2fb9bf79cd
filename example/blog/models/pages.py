"""Blog page types.

``BlogPage`` deliberately uses one of each field kind the write API maps: date,
rich text, StreamField, foreign key, tags, a ParentalManyToManyField, a choices
field (a GraphQL enum), a boolean, and an InlinePanel child relation (``authors``).
"""

from django import forms
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import BlogStreamBlock
from ..forms import BlogPageForm


class BlogIndexPage(Page):
    """Lists the blog posts below it, newest first."""

    intro = RichTextField(blank=True, help_text="Introduction shown above the list of posts.")

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    api_fields = [APIField("intro", writable=True)]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["blog.BlogPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = (
            BlogPage.objects.child_of(self).live().order_by("-date", "-first_published_at")
        )
        return context


class BlogPageTag(TaggedItemBase):
    """Through model for ``BlogPage.tags``."""

    content_object = ParentalKey(
        "blog.BlogPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class BlogPage(Page):
    """A blog post."""

    date = models.DateField(
        "Post date", null=True, blank=True, help_text="Publication date shown on the post."
    )
    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Summary shown in listings and at the top of the post.",
    )
    body = StreamField(BlogStreamBlock(), blank=True, help_text="Main content of the post.")
    feed_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Image used in listings and feeds.",
    )
    tags = ClusterTaggableManager(
        through="blog.BlogPageTag", blank=True, help_text="Free-form tags."
    )
    categories = ParentalManyToManyField(
        "blog.Category", blank=True, help_text="Categories this post belongs to."
    )
    reading_level = models.CharField(
        max_length=20,
        choices=[
            ("beginner", "Beginner"),
            ("intermediate", "Intermediate"),
            ("expert", "Expert"),
        ],
        default="beginner",
        help_text="How much prior knowledge the post assumes.",
    )
    featured = models.BooleanField(default=False, help_text="Highlight this post on the blog.")

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("feed_image"),
        FieldPanel("tags"),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("reading_level"),
        FieldPanel("featured"),
        InlinePanel("authors", label="Authors", min_num=1),
    ]

    api_fields = [
        APIField("date", writable=True),
        APIField("intro", writable=True),
        APIField("body", writable=True),
        APIField("feed_image", writable=True),
        # A REST v2 declaration, as bakerydemo's: GraphQL reads it as that rendition.
        APIField(
            "feed_image_thumbnail",
            serializer=ImageRenditionField("fill-100x100", source="feed_image"),
        ),
        APIField("tags", writable=True),
        APIField("categories", writable=True),
        APIField("reading_level", writable=True),
        APIField("featured", writable=True),
        APIField("authors", writable=True),
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    # A published post needs a date (BlogPageForm) and an author (min_num): the admin
    # and the GraphQL API enforce both, since the API binds this same form.
    base_form_class = BlogPageForm

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types: list[str] = []


class BlogPageAuthor(Orderable):
    """One author of a ``BlogPage`` (edited inline on the page)."""

    page = ParentalKey("blog.BlogPage", related_name="authors", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "blog.Person", on_delete=models.CASCADE, related_name="+", help_text="The author."
    )
    role = models.CharField(
        max_length=100, blank=True, help_text="What the person did, e.g. 'Author', 'Editor'."
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    api_fields = [APIField("person", writable=True), APIField("role", writable=True)]

"""The site root page.

Kept deliberately tiny: one rich text field, so the GraphQL schema shows the
simplest possible page type next to the richer ``blog.BlogPage``.
"""

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The root of the example site; only blog indexes live under it."""

    intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Short introduction shown at the top of the home page.",
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    api_fields = [APIField("intro", writable=True)]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["blog.BlogIndexPage"]

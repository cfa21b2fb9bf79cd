"""StreamField blocks for ``BlogPage.body``.

The set covers every block shape the GraphQL write API has to map: a plain
field block, rich text, choosers (image, page, snippet, document), a StructBlock with a
ChoiceBlock, a ListBlock and a nested StreamBlock, and choosers nested in a StructBlock
and in a ListBlock (``teaser``), which reads fetch for a whole list at once.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class QuoteBlock(blocks.StructBlock):
    """A quotation with optional attribution and display style."""

    text = blocks.TextBlock(help_text="The quoted text.")
    attribution = blocks.CharBlock(required=False, max_length=100)
    style = blocks.ChoiceBlock(
        choices=[("plain", "Plain"), ("pull", "Pull quote")],
        default="plain",
        required=False,
    )

    class Meta:
        icon = "openquote"
        template = "blog/blocks/quote.html"


class GalleryBlock(blocks.StreamBlock):
    """A nested stream: images interleaved with captions."""

    image = ImageChooserBlock()
    caption = blocks.CharBlock()

    class Meta:
        icon = "image"


class TeaserBlock(blocks.StructBlock):
    """Points readers elsewhere: choosers inside a struct and inside a list."""

    page = blocks.PageChooserBlock(required=False, help_text="Any page.")
    document = DocumentChooserBlock(required=False)
    people = blocks.ListBlock(SnippetChooserBlock("blog.Person"), default=[])

    class Meta:
        icon = "link"


class BlogStreamBlock(blocks.StreamBlock):
    """The body of a blog post."""

    heading = blocks.CharBlock(max_length=120, form_classname="title")
    paragraph = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])
    image = ImageChooserBlock()
    quote = QuoteBlock()
    links = blocks.ListBlock(blocks.URLBlock(), icon="link")
    gallery = GalleryBlock()
    related_page = blocks.PageChooserBlock(page_type="blog.BlogPage", required=True)
    person = SnippetChooserBlock("blog.Person")
    teaser = TeaserBlock()

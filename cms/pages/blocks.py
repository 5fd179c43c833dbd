"""StreamField blocks of the public pages; each renders from `blocks/*.html`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading (h2 or h3)."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")
        description = _("A heading that starts a section of the page.")
        preview_value = {"text": "How to partner with us", "level": "h2"}


class CallToActionBlock(blocks.StructBlock):
    """A short invitation with a link to a page or an address."""

    title = blocks.CharBlock(label=_("title"), max_length=120)
    text = blocks.TextBlock(label=_("text"), required=False)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("or address"), required=False)
    link_text = blocks.CharBlock(label=_("link text"), max_length=80)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")
        description = _("An invitation to act, with one link.")
        preview_value = {
            "title": "Find an opportunity",
            "text": "Browse concepts, projects and initiatives that need partners.",
            "url": "https://example.org/",
            "link_text": "Browse opportunities",
        }


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alternative text and an optional caption."""

    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


class VideoBlock(blocks.StructBlock):
    """An embedded video with an optional caption."""

    video = EmbedBlock(label=_("video address"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        label = _("Video")
        description = _("A video from a provider such as YouTube or Vimeo.")


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks an editor can put in the body of a page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        description=_("Formatted text."),
        preview_value="<p>Partnerships make our work possible.</p>",
    )
    call_to_action = CallToActionBlock()
    image = CaptionedImageBlock()
    video = VideoBlock()

    class Meta:
        block_counts = {}

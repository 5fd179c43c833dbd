"""StreamField blocks of the public pages; each renders from `blocks/*.html`."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue


# wagtail-localize crashes on an optional text block left empty inside a struct block: the
# stored null reaches StringSegmentValue (wagtail-localize issues 690 and 918). These blocks
# give it no segment when they are empty, and a system check (cms.pages.checks) makes sure
# every optional text or address block inside a struct block is one of them.
class _OptionalTextMixin:
    """Optional by default; no segment when empty, the translated text otherwise."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def get_translatable_segments(self, value):
        return [StringSegmentValue("", value)] if value else []

    def restore_translated_segments(self, value, segments):
        return segments[0].render_text() if segments else value


class OptionalCharBlock(_OptionalTextMixin, blocks.CharBlock):
    """An optional one-line text that translates safely when left empty."""


class OptionalTextBlock(_OptionalTextMixin, blocks.TextBlock):
    """An optional multi-line text that translates safely when left empty."""


class OptionalURLBlock(_OptionalTextMixin, blocks.URLBlock):
    """An optional address, overridable in translations, safe when left empty."""

    def get_translatable_segments(self, value):
        return [OverridableSegmentValue("", value)] if value else []

    def restore_translated_segments(self, value, segments):
        return segments[0].data if segments else value


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
    text = OptionalTextBlock(label=_("text"))
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = OptionalURLBlock(label=_("or address"))
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
    caption = OptionalCharBlock(label=_("caption"), max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


class VideoBlock(blocks.StructBlock):
    """An embedded video with an optional caption."""

    video = EmbedBlock(label=_("video address"))
    caption = OptionalCharBlock(label=_("caption"), max_length=250)

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

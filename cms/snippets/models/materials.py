"""Communication material (briefs, brochures, slide decks, videos, images) about an opportunity.

A material exists once per language through wagtail-localize: a translator translates its
title, caption and transcript and may replace its document or video with the variant of their
language (the fields are synchronized but overridable). A translation that keeps the source
document has no variant of its own, and the page says that the material is in English.

A video is either uploaded (an MP4 or WebM document, played by the browser's own player) or
an address on a video site (played through Wagtail's embeds where a provider is configured).
An uploaded video carries WebVTT caption tracks, one per language, each a `.vtt` document:
documents, so that collections give their permissions and privacy to videos and captions as
to every other file. The tracks belong to the material in every language (synchronized to its
translations): a variant video in another language keeps their timing.
"""

import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

__all__ = ["CAPTION_EXTENSIONS", "VIDEO_EXTENSIONS", "Material", "MaterialCaptionTrack"]

#: What an uploaded video may be, and its captions.
VIDEO_EXTENSIONS = ("mp4", "webm")
CAPTION_EXTENSIONS = ("vtt",)


def extension_of_name(name):
    """A file name's extension, in lower case, without its dot."""
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def extension_of(document):
    """A document's file extension, in lower case, without its dot."""
    return extension_of_name(document.file.name) if document else ""


class MaterialQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Communication material, searchable per language (`.search(q, backend=...)`)."""


class Material(TranslatableMixin, index.Indexed, ClusterableModel):
    """A piece of communication material: a document, a video or an image."""

    class Kind(models.TextChoices):
        BRIEF = "brief", _("Brief")
        BROCHURE = "brochure", _("Brochure")
        SLIDES = "slides", _("Slide deck")
        VIDEO = "video", _("Video")
        IMAGE = "image", _("Image")

    DOCUMENT_KINDS = {Kind.BRIEF, Kind.BROCHURE, Kind.SLIDES}
    #: The kinds whose file is a document (a video's is when it is uploaded).
    FILE_KINDS = {*DOCUMENT_KINDS, Kind.VIDEO}

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "For a brief or brochure: a PDF; for a slide deck: a PDF or PPTX; for a video "
            "uploaded here: an MP4 or WebM file. A translation may replace it."
        ),
    )
    video_url = models.URLField(
        _("video address"),
        blank=True,
        help_text=_("For a video: its address on YouTube, Vimeo or another provider."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    caption = models.TextField(
        _("caption"),
        blank=True,
        help_text=_("Describes the image, or transcribes or sums up the video."),
    )
    transcript = models.TextField(
        _("transcript"),
        blank=True,
        help_text=_(
            "For a video: what is said and shown, in full, for those who cannot watch or hear it."
        ),
    )

    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("document"),
        SynchronizedField("video_url"),
        SynchronizedField("image"),
        TranslatableField("caption"),
        TranslatableField("transcript"),
        SynchronizedField("caption_tracks"),
    ]
    objects = MaterialQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("caption"),
        index.SearchField("transcript"),
        index.FilterField("locale"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("communication material")
        verbose_name_plural = _("communication material")

    def __str__(self):
        return self.title

    @property
    def is_uploaded_video(self):
        return self.kind == self.Kind.VIDEO and bool(self.document_id)

    def clean(self):
        if self.kind in self.DOCUMENT_KINDS and not self.document_id:
            raise ValidationError({"document": _("Choose the document of this material.")})
        media = (*VIDEO_EXTENSIONS, *CAPTION_EXTENSIONS)
        if self.kind in self.DOCUMENT_KINDS and extension_of(self.document) in media:
            raise ValidationError(
                {
                    "document": _(
                        "A video or a caption file is not a document: choose the kind Video."
                    )
                }
            )
        if self.kind == self.Kind.VIDEO:
            if not self.document_id and not self.video_url:
                raise ValidationError(
                    {"video_url": _("Choose the video file (MP4 or WebM) or give its address.")}
                )
            if self.document_id and extension_of(self.document) not in VIDEO_EXTENSIONS:
                raise ValidationError({"document": _("A video must be an MP4 or WebM file.")})
        if self.kind == self.Kind.IMAGE and not self.image_id:
            raise ValidationError({"image": _("Choose the image.")})


class MaterialCaptionTrack(Orderable):
    """The captions of an uploaded video in one language: a WebVTT document, offered by the
    browser's player in the visitor's language first."""

    material = ParentalKey(Material, on_delete=models.CASCADE, related_name="caption_tracks")
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("caption file"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("A WebVTT file (.vtt) whose cues follow the video's timing."),
    )

    panels = [FieldPanel("language"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")
        constraints = [
            models.UniqueConstraint(
                fields=["material", "language"], name="material_caption_track_language"
            )
        ]

    def __str__(self):
        return f"{self.material} ({self.language})"

    def clean(self):
        if self.document_id and extension_of(self.document) not in CAPTION_EXTENSIONS:
            raise ValidationError({"document": _("Captions must be a WebVTT file (.vtt).")})

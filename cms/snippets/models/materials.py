"""Communication material (briefs, brochures, slide decks, videos, images) about an opportunity.

A material exists once per language through wagtail-localize: a translator translates its
title and caption and may replace its document or video with the variant of their language
(the fields are synchronized but overridable). A translation that keeps the source document
has no variant of its own, and the page says that the material is in English.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

__all__ = ["Material"]


class MaterialQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Communication material, searchable per language (`.search(q, backend=...)`)."""


class Material(TranslatableMixin, index.Indexed, models.Model):
    """A piece of communication material: a document, a video or an image."""

    class Kind(models.TextChoices):
        BRIEF = "brief", _("Brief")
        BROCHURE = "brochure", _("Brochure")
        SLIDES = "slides", _("Slide deck")
        VIDEO = "video", _("Video")
        IMAGE = "image", _("Image")

    DOCUMENT_KINDS = {Kind.BRIEF, Kind.BROCHURE, Kind.SLIDES}

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("For a brief, brochure or slide deck. A translation may replace it."),
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

    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("document"),
        SynchronizedField("video_url"),
        SynchronizedField("image"),
        TranslatableField("caption"),
    ]
    objects = MaterialQuerySet.as_manager()

    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("caption"),
        index.FilterField("locale"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["title"]
        verbose_name = _("communication material")
        verbose_name_plural = _("communication material")

    def __str__(self):
        return self.title

    def clean(self):
        if self.kind in self.DOCUMENT_KINDS and not self.document_id:
            raise ValidationError({"document": _("Choose the document of this material.")})
        if self.kind == self.Kind.VIDEO and not self.video_url:
            raise ValidationError({"video_url": _("Give the address of the video.")})
        if self.kind == self.Kind.IMAGE and not self.image_id:
            raise ValidationError({"image": _("Choose the image.")})

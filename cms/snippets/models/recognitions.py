"""Recognition of partners, e.g. the awards of the 25th anniversary of ITU-D."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .partners import Partner
from .vocabularies import SOURCE_LOCALE

__all__ = ["Recognition"]


class RecognitionQuerySet(SearchableQuerySetMixin, models.QuerySet):
    """Recognitions, searchable per language (`.search(q, backend=backend_for(code))`)."""


class Recognition(TranslatableMixin, index.Indexed, models.Model):
    """An award or other recognition given to a partner on an occasion."""

    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="recognitions",
    )
    award_title = models.CharField(_("award"), max_length=255)
    occasion = models.CharField(
        _("occasion"), max_length=255, help_text=_("The event at which it was given.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1865), MaxValueValidator(2100)]
    )
    citation = RichTextField(_("citation"), blank=True, features=["bold", "italic", "link"])

    translatable_fields = [
        SynchronizedField("partner"),
        TranslatableField("award_title"),
        TranslatableField("occasion"),
        SynchronizedField("year"),
        TranslatableField("citation"),
    ]
    objects = RecognitionQuerySet.as_manager()

    search_fields = [
        index.SearchField("award_title"),
        index.SearchField("occasion"),
        index.SearchField("citation"),
        index.FilterField("locale"),
        index.FilterField("year"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-year", "occasion", "award_title"]
        verbose_name = _("recognition")
        verbose_name_plural = _("recognitions")

    def __str__(self):
        return f"{self.award_title} – {self.partner.name} ({self.year})"

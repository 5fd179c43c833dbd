"""What became of a funded or closed opportunity: dated progress reports, each with a status
light (on track, delayed, completed).

A report is a child of the opportunity page, so wagtail-localize carries it to every
translation: its text is a translated segment, its date and status are synchronised from the
English page (the same in every language, like the budget). Pages show the reports only while
the opportunity is funded or closed, newest first (cms.pages.context.results).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

__all__ = [
    "PROGRESS_PANEL",
    "PROGRESS_SHOWN_STATUSES",
    "PROGRESS_TRANSLATABLE_FIELDS",
    "OpportunityProgressReport",
]

#: The opportunity statuses under which a page shows its progress reports and funders.
PROGRESS_SHOWN_STATUSES = ("funded", "closed")


class OpportunityProgressReport(TranslatableMixin, Orderable):
    """A dated account of how a funded opportunity's work is going, with its status light."""

    class Light(models.TextChoices):
        ON_TRACK = "on_track", _("On track")
        DELAYED = "delayed", _("Delayed")
        COMPLETED = "completed", _("Completed")

    page = ParentalKey(
        "pages.OpportunityPage", on_delete=models.CASCADE, related_name="progress_reports"
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    status = models.CharField(
        _("status light"), max_length=20, choices=Light.choices, default=Light.ON_TRACK
    )
    text = models.TextField(
        _("report"), max_length=2000, help_text=_("What was done, and what comes next.")
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("text")]
    translatable_fields = [
        SynchronizedField("date", overridable=False),
        SynchronizedField("status", overridable=False),
        TranslatableField("text"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("A progress report cannot be dated in the future.")})


#: The editor's panel of the reports, on the opportunity's form.
PROGRESS_PANEL = InlinePanel(
    "progress_reports",
    heading=_("Progress reports"),
    label=_("Progress report"),
    help_text=_("Shown on the page, newest first, only once the opportunity is funded or closed."),
)

#: The reports follow the page into every language: their text is translated.
PROGRESS_TRANSLATABLE_FIELDS = [TranslatableField("progress_reports")]

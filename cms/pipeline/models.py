"""The partner pipeline: for an opportunity, the partners approached, where each stands, who
follows it up and when, and what was said.

A partner is followed once per opportunity whatever language its record is read in: an entry
points at the partner's English record (the concept every translation shares through its
`translation_key`), as the finder ranks them, and the opportunity's source-language page.
Saving the same shortlist twice therefore adds nothing.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel

from .forms import PipelineEntryForm
from .panels_edit import AuthorPanel

__all__ = ["OPEN_STAGES", "PipelineEntry", "PipelineNote", "Stage"]


class Stage(models.IntegerChoices):
    """How far the approach of a partner has gone, in the order it usually goes."""

    IDENTIFIED = 10, _("Identified")
    CONTACTED = 20, _("Contacted")
    IN_DISCUSSION = 30, _("In discussion")
    COMMITTED = 40, _("Committed")
    DECLINED = 50, _("Declined")


#: The stages that still call for a follow-up.
OPEN_STAGES = (Stage.IDENTIFIED, Stage.CONTACTED, Stage.IN_DISCUSSION)


class PipelineEntry(ClusterableModel):
    """One partner approached for one opportunity: its stage, the officer who follows it
    up, the next follow-up's date, and the notes taken along the way."""

    opportunity = models.ForeignKey(
        "pages.OpportunityPage",
        verbose_name=_("opportunity"),
        on_delete=models.CASCADE,
        related_name="pipeline_entries",
    )
    partner = models.ForeignKey(
        "snippets.Partner",
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="pipeline_entries",
    )
    stage = models.PositiveSmallIntegerField(
        _("stage"), choices=Stage.choices, default=Stage.IDENTIFIED
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="pipeline_entries",
        help_text=_("The officer who follows this partner up."),
    )
    next_follow_up = models.DateField(_("next follow-up"), null=True, blank=True)
    finder_rank = models.PositiveIntegerField(_("rank in the finder"), null=True, blank=True)
    finder_score = models.DecimalField(
        _("score in the finder"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)
    stage_changed_at = models.DateTimeField(
        _("stage changed"), default=timezone.now, editable=False
    )

    base_form_class = PipelineEntryForm
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("opportunity"),
                FieldPanel("partner"),
            ],
            heading=_("Partner and opportunity"),
        ),
        FieldRowPanel(
            [FieldPanel("stage"), FieldPanel("owner"), FieldPanel("next_follow_up")],
            heading=_("Follow-up"),
        ),
        InlinePanel("notes", heading=_("Notes"), label=_("Note")),
    ]

    class Meta:
        verbose_name = _("pipeline entry")
        verbose_name_plural = _("pipeline entries")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "partner"], name="pipeline_one_entry_per_partner"
            )
        ]
        indexes = [models.Index(fields=["owner", "next_follow_up"])]

    def __str__(self):
        return f"{self.partner.name} – {self.opportunity.title}"

    @property
    def is_overdue(self):
        """Whether its follow-up date has passed while the partner is still open."""
        return (
            self.next_follow_up is not None
            and self.stage in OPEN_STAGES
            and self.next_follow_up < timezone.localdate()
        )


def _today():
    return timezone.localdate()


class PipelineNote(models.Model):
    """What was said or done with a partner, on a day, by an officer."""

    entry = ParentalKey(
        PipelineEntry, on_delete=models.CASCADE, related_name="notes", verbose_name=_("entry")
    )
    date = models.DateField(_("date"), default=_today)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("note"))

    panels = [
        FieldRowPanel([FieldPanel("date"), AuthorPanel(heading=_("Author"))]),
        FieldPanel("text"),
    ]

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["-date", "-pk"]
        # Notes are written within their entry, under the entry's permissions.
        default_permissions = ()

    def __str__(self):
        return self.text[:60]

"""The timeline of an opportunity's call for partners: until when expressions of interest are
invited (the deadline), when a decision is expected, and when the work would start and end.

The dates are the same in every language (synchronised by wagtail-localize, like the budget)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

__all__ = ["TIMELINE_FIELDS", "OpportunityTimeline"]

#: The timeline's dates in the order they follow each other.
TIMELINE_FIELDS = ("deadline", "decision_date", "start_date", "end_date")


class OpportunityTimeline(models.Model):
    """The dates of an opportunity's call and of the work it leads to (each optional)."""

    deadline = models.DateField(
        _("call open until"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("The last day on which expressions of interest are invited."),
    )
    decision_date = models.DateField(_("decision expected"), null=True, blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    timeline_panel = MultiFieldPanel(
        [FieldPanel(name) for name in TIMELINE_FIELDS], heading=_("Timeline")
    )
    timeline_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in TIMELINE_FIELDS
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        errors = {}
        deadline, decision = self.deadline, self.decision_date
        start, end = self.start_date, self.end_date
        if deadline and decision and decision < deadline:
            errors["decision_date"] = _("The decision cannot come before the call closes.")
        earlier = decision or deadline
        if start and earlier and start < earlier:
            errors["start_date"] = (
                _("The work cannot start before the decision is expected.")
                if decision
                else _("The work cannot start before the call closes.")
            )
        if end and start and end <= start:
            errors["end_date"] = _("The end must come after the start.")
        elif end and not start and earlier and end <= earlier:
            errors["end_date"] = _("The end must come after the call and the decision.")
        if errors:
            raise ValidationError(errors)

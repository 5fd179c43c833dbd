"""The officer's dashboard panel: their next follow-ups, overdue ones first.

An officer opens the admin to see whom to call today. The panel lists the open entries they
own that have a follow-up date, earliest first (so those overdue lead), each linking to the
entry. It reads them in one query, partners named in the officer's language.
"""

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from cms.core import languages
from cms.core.formats import format_date

from .display import localized_entries
from .models import OPEN_STAGES, PipelineEntry
from .permissions import pipeline_policy
from .viewsets import pipeline_viewset

__all__ = ["PANEL_LIMIT", "FollowUpsPanel", "next_follow_ups"]

#: How many follow-ups the panel lists (the listing, filtered to the officer, has the rest).
PANEL_LIMIT = 10


def next_follow_ups(user, limit=PANEL_LIMIT):
    """The open pipeline entries `user` owns with a follow-up date, earliest first."""
    entries = PipelineEntry.objects.filter(
        owner=user, stage__in=OPEN_STAGES, next_follow_up__isnull=False
    ).select_related("opportunity", "partner")
    entries = localized_entries(entries, languages.active())
    return list(entries.order_by("next_follow_up", "pk")[:limit])


class FollowUpsPanel(Component):
    """'My next follow-ups' on the admin's dashboard."""

    name = "pipeline_follow_ups"
    template_name = "pipeline/dashboard_panel.html"
    order = 80

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        edit = pipeline_viewset.get_url_name("edit")
        rows = [
            {
                "entry": entry,
                "partner": entry.partner_name,
                "opportunity": entry.opportunity_title,
                "stage": entry.get_stage_display(),
                "date": format_date(entry.next_follow_up),
                "overdue": entry.next_follow_up < today,
                "url": reverse(edit, args=[entry.pk]),
            }
            for entry in next_follow_ups(self.user)
        ]
        index = reverse(pipeline_viewset.get_url_name("index"))
        return {"rows": rows, "mine_url": f"{index}?owner={self.user.pk}"}


def sees_follow_ups(user):
    """Who gets the panel: those who may move partners through the pipeline."""
    return pipeline_policy.user_has_permission(user, "change")

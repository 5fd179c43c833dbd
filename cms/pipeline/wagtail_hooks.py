"""The pipeline in the admin: its listing and forms (the viewset), "Partner pipeline" on
opportunity pages (their header and the page listings), and the follow-ups panel of the
dashboard."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from cms.pages.opportunity_buttons import register_opportunity_button

from .panels import FollowUpsPanel, sees_follow_ups
from .permissions import can_see_pipeline
from .viewsets import pipeline_url, pipeline_viewset

ICON = "tasks"


@hooks.register("register_admin_viewset")
def register_pipeline():
    return pipeline_viewset


register_opportunity_button(
    _("Partner pipeline"),
    pipeline_url,
    title=_("The partners approached for this opportunity"),
    icon=ICON,
    allowed=can_see_pipeline,
    header_priority=76,
    listing_priority=56,
)


@hooks.register("construct_homepage_panels")
def add_follow_ups_panel(request, panels):
    if sees_follow_ups(request.user):
        panels.append(FollowUpsPanel(request.user))

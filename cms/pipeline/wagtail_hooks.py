"""The pipeline in the admin: its listing and forms (the viewset), "Partner pipeline" on
opportunity pages (their header and the page listings), and the follow-ups panel of the
dashboard."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from cms.pages.models import OpportunityPage

from .panels import FollowUpsPanel, sees_follow_ups
from .permissions import can_see_pipeline
from .viewsets import pipeline_url, pipeline_viewset

ICON = "tasks"


@hooks.register("register_admin_viewset")
def register_pipeline():
    return pipeline_viewset


def _pipeline_button(page, user, priority):
    if not issubclass(page.specific_class or type(page), OpportunityPage):
        return
    if not can_see_pipeline(user):
        return
    yield Button(
        _("Partner pipeline"),
        pipeline_url(page),
        icon_name=ICON,
        attrs={"title": _("The partners approached for this opportunity")},
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def pipeline_header_button(page, user, view_name, next_url=None):
    yield from _pipeline_button(page, user, priority=76)


@hooks.register("register_page_listing_more_buttons")
def pipeline_listing_button(page, user, next_url=None):
    yield from _pipeline_button(page, user, priority=56)


@hooks.register("construct_homepage_panels")
def add_follow_ups_panel(request, panels):
    if sees_follow_ups(request.user):
        panels.append(FollowUpsPanel(request.user))

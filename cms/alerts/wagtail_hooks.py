"""Admin registration: the subscribers' listing and the summary of subscriptions, shown to
those with the permission to view subscribers only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .permissions import can_view_subscribers
from .summary import SummaryView
from .viewsets import subscriber_viewset


class SummaryMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_subscribers(request.user)


@hooks.register("register_admin_viewset")
def register_subscribers():
    return subscriber_viewset


@hooks.register("register_admin_urls")
def register_summary_url():
    return [path("alerts/summary/", SummaryView.as_view(), name="alerts_summary")]


@hooks.register("register_admin_menu_item")
def register_summary_menu():
    return SummaryMenuItem(
        _("Subscriptions: summary"),
        reverse("alerts_summary"),
        name="alerts-summary",
        icon_name="table",
        order=261,
    )

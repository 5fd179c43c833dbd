"""Admin registration of sponsorship: the menu group (applications, discounts), the overview
of figures and missing assets, and the steps' entries in the audit log."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import audit
from .admin_views import overview_view
from .viewsets import SponsorshipViewSetGroup


@hooks.register("register_admin_viewset")
def register_sponsorship():
    return SponsorshipViewSetGroup()


@hooks.register("register_admin_urls")
def register_overview_url():
    return [path("sponsorship/overview/", overview_view, name="sponsorship_overview")]


class OverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("sponsorship.view_sponsorshipapplication")


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return OverviewMenuItem(
        _("Sponsorship overview"), reverse("sponsorship_overview"), icon_name="tag", order=261
    )


@hooks.register("register_log_actions")
def register_step_actions(actions):
    audit.register_actions(actions)

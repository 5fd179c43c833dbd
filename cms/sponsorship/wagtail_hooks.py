"""Admin registration of sponsorship: the menu group (applications, discounts) and the
overview of figures and missing assets."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

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

"""The partner finder in the admin: its address, its menu item, its permission in the group
editor, and "Suggest partners" on opportunity pages."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.pages.opportunity_buttons import register_opportunity_button

from .models import can_use_finder
from .views import PartnerFinderView

ICON = "group"


class FinderMenuItem(MenuItem):
    def is_shown(self, request):
        return can_use_finder(request.user)


@hooks.register("register_admin_urls")
def register_finder_urls():
    urls = [path("", PartnerFinderView.as_view(), name="index")]
    return [path("partner-finder/", include((urls, "partner_finder"), namespace="partner_finder"))]


@hooks.register("register_admin_menu_item")
def register_finder_menu_item():
    return FinderMenuItem(
        _("Find partners"),
        reverse("partner_finder:index"),
        name="find-partners",
        icon_name=ICON,
        order=160,
    )


@hooks.register("register_permissions")
def register_finder_permission():
    return Permission.objects.filter(
        content_type__app_label="partner_finder", codename="use_partner_finder"
    )


def suggest_url(page):
    """The finder's address pre-filled from the opportunity `page`."""
    return f"{reverse('partner_finder:index')}?{urlencode({'opportunity': page.pk})}"


register_opportunity_button(
    _("Suggest partners"),
    suggest_url,
    title=_("Find partners for this opportunity"),
    icon=ICON,
    allowed=can_use_finder,
    header_priority=75,
    listing_priority=55,
)

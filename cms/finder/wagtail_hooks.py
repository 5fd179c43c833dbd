"""The partner finder in the admin: its address, its menu item, its permission in the group
editor, and "Suggest partners" on opportunity pages."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from cms.pages.models import OpportunityPage

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


def _suggest_button(page, user, priority):
    if not issubclass(page.specific_class or type(page), OpportunityPage):
        return
    if not can_use_finder(user):
        return
    yield Button(
        _("Suggest partners"),
        suggest_url(page),
        icon_name=ICON,
        attrs={"title": _("Find partners for this opportunity")},
        priority=priority,
    )


@hooks.register("register_page_header_buttons")
def suggest_partners_header_button(page, user, view_name, next_url=None):
    yield from _suggest_button(page, user, priority=75)


@hooks.register("register_page_listing_more_buttons")
def suggest_partners_listing_button(page, user, next_url=None):
    yield from _suggest_button(page, user, priority=55)

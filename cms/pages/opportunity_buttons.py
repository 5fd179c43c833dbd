"""Buttons that capabilities add to opportunity pages in the admin, in the page's edit header
and in its listing's "More" menu ("Suggest partners" from the finder, "Partner pipeline"):
written once here, since each needs the same two hooks and the same page-type test."""

from wagtail import hooks
from wagtail.admin.widgets import Button

from .models import OpportunityPage

__all__ = ["register_opportunity_button"]


def register_opportunity_button(
    label, url_for, *, title, icon, allowed, header_priority, listing_priority
):
    """Show a button labelled `label`, leading to `url_for(page)`, on opportunity pages for the
    users `allowed(user)` says may use it."""

    def buttons(page, user, priority):
        if not issubclass(page.specific_class or type(page), OpportunityPage):
            return
        if not allowed(user):
            return
        yield Button(
            label, url_for(page), icon_name=icon, attrs={"title": title}, priority=priority
        )

    def header_buttons(page, user, view_name, next_url=None):
        yield from buttons(page, user, header_priority)

    def listing_buttons(page, user, next_url=None):
        yield from buttons(page, user, listing_priority)

    hooks.register("register_page_header_buttons", header_buttons)
    hooks.register("register_page_listing_more_buttons", listing_buttons)

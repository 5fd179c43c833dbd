"""The shared base page, the home page and plain content pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.core.visibility import restricted_sections
from cms.localization.page_permissions import PartnerHubPagePermissionTester

from ..blocks import BaseStreamBlock
from ..context.registry import context_for, response_to

__all__ = ["BasePage", "HomePage", "StandardPage"]


class BasePage(Page):
    """Fields shared by the site's pages: a short introduction and a body of blocks."""

    introduction = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    # What translators translate; everything else of a page is kept per language.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("show_in_menus", overridable=False),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """What the user may do to this page in the admin: Wagtail's page permissions, less
        what a view restriction keeps from them (cms.localization.page_permissions)."""
        return PartnerHubPagePermissionTester(user, self)

    def get_view_restrictions(self):
        """Wagtail's view restrictions of the page and its ancestors (read by Wagtail's
        `before_serve_page` hook on every page served): none, without a query, while the
        site has no restricted section at all (`cms.core.visibility.restricted_sections`,
        kept in the shared cache); Wagtail's own reading otherwise."""
        if not restricted_sections():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        # A form on the page answers its own POST (a redirect, or the page again with its
        # errors); anything else is the page. See cms.pages.context.registry.
        response = response_to(self, request)
        if response is not None:
            return response
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """The page's context with what the builders registered for its type add (the
        modules of cms.pages.context, and feature apps such as cms.interest)."""
        context = super().get_context(request, *args, **kwargs)
        context.update(context_for(self, request))
        return context


class HomePage(BasePage):
    """The home page of one language: the site's root for that locale."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.StandardPage",
        "pages.OpportunityIndexPage",
        "pages.PartnerDirectoryPage",
        "pages.RecognitionsPage",
        "reports.StatisticsPage",
        "alerts.RegistrationPage",
        "sponsorship.SponsorshipIndexPage",
    ]
    template = "pages/home_page.html"

    @classmethod
    def can_create_at(cls, parent):
        # One home page per locale, all directly under the tree's root; new locales get
        # theirs through translation, never by hand elsewhere in the tree.
        return super().can_create_at(parent) and parent.is_root()

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")


class StandardPage(BasePage):
    """A plain content page, e.g. "How to partner" or "About"."""

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

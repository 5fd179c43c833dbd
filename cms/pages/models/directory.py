"""The public partner directory and the recognitions page."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ..context.registry import context_for
from .base import BasePage

__all__ = ["PartnerDirectoryPage", "RecognitionsPage"]


class PartnerDirectoryPage(RoutablePageMixin, BasePage):
    """The public directory of funding partners, with a profile page for each partner.

    Profiles show public fields only; internal notes, contacts and confidential agreements
    never appear. A profile's address is built from the id and English name of the
    partner's English row, so it is the same in every language:
    `/<language>/partners/<id>/<slug>/`.
    """

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/partner_directory_page.html"
    profile_template = "pages/partner_profile_page.html"

    class Meta:
        verbose_name = _("partner directory")
        verbose_name_plural = _("partner directories")

    def serve(self, request, view=None, args=None, kwargs=None):
        # Served without routing (previews, page tests): the directory itself.
        if view is None:
            view, args, kwargs = self.resolve_subpage("/")
        return super().serve(request, view, args, kwargs)

    def get_sitemap_urls(self, request=None):
        """The directory and every funding partner's profile (one query for all of them):
        profiles are the pages search engines should find partners by."""
        from ..public_records import ProfileLinks, funding_partners, partner_slug

        own = super().get_sitemap_urls(request)
        links = ProfileLinks(self, request)
        partners = funding_partners().order_by("name", "pk").values_list("pk", "name")
        return own + [
            {"location": url, "lastmod": None}
            for url in (links.url(pk, partner_slug(name)) for pk, name in partners)
            if url
        ]

    @path("", name="directory")
    def directory(self, request):
        """The list of funding partners, filtered, sorted and paginated from the address."""
        context = context_for(self, request, view="directory")
        return self.render(request, context_overrides=context)

    @path("<int:partner_id>/", name="partner_without_slug")
    @path("<int:partner_id>/<slug:slug>/", name="partner")
    def partner(self, request, partner_id, slug=None):
        """A partner's profile; any other slug than the partner's redirects to its address."""
        context = context_for(self, request, view="partner", partner_id=partner_id)
        profile = context["partner"]
        if slug != profile.slug:
            return redirect(profile.url, permanent=True)
        return self.render(request, template=self.profile_template, context_overrides=context)


class RecognitionsPage(BasePage):
    """Awards and other recognitions given to partners, by occasion."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/recognitions_page.html"

    class Meta:
        verbose_name = _("recognitions page")
        verbose_name_plural = _("recognitions pages")

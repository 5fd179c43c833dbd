"""The public partner directory and the recognitions page."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin

from .base import BasePage

__all__ = ["PartnerDirectoryPage", "RecognitionsPage"]


class PartnerDirectoryPage(RoutablePageMixin, BasePage):
    """The public directory of funding partners, with a profile page for each partner.

    Profiles show public fields only; internal notes, contacts and confidential agreements
    never appear.
    """

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/partner_directory_page.html"

    class Meta:
        verbose_name = _("partner directory")
        verbose_name_plural = _("partner directories")


class RecognitionsPage(BasePage):
    """Awards and other recognitions given to partners, by occasion."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/recognitions_page.html"

    class Meta:
        verbose_name = _("recognitions page")
        verbose_name_plural = _("recognitions pages")

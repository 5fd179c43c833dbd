"""Factories of the partner directory and the recognitions page (wagtail-factories), for the
tests and the demo command: `PartnerDirectoryPageFactory(parent=home)` adds the directory
under a home page, in that home page's locale."""

import wagtail_factories

from .models import PartnerDirectoryPage, RecognitionsPage

__all__ = ["PartnerDirectoryPageFactory", "RecognitionsPageFactory"]


class PartnerDirectoryPageFactory(wagtail_factories.PageFactory):
    """The directory of funding partners, at /<language>/partners/."""

    class Meta:
        model = PartnerDirectoryPage

    title = "Funding partners"
    slug = "partners"
    introduction = "The administrations, agencies, banks, foundations and companies we work with."


class RecognitionsPageFactory(wagtail_factories.PageFactory):
    """The page of the awards given to partners."""

    class Meta:
        model = RecognitionsPage

    title = "Recognition of partners"
    slug = "recognitions"
    introduction = "Partners honoured for their support to ITU-D."

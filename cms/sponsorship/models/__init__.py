"""Sponsorship of the Bureau's events: pages and packages, discounts, applications."""

from .pages import EventPage, SponsorshipIndexPage, SponsorshipOption, SponsorshipPackage
from .records import PRIVACY_NOTICE_VERSION, CategoryDiscount, SponsorshipApplication

__all__ = [
    "PRIVACY_NOTICE_VERSION",
    "CategoryDiscount",
    "EventPage",
    "SponsorshipApplication",
    "SponsorshipIndexPage",
    "SponsorshipOption",
    "SponsorshipPackage",
]

"""Sponsorship of the Bureau's events: pages and packages, discounts, applications."""

from .pages import EventPage, SponsorshipIndexPage, SponsorshipOption, SponsorshipPackage
from .records import CategoryDiscount, SponsorshipApplication

__all__ = [
    "CategoryDiscount",
    "EventPage",
    "SponsorshipApplication",
    "SponsorshipIndexPage",
    "SponsorshipOption",
    "SponsorshipPackage",
]

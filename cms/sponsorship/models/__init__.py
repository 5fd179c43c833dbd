"""Sponsorship of the Bureau's events: pages and packages, discounts, applications."""

from .assets import LogoSubmission
from .pages import EventPage, SponsorshipIndexPage, SponsorshipOption, SponsorshipPackage
from .records import CategoryDiscount, SponsorshipApplication

__all__ = [
    "CategoryDiscount",
    "EventPage",
    "LogoSubmission",
    "SponsorshipApplication",
    "SponsorshipIndexPage",
    "SponsorshipOption",
    "SponsorshipPackage",
]

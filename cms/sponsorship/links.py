"""The signed link by which a confirmed sponsor delivers its logo, display name and link
without an account (cms.core.signed_links, as an expression of interest's status link).

It carries the application's random key and is valid for SPONSOR_ASSETS_LINK_DAYS days (90
by default) from the e-mail that carried it: the confirmation carries one, and so does each
e-mail about a logo, so a sponsor asked to upload again always holds a fresh link. The page
answers only while the sponsorship is confirmed or delivered.
"""

from cms.core.signed_links import EXPIRED, INVALID, SignedLink

from .models import SponsorshipApplication

__all__ = ["EXPIRED", "INVALID", "LINK", "application_for", "link_days", "token", "url"]

LINK = SignedLink(
    salt="cms.sponsorship.assets",
    days_setting="SPONSOR_ASSETS_LINK_DAYS",
    default_days=90,
    url_name="sponsorship:assets",
)


def link_days():
    """Days during which a sponsor's link is valid, from the e-mail that carried it."""
    return LINK.days()


def token(application):
    """The signed token of an application's page for its logo, display name and link."""
    return LINK.token(application.assets_key)


def application_for(value):
    """(application, None) for a valid token of a confirmed or delivered sponsorship;
    (None, EXPIRED) or (None, INVALID) otherwise (forged, altered, or the sponsorship was
    cancelled or erased)."""
    key, problem = LINK.key_for(value)
    if problem:
        return None, problem
    application = (
        SponsorshipApplication.objects.filter(
            assets_key=key, status__in=SponsorshipApplication.SPONSORING
        )
        .select_related("locale", "event", "logo")
        .first()
    )
    return (application, None) if application is not None else (None, INVALID)


def url(application):
    """The absolute address of an application's upload page, in its sponsor's language."""
    return LINK.url(application.assets_key, application.locale.language_code)

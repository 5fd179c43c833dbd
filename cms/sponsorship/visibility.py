"""Who the public sees as sponsors: confirmed and delivered sponsorships, by tier, with the
logo they delivered or, until then, their name."""

from collections import defaultdict

from django.conf import settings

from cms.pages.public_records import translated_partner_names

from .models import EventPage, SponsorshipApplication, SponsorshipPackage

__all__ = ["sponsors_by_event", "sponsors_by_tier"]

TIER_LABELS = dict(SponsorshipPackage.Tier.choices)


def _sponsors(event_keys):
    return (
        SponsorshipApplication.objects.filter(
            status__in=SponsorshipApplication.SPONSORING,
            event__translation_key__in=event_keys,
        )
        .select_related("package", "logo", "event", "partner")
        .prefetch_related("logo__renditions")
        .order_by("package__sort_order", "display_name", "organisation", "pk")
    )


def _name(applications, language_code):
    """Set each sponsor's `public_name` in the page's language and its `name_language`
    (with `fallback_language` when that is English on another language's page).

    A sponsor linked to a partner of the database and shown under that partner's English
    name is shown under the partner's name in the page's language when the partner is
    translated into it, and said to be in English otherwise; any other name is shown as the
    sponsor delivered it. One query for all the sponsors."""
    source = settings.LANGUAGE_CODE
    named = [a for a in applications if a.partner_id and a.shown_name == a.partner.name]
    translations = translated_partner_names(
        [a.partner.translation_key for a in named], language_code
    )
    for application in applications:
        application.public_name = application.shown_name
        application.name_language = application.fallback_language = None
    for application in named:
        translated = translations.get(application.partner.translation_key)
        if translated:
            application.public_name = translated["name"]
            application.name_language = language_code
        else:
            application.name_language = source
            if language_code != source:
                application.fallback_language = source
    return applications


def _group(applications):
    tiers = defaultdict(list)
    for application in applications:
        tier = application.package.tier if application.package_id else "supporter"
        tiers[tier].append(application)
    return [
        {"tier": tier, "label": TIER_LABELS[tier], "sponsors": tiers[tier]}
        for tier in SponsorshipPackage.TIER_ORDER
        if tiers[tier]
    ]


def sponsors_by_tier(page):
    """The confirmed sponsors of an event page (any language), highest tier first."""
    return _group(_name(list(_sponsors([page.translation_key])), page.locale.language_code))


def sponsors_by_event(index):
    """[{"event": the event page in the index's language, "tiers": [...]}] for every live
    event under the index that has confirmed sponsors, most recent first."""
    events = list(EventPage.objects.child_of(index).live().public().order_by("-start_date"))
    by_key = defaultdict(list)
    applications = _name(
        list(_sponsors([e.translation_key for e in events])), index.locale.language_code
    )
    for application in applications:
        by_key[application.event.translation_key].append(application)
    return [
        {"event": event, "tiers": _group(by_key[event.translation_key])}
        for event in events
        if by_key[event.translation_key]
    ]

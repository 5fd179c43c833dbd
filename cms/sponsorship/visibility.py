"""Who the public sees as sponsors: confirmed and delivered sponsorships, by tier, with the
logo they delivered or, until then, their name."""

from collections import defaultdict

from .models import EventPage, SponsorshipApplication, SponsorshipPackage

__all__ = ["sponsors_by_event", "sponsors_by_tier"]

TIER_LABELS = dict(SponsorshipPackage.Tier.choices)


def _sponsors(event_keys):
    return (
        SponsorshipApplication.objects.filter(
            status__in=SponsorshipApplication.SPONSORING,
            event__translation_key__in=event_keys,
        )
        .select_related("package", "logo", "event")
        .prefetch_related("logo__renditions")
        .order_by("package__sort_order", "display_name", "organisation", "pk")
    )


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
    return _group(_sponsors([page.translation_key]))


def sponsors_by_event(index):
    """[{"event": the event page in the index's language, "tiers": [...]}] for every live
    event under the index that has confirmed sponsors, most recent first."""
    events = list(EventPage.objects.child_of(index).live().public().order_by("-start_date"))
    by_key = defaultdict(list)
    for application in _sponsors([e.translation_key for e in events]):
        by_key[application.event.translation_key].append(application)
    return [
        {"event": event, "tiers": _group(by_key[event.translation_key])}
        for event in events
        if by_key[event.translation_key]
    ]

"""The sponsorship figures: how many entities sponsored the Bureau's events and for how much.

One function shared by `manage.py sponsorship_stats`, the admin's overview and the public
statistics page. It counts confirmed and delivered sponsorships; an entity that sponsored
several packages of one event, or several events, counts once in the total (and once per
event).
"""

from collections import defaultdict
from decimal import Decimal

from .models import SponsorshipApplication

__all__ = ["sponsorship_figures"]


def _entity(application):
    if application.partner_id:
        return ("partner", application.partner_id)
    return ("name", application.organisation.strip().casefold())


def sponsorship_figures():
    """{"entities": n, "amount_usd": Decimal, "by_event": {English event title: {...}}},
    the events in the order they took place."""
    applications = (
        SponsorshipApplication.objects.filter(status__in=SponsorshipApplication.SPONSORING)
        .select_related("event")
        .order_by("event__start_date", "event_title", "pk")
    )
    entities, amount = set(), Decimal(0)
    by_event = defaultdict(lambda: {"entities": set(), "amount_usd": Decimal(0)})
    for application in applications:
        title = application.event.title if application.event_id else application.event_title
        entity = _entity(application)
        entities.add(entity)
        amount += application.amount_usd
        by_event[title]["entities"].add(entity)
        by_event[title]["amount_usd"] += application.amount_usd
    return {
        "entities": len(entities),
        "amount_usd": amount,
        "by_event": {
            title: {"entities": len(row["entities"]), "amount_usd": row["amount_usd"]}
            for title, row in by_event.items()
        },
    }

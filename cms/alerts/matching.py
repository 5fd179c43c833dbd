"""Telling subscribers of an opportunity's first publication.

Only the source-language (English) page's first publication counts: a republication, or a
translation published later, never alerts again (and the unique Match per subscriber and
translation key guarantees it even if the signal were sent twice).
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef

from . import emails
from .models import Match, Subscriber

__all__ = ["matching_subscribers", "on_page_published", "record_matches"]


def translation_wait():
    """How long an alert waits after the first publication, so that translators can publish
    the opportunity in the subscribers' languages first (ALERTS_TRANSLATION_WAIT_MINUTES)."""
    return timedelta(minutes=getattr(settings, "ALERTS_TRANSLATION_WAIT_MINUTES", 0))


def _criterion(relation, term_ids):
    """Subscribers who chose none of this vocabulary (everything), or one of `term_ids`."""
    through = getattr(Subscriber, relation).through
    column = getattr(Subscriber, relation).field.m2m_reverse_name()
    chose_any = Exists(through.objects.filter(subscriber_id=OuterRef("pk")))
    chose_match = Exists(
        through.objects.filter(subscriber_id=OuterRef("pk"), **{f"{column}__in": term_ids})
    )
    return ~chose_any | chose_match


def matching_subscribers(page):
    """Confirmed subscribers whose criteria the opportunity meets."""
    area_ids = [link.area_id for link in page.thematic_areas.all()]
    region_ids = [link.region_id for link in page.regions.all()]
    candidates = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).filter(
        _criterion("areas", area_ids), _criterion("regions", region_ids)
    )
    return [s for s in candidates if not s.opportunity_kinds or page.kind in s.opportunity_kinds]


def is_first_publication(page):
    """Whether this publication of the source page is its first one."""
    return (
        page.locale.language_code == settings.LANGUAGE_CODE
        and page.first_published_at is not None
        and page.first_published_at == page.last_published_at
    )


@transaction.atomic
def record_matches(page):
    """Write the matches of a newly published opportunity, and the alerts of the subscribers
    who want one per opportunity; return the number of matches written."""
    already = set(
        Match.objects.filter(translation_key=page.translation_key).values_list(
            "subscriber_id", flat=True
        )
    )
    written = 0
    for subscriber in matching_subscribers(page):
        if subscriber.pk in already:
            continue
        email = None
        if subscriber.frequency == Subscriber.Frequency.IMMEDIATE:
            email = emails.queue(
                subscriber,
                emails.ALERT,
                key=page.translation_key.hex,
                pages=[page],
                delay=translation_wait(),
            )
        Match.objects.create(
            subscriber=subscriber,
            page=page,
            translation_key=page.translation_key,
            email=email,
        )
        written += 1
    return written


def on_page_published(sender, instance, **kwargs):
    """page_published handler (connected in apps.py)."""
    from cms.pages.models import OpportunityPage

    if not isinstance(instance, OpportunityPage) or not is_first_publication(instance):
        return
    if instance.get_view_restrictions().exists():
        return  # private pages are not announced
    record_matches(instance)

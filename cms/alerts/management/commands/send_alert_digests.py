"""Gather each weekly subscriber's new matches into one digest e-mail (run weekly from cron).

Running it twice in the same week writes nothing more: a digest is unique per subscriber and
ISO week, and a match belongs to one digest only.
"""

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.alerts import emails
from cms.alerts.models import Match, Subscriber


def gather_digests(now=None):
    """Write this week's digests; return how many."""
    now = now or timezone.now()
    year, week, _day = now.isocalendar()
    key = f"{year}-W{week:02d}"
    subscriber_ids = (
        Match.objects.filter(
            email__isnull=True,
            subscriber__status=Subscriber.Status.CONFIRMED,
            subscriber__frequency=Subscriber.Frequency.WEEKLY,
        )
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    written = 0
    for subscriber in Subscriber.objects.filter(pk__in=list(subscriber_ids)):
        try:
            with transaction.atomic():
                waiting = Match.objects.filter(subscriber=subscriber, email__isnull=True)
                pages = [match.page for match in waiting.select_related("page")]
                email = emails.queue(subscriber, emails.DIGEST, key=key, pages=pages)
                waiting.update(email=email)
        except IntegrityError:
            continue  # this week's digest is already written; the rest waits for next week
        written += 1
    return written


class Command(BaseCommand):
    help = "Write and send the weekly digests of new matching opportunities."

    def handle(self, *args, **options):
        written = gather_digests()
        self.stdout.write(f"{written} digest(s) queued.")

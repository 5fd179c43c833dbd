"""Delete registrations never confirmed within ALERTS_UNCONFIRMED_DAYS (run daily)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.alerts.links import unconfirmed_days
from cms.alerts.models import Subscriber


def purge_unconfirmed(now=None):
    """Delete expired unconfirmed subscribers (with their consents and e-mails); return how
    many."""
    limit = (now or timezone.now()) - timedelta(days=unconfirmed_days())
    expired = Subscriber.objects.filter(status=Subscriber.Status.PENDING, created_at__lt=limit)
    count = expired.count()
    expired.delete()
    return count


class Command(BaseCommand):
    help = "Delete registrations that were never confirmed in time."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_unconfirmed()} unconfirmed registration(s) deleted.")

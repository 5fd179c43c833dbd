"""Send every subscriber e-mail that is due: safe to run from cron beside the worker (a row is
sent by whoever claims it first) and after an outage (nothing was lost, see outbox.py)."""

from django.core.management.base import BaseCommand

from cms.alerts import outbox


class Command(BaseCommand):
    help = "Send the subscriber e-mails that are due (queued, or waiting to retry)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand them to the task queue (db_worker) instead of sending them here.",
        )

    def handle(self, *args, enqueue=False, **options):
        released = outbox.release_stale_claims()
        results = {}
        for delivery_id in outbox.due():
            if enqueue:
                outbox.enqueue(delivery_id)
                status = "enqueued"
            else:
                status = outbox.send(delivery_id) or "skipped"
            results[status] = results.get(status, 0) + 1
        summary = ", ".join(f"{status}: {n}" for status, n in sorted(results.items()))
        self.stdout.write(
            f"{sum(results.values())} due e-mail(s) ({summary or 'none'}); "
            f"{released} stale claim(s) released."
        )

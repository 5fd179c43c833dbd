"""Send every outgoing e-mail that is due: safe to run from cron beside the worker (a row is
sent by whoever claims it first) and after an outage (nothing was lost, see cms.core.outbox)."""

from django.core.management.base import BaseCommand

from cms.core import outbox


class Command(BaseCommand):
    help = "Send the e-mails that are due (queued, or waiting to retry)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand them to the task queue (db_worker) instead of sending them here.",
        )

    def handle(self, *args, enqueue=False, **options):
        released = outbox.release_stale_claims()
        results = {}
        for email_id in outbox.due():
            if enqueue:
                outbox.enqueue(email_id)
                status = "enqueued"
            else:
                status = outbox.send(email_id) or "skipped"
            results[status] = results.get(status, 0) + 1
        summary = ", ".join(f"{status}: {n}" for status, n in sorted(results.items()))
        self.stdout.write(
            f"{sum(results.values())} due e-mail(s) ({summary or 'none'}); "
            f"{released} stale claim(s) released."
        )

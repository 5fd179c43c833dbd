"""Remind subscribers of the matching opportunities that close within a week (run daily).

Running it twice the same day, or every day of that week, writes nothing more: a reminder is
unique per subscriber and opportunity (cms.alerts.reminders)."""

from django.core.management.base import BaseCommand

from cms.alerts.reminders import send_deadline_reminders


class Command(BaseCommand):
    help = "Write the 'closing soon' reminders of opportunities whose deadline is within a week."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_deadline_reminders()} reminder(s) queued.")

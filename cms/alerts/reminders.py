"""The "closing soon" reminder (issue 20, item 7): a week before an open opportunity's
deadline, each confirmed subscriber whose criteria it meets (areas, regions, countries, kinds,
keywords: `matching.matching_subscribers`) gets one e-mail, in their language, through the
outbox, with the links to manage or leave the subscription.

Run daily (`manage.py send_deadline_reminders`, cron). A call is reminded while its deadline is
between today and 7 days ahead, so a day the job did not run loses no reminder, and a call
published 3 days before its deadline is still announced as closing. A `Reminder` row, unique
per subscriber and opportunity and written in the same transaction as the e-mail, makes it
once only, however often the job runs (twice a day, or two at once: the database refuses the
second row). Both frequencies get it at once: a weekly digest would come after the deadline.
"""

import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from . import emails
from .matching import matching_subscribers
from .models import Reminder

__all__ = ["REMINDER_DAYS", "due_opportunities", "send_deadline_reminders"]

#: A reminder goes out when the deadline is at most this many days ahead.
REMINDER_DAYS = 7


def due_opportunities(today=None):
    """The live, public, English opportunities still open for partners whose deadline falls
    within the next week (today included)."""
    from cms.pages.models import OpportunityPage

    today = today or timezone.localdate()
    pages = (
        OpportunityPage.objects.live()
        .public()
        .filter(
            locale__language_code=settings.LANGUAGE_CODE,
            status=OpportunityPage.Status.OPEN,
            deadline__gte=today,
            deadline__lte=today + datetime.timedelta(days=REMINDER_DAYS),
        )
        .order_by("deadline", "pk")
    )
    return list(pages)


def send_deadline_reminders(today=None):
    """Write the reminders due today; return how many e-mails were written."""
    written = 0
    for page in due_opportunities(today):
        already = set(
            Reminder.objects.filter(translation_key=page.translation_key).values_list(
                "subscriber_id", flat=True
            )
        )
        for subscriber in matching_subscribers(page):
            if subscriber.pk in already:
                continue
            try:
                with transaction.atomic():
                    reminder = Reminder.objects.create(
                        subscriber=subscriber,
                        page=page,
                        translation_key=page.translation_key,
                        deadline=page.deadline,
                    )
                    reminder.email = emails.queue(
                        subscriber,
                        emails.REMINDER,
                        key=page.translation_key.hex,
                        pages=[page],
                    )
                    reminder.save(update_fields=["email"])
            except IntegrityError:
                continue  # another run reminded them meanwhile
            written += 1
    return written

"""Queueing, claiming and sending Delivery rows (see models/deliveries.py).

`queue()` writes the row in the caller's transaction and hands it to the task queue once
that transaction commits. `send()` claims the row with a conditional UPDATE (only one
worker wins), sends, and marks it sent straight after the mail server accepted it; a mail
server error schedules a retry with exponential backoff. `send_due_alerts` (cron) sends
whatever is due, so a lost task or a worker restart loses nothing.
"""

import logging
import smtplib
import uuid
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Delivery

__all__ = ["backoff", "enqueue", "max_attempts", "queue", "send"]

logger = logging.getLogger(__name__)

#: A row claimed longer ago than this was left by a worker that died before sending.
STALE_CLAIM = timedelta(minutes=15)


def max_attempts():
    return getattr(settings, "ALERTS_MAX_ATTEMPTS", 8)


def backoff(attempts):
    """Wait before the next attempt: 2, 4, 8... minutes, at most 12 hours."""
    return timedelta(minutes=min(2**attempts, 12 * 60))


def queue(subscriber, kind, key=None, page=None, delay=None):
    """Write a Delivery for `subscriber` and enqueue its sending after the commit."""
    delivery = Delivery.objects.create(
        subscriber=subscriber,
        kind=kind,
        key=key or uuid.uuid4().hex,
        page=page,
        next_attempt_at=timezone.now() + (delay or timedelta(0)),
    )
    transaction.on_commit(partial(enqueue, delivery.pk, delivery.next_attempt_at), robust=True)
    return delivery


def enqueue(delivery_id, when=None):
    """Hand a delivery to the task queue, to run at `when` where the backend can wait."""
    from .tasks import send_delivery

    task = send_delivery
    if when and when > timezone.now():
        if not task.get_backend().supports_defer:
            # send_due_alerts sends it when it is due.
            return None
        task = task.using(run_after=when)
    return task.enqueue(delivery_id)


def _claim(delivery_id):
    now = timezone.now()
    claimed = Delivery.objects.filter(
        pk=delivery_id,
        status__in=[Delivery.Status.QUEUED, Delivery.Status.RETRY],
        next_attempt_at__lte=now,
    ).update(status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1)
    return claimed == 1


def _finish(delivery, status, error=""):
    Delivery.objects.filter(pk=delivery.pk).update(
        status=status,
        last_error=error[:300],
        sent_at=timezone.now() if status == Delivery.Status.SENT else None,
    )


def send(delivery_id):
    """Send one delivery if it is due and nobody else is sending it; return its new status
    (or None when it was not this call's to send)."""
    from .emails import build_message

    if not _claim(delivery_id):
        return None
    delivery = Delivery.objects.select_related("subscriber", "page").get(pk=delivery_id)
    message = build_message(delivery)
    if message is None:
        # Unsubscribed, deleted opportunity, already confirmed...: nothing to say any more.
        _finish(delivery, Delivery.Status.SENT, "not needed any more")
        return Delivery.Status.SENT
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        return _retry(delivery, error)
    # Marked sent at once: a failure after this point must never send it again.
    _finish(delivery, Delivery.Status.SENT)
    return Delivery.Status.SENT


def _retry(delivery, error):
    delivery.refresh_from_db(fields=["attempts"])
    text = f"{type(error).__name__}: {error}"
    if delivery.attempts >= max_attempts():
        logger.error("Delivery %s failed for good: %s", delivery.pk, text)
        _finish(delivery, Delivery.Status.FAILED, text)
        return Delivery.Status.FAILED
    when = timezone.now() + backoff(delivery.attempts)
    logger.warning("Delivery %s failed (%s); next attempt at %s", delivery.pk, text, when)
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.RETRY, next_attempt_at=when, last_error=text[:300]
    )
    enqueue(delivery.pk, when)
    return Delivery.Status.RETRY


def release_stale_claims(now=None):
    """Rows left "sending" by a worker that died before the mail server answered go back to
    the queue. (A worker that died in the instant between the server's answer and the
    update would send once more: the only window left, and a short one.)"""
    now = now or timezone.now()
    return Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=Delivery.Status.RETRY, next_attempt_at=now)


def due(now=None):
    """Ids of the deliveries due now, oldest first."""
    now = now or timezone.now()
    return list(
        Delivery.objects.filter(
            status__in=[Delivery.Status.QUEUED, Delivery.Status.RETRY], next_attempt_at__lte=now
        )
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )

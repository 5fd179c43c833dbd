"""Writing, claiming and sending OutgoingEmail rows (see models.py): the one way the product
sends e-mail.

`write()` stores the row in the caller's transaction and hands it to the task queue
(django-tasks, the database queue in production) once that transaction commits. `send()`
claims the row, sends it and marks it sent straight after the mail server accepted it; a
refusal or an unreachable server schedules a retry with exponential backoff, until
`OUTBOX_MAX_ATTEMPTS`. `send_due_emails` (cron) sends whatever is due, so a lost task or a
worker restart loses nothing.

At most once: a row is claimed by one conditional UPDATE (waiting and due -> sending), which
only one worker can win. On PostgreSQL the candidate row is first locked with SELECT ... FOR
UPDATE SKIP LOCKED, so a second worker passes over it at once instead of waiting; on SQLite,
which has no row locks, the database's single writer serializes the two UPDATEs and the
second finds the row already "sending". The one window left is a worker dying between the
mail server's answer and its own UPDATE: its claim is released after STALE_CLAIM and the
e-mail goes once more.

Features may declare their kinds with `register()`: a label for the admin; `wanted(row)`,
asked when the row is due (an e-mail that its cause no longer calls for is not sent; by
default, one whose cause was deleted); and `compose(row)`, which renders a row written
before its content could be (`composed` false).

What Wagtail and Django send themselves comes in through `OutboxBackend`, the product's
EMAIL_BACKEND; the outbox sends through OUTBOX_EMAIL_BACKEND (the test and development
settings keep a direct backend: there, only the product's own e-mails are rows).
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django_tasks import task

from .emails import Email
from .models import OutgoingEmail

__all__ = [
    "FRAMEWORK",
    "STALE_CLAIM",
    "OutboxBackend",
    "backoff",
    "due",
    "enqueue",
    "label",
    "max_attempts",
    "register",
    "release_stale_claims",
    "send",
    "send_email",
    "write",
]

logger = logging.getLogger(__name__)

Status = OutgoingEmail.Status

#: The kind of what Wagtail and Django send themselves (see OutboxBackend).
FRAMEWORK = "framework"

#: A row claimed longer ago than this was left by a worker that died before sending.
STALE_CLAIM = timedelta(minutes=15)


@dataclass(frozen=True)
class Kind:
    label: str
    wanted: object = None
    compose: object = None


_kinds = {}


def register(kind, label=None, *, wanted=None, compose=None):
    """Declare a kind of e-mail (`"<app>.<name>"`); see the module's docstring."""
    _kinds[kind] = Kind(label, wanted, compose)


def label(kind):
    """The kind's name for people (the admin)."""
    known = _kinds.get(kind)
    return known.label if known is not None and known.label else kind


def max_attempts():
    return getattr(settings, "OUTBOX_MAX_ATTEMPTS", 8)


def backoff(attempts):
    """Wait before the next attempt: 2, 4, 8... minutes, at most 12 hours."""
    return timedelta(minutes=min(2**attempts, 12 * 60))


def write(kind, email=None, *, cause=None, key="", delay=None, recipient="", language=""):
    """Store `email` (a `cms.core.emails.Email`) as a row of `kind` about `cause`, in the
    current transaction, and enqueue its sending after the commit; return the row.

    Without `email`, the row waits for its kind's composer (give `recipient` and
    `language`). `delay` puts off its first attempt. A `key` makes it unique for its kind,
    cause and recipient (IntegrityError for a second one)."""
    fields = {"composed": False, "recipient": recipient, "language": language}
    if email is not None:
        fields = {
            "composed": True,
            "recipient": email.recipient,
            "language": email.language,
            "subject": email.subject,
            "text": email.text,
            "html": email.html,
            "reply_to": list(email.reply_to),
            "headers": dict(email.headers),
        }
    if cause is not None:
        fields["cause"] = cause
    row = OutgoingEmail.objects.create(
        kind=kind,
        key=key,
        next_attempt_at=timezone.now() + (delay or timedelta(0)),
        **fields,
    )
    transaction.on_commit(partial(enqueue, row.pk, row.next_attempt_at), robust=True)
    return row


def enqueue(email_id, when=None):
    """Hand a row to the task queue, to run at `when` where the backend can wait."""
    runner = send_email
    if when and when > timezone.now():
        if not runner.get_backend().supports_defer:
            return None  # send_due_emails sends it when it is due
        runner = runner.using(run_after=when)
    return runner.enqueue(email_id)


def _claim(email_id):
    """Whether this call won the row (waiting and due -> sending)."""
    now = timezone.now()
    waiting = {"status__in": OutgoingEmail.WAITING, "next_attempt_at__lte": now}
    with transaction.atomic():
        candidate = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, **waiting)
            .values_list("pk", flat=True)
        )
        if not list(candidate):
            return False
        claimed = OutgoingEmail.objects.filter(pk=email_id, **waiting).update(
            status=Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
    return claimed == 1


def _finish(row, status, error=""):
    OutgoingEmail.objects.filter(pk=row.pk).update(
        status=status,
        last_error=error[:300],
        sent_at=timezone.now() if status == Status.SENT else None,
    )


def _wanted(row):
    """Whether the row's cause still calls for it (by default: the cause still exists)."""
    kind = _kinds.get(row.kind)
    if kind is not None and kind.wanted is not None:
        return kind.wanted(row)
    if row.cause_type_id is None:
        return True
    model = row.cause_type.model_class()
    return model is not None and model._default_manager.filter(pk=row.cause_id).exists()


def _compose(row):
    """Render a row written without its content; False when there is nothing to say."""
    kind = _kinds.get(row.kind)
    email = kind.compose(row) if kind is not None and kind.compose is not None else None
    if email is None:
        return False
    row.recipient, row.language = email.recipient, email.language
    row.subject, row.text, row.html = email.subject, email.text, email.html
    row.reply_to, row.headers = list(email.reply_to), dict(email.headers)
    row.composed = True
    row.save(
        update_fields=[
            "recipient",
            "language",
            "subject",
            "text",
            "html",
            "reply_to",
            "headers",
            "composed",
        ]
    )
    return True


def _connection():
    """The mail server's backend: OUTBOX_EMAIL_BACKEND when EMAIL_BACKEND is the outbox."""
    backend = settings.EMAIL_BACKEND
    if backend == f"{__name__}.OutboxBackend":
        backend = getattr(settings, "OUTBOX_EMAIL_BACKEND", "")
    return get_connection(backend or None)


def message(row):
    """The row as a Django e-mail message, for the mail server."""
    result = EmailMultiAlternatives(
        row.subject,
        row.text,
        to=[row.recipient],
        reply_to=row.reply_to,
        headers=row.headers,
        connection=_connection(),
    )
    if row.html:
        result.attach_alternative(row.html, "text/html")
    return result


def send(email_id):
    """Send one row if it is due and nobody else is sending it; return its new status (None
    when it was not this call's to send)."""
    if not _claim(email_id):
        return None
    row = OutgoingEmail.objects.select_related("cause_type").get(pk=email_id)
    try:
        if not _wanted(row) or (not row.composed and not _compose(row)):
            _finish(row, Status.CANCELLED, "not needed any more")
            return Status.CANCELLED
    except Exception as error:  # a template or data error: kept, and tried again later
        logger.exception("E-mail %s could not be written", row.pk)
        return _retry(row, error)
    try:
        message(row).send()
    except (smtplib.SMTPException, OSError) as error:
        return _retry(row, error)
    # Marked sent at once: a failure after this point must never send it again.
    _finish(row, Status.SENT)
    return Status.SENT


def _retry(row, error):
    row.refresh_from_db(fields=["attempts"])
    text = f"{type(error).__name__}: {error}"
    if row.attempts >= max_attempts():
        logger.error("E-mail %s failed for good: %s", row.pk, text)
        _finish(row, Status.FAILED, text)
        return Status.FAILED
    when = timezone.now() + backoff(row.attempts)
    logger.warning("E-mail %s failed (%s); next attempt at %s", row.pk, text, when)
    OutgoingEmail.objects.filter(pk=row.pk).update(
        status=Status.RETRY, next_attempt_at=when, last_error=text[:300]
    )
    enqueue(row.pk, when)
    return Status.RETRY


class OutboxBackend(BaseEmailBackend):
    """The product's EMAIL_BACKEND: what Wagtail and Django send themselves (moderation
    notifications, password resets) is written to the outbox too, one row per recipient, in
    the language active when it was sent, and goes out through OUTBOX_EMAIL_BACKEND with the
    same retries. (Their sender address is DEFAULT_FROM_EMAIL, as for every row.)"""

    def send_messages(self, email_messages):
        language = translation.get_language() or settings.LANGUAGE_CODE
        for sent in email_messages:
            html = next(
                (body for body, kind in getattr(sent, "alternatives", []) if kind == "text/html"),
                "",
            )
            for recipient in sent.recipients():
                email = Email(
                    recipient=recipient,
                    language=language,
                    subject=sent.subject,
                    text=sent.body,
                    html=html,
                    reply_to=list(sent.reply_to),
                    headers=dict(sent.extra_headers),
                )
                write(FRAMEWORK, email)
        return len(email_messages)


@task()
def send_email(email_id):
    """Send one outgoing e-mail; safe to run twice (the second run finds it claimed)."""
    return send(email_id)


def release_stale_claims(now=None):
    """Rows left "sending" by a worker that died before the mail server answered go back to
    the queue."""
    now = now or timezone.now()
    return OutgoingEmail.objects.filter(
        status=Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(status=Status.RETRY, next_attempt_at=now)


def due(now=None):
    """Ids of the rows due now, oldest first."""
    now = now or timezone.now()
    return list(
        OutgoingEmail.objects.filter(status__in=OutgoingEmail.WAITING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)
    )

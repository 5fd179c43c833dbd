"""Durable delivery: with the mail server down, the rows and the queue survive; after
recovery each e-mail goes out exactly once, however many times the worker runs."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.alerts import emails
from cms.alerts.management.commands.purge_unconfirmed_subscribers import purge_unconfirmed
from cms.alerts.models import Subscriber
from cms.core import outbox
from cms.core.models import OutgoingEmail

from . import built_once
from .conftest import link_in, publish
from .mail import FlakyBackend

# The conftest's terms and pages, built once for this module (built_once.py).
alerts_records, terms, site_pages = built_once.FIXTURES


def _time_passes():
    """The backoff delay is over."""
    OutgoingEmail.objects.exclude(status=OutgoingEmail.Status.SENT).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def _run_worker():
    call_command("send_due_emails", stdout=StringIO())


def test_mail_server_down_during_registration(register):
    FlakyBackend.down = True

    response = register()

    # The visitor sees the usual answer; the registration and its e-mail wait.
    assert response.status_code == 303
    assert Subscriber.objects.count() == 1
    delivery = OutgoingEmail.objects.get()
    assert delivery.status == OutgoingEmail.Status.RETRY
    assert delivery.attempts == 1
    assert "Connection refused" in delivery.last_error
    assert delivery.next_attempt_at > timezone.now() + timedelta(minutes=1)
    assert mail.outbox == []

    _run_worker()  # not due yet: the backoff holds it
    assert mail.outbox == []

    FlakyBackend.down = False
    _time_passes()
    _run_worker()
    _run_worker()

    assert len(mail.outbox) == 1
    assert link_in(mail.outbox[0], "confirm")
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_mail_server_down_during_alerts(
    confirmed, draft_opportunity, django_capture_on_commit_callbacks
):
    confirmed()
    confirmed(email="second@example.org", language="en")
    mail.outbox.clear()
    FlakyBackend.down = True

    with django_capture_on_commit_callbacks(execute=True):
        publish(draft_opportunity("cyber-lab"))

    alerts = OutgoingEmail.objects.filter(kind=emails.ALERT)
    assert alerts.count() == 2
    assert set(alerts.values_list("status", flat=True)) == {OutgoingEmail.Status.RETRY}
    _time_passes()
    _run_worker()  # still down: a second attempt, further away
    assert all(d.attempts == 2 for d in alerts)
    assert mail.outbox == []

    FlakyBackend.down = False
    _time_passes()
    _run_worker()
    _run_worker()

    assert sorted(m.to[0] for m in mail.outbox) == ["awa.ndiaye@example.sn", "second@example.org"]
    assert set(alerts.values_list("status", flat=True)) == {OutgoingEmail.Status.SENT}


def test_backoff_grows_and_gives_up_after_the_last_attempt(register, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    FlakyBackend.down = True
    register()
    delivery = OutgoingEmail.objects.get()
    waits = [delivery.next_attempt_at - timezone.now()]
    for _ in range(2):
        _time_passes()
        _run_worker()
        delivery.refresh_from_db()
        if delivery.status == OutgoingEmail.Status.RETRY:
            waits.append(delivery.next_attempt_at - timezone.now())

    assert waits[1] > waits[0]
    assert delivery.status == OutgoingEmail.Status.FAILED
    assert delivery.attempts == 3
    assert outbox.backoff(20) == timedelta(hours=12)


def test_a_claimed_row_is_never_sent_twice(register):
    FlakyBackend.down = True
    register()
    FlakyBackend.down = False
    _time_passes()
    delivery = OutgoingEmail.objects.get()

    # Two workers race for the same row: only the first one's claim succeeds.
    assert outbox.send(delivery.pk) == OutgoingEmail.Status.SENT
    assert outbox.send(delivery.pk) is None
    _run_worker()

    assert len(mail.outbox) == 1


def test_a_worker_that_died_before_sending_leaves_nothing_lost(register):
    FlakyBackend.down = True
    register()
    FlakyBackend.down = False
    # The worker claimed the row, then died before the mail server answered.
    OutgoingEmail.objects.update(
        status=OutgoingEmail.Status.SENDING,
        claimed_at=timezone.now() - outbox.STALE_CLAIM - timedelta(minutes=1),
    )

    _run_worker()
    _run_worker()

    assert len(mail.outbox) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


def test_a_recent_claim_is_left_to_its_worker(register):
    FlakyBackend.down = True
    register()
    OutgoingEmail.objects.update(status=OutgoingEmail.Status.SENDING, claimed_at=timezone.now())
    FlakyBackend.down = False

    _run_worker()

    assert mail.outbox == []


def test_confirmation_not_sent_once_the_subscriber_is_gone_or_confirmed(register, client):
    FlakyBackend.down = True
    register()
    FlakyBackend.down = False
    Subscriber.objects.update(status=Subscriber.Status.CONFIRMED)
    _time_passes()

    _run_worker()

    assert mail.outbox == []
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.CANCELLED


def test_unconfirmed_registrations_expire(register, settings):
    register()
    register(email="old@example.org")
    Subscriber.objects.filter(email="old@example.org").update(
        created_at=timezone.now() - timedelta(days=8)
    )

    assert purge_unconfirmed() == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["awa.ndiaye@example.sn"]
    settings.ALERTS_UNCONFIRMED_DAYS = 0
    output = StringIO()
    call_command("purge_unconfirmed_subscribers", stdout=output)
    assert "1 unconfirmed" in output.getvalue()

"""Every e-mail the product sends goes through the outbox (issue 15's acceptance), tried
against a real SMTP server (tests/core/smtp_server.py) through Django's SMTP backend.

Each kind is caused through its real path (a form posted, an opportunity published, a step
taken in the admin, a sync asked for) while the mail server refuses, temporarily (451),
permanently (550) or by being down (its port closed): the visitor's request succeeds, the row
is kept for a retry with the attempt counted and the server's answer recorded, nothing is lost
and nothing is delivered. Once the server accepts, the next run of `send_due_emails` delivers
exactly one message per recipient, in the recipient's language, and marks the row sent;
running it again sends nothing more. Then: two workers never send the same row twice.

The features' own test fixtures are imported (hence F811: pytest passes them by name).
"""

# ruff: noqa: F811

import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.management import call_command
from django.db import connection, connections
from django.urls import reverse
from django.utils import timezone

from cms.alerts import emails as alert_emails
from cms.alerts.models import Subscriber
from cms.core import outbox
from cms.core.emails import Email
from cms.core.models import OutgoingEmail
from cms.interest import emails as interest_emails
from cms.localization.notify import SYNC_REQUEST
from cms.sponsorship import emails as sponsorship_emails
from cms.sponsorship.models import SponsorshipApplication

# Fixtures of the features' own tests, to cause each e-mail as they do.
from tests.alerts.conftest import (  # noqa: F401
    confirmed,
    draft_opportunity,
    register,
    site_pages,
    terms,
    translate,
)
from tests.alerts.conftest import publish as publish_page
from tests.interest.conftest import form_data, opportunity, opportunity_index  # noqa: F401
from tests.localization.conftest import french_translator  # noqa: F401
from tests.localization.test_review_and_sync_requests import (  # noqa: F401
    changes_url,
    make_page,
    outdated,
)
from tests.sponsorship.conftest import categories, event, gold  # noqa: F401
from tests.sponsorship.conftest import form_data as application_data
from tests.sponsorship.records import ready_for_delivery

from .smtp_server import PERMANENT, TEMPORARY, smtp_server  # noqa: F401

Status = OutgoingEmail.Status

DOWN = "down"  # nothing listens on the server's port


@pytest.fixture
def page(superuser):
    """The sync-request tests' page, made for each test here (their module builds it once)."""
    return make_page(superuser)


@pytest.fixture(params=[TEMPORARY, PERMANENT, DOWN], ids=["451", "550", "down"])
def refusal(request):
    """How the mail server refuses: each kind is tried with each."""
    return request.param


def _time_passes():
    """Every backoff delay is over."""
    OutgoingEmail.objects.exclude(status=Status.SENT).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )


def _worker():
    call_command("send_due_emails", stdout=StringIO())


def _refuse(server, refusal):
    if refusal == DOWN:
        server.stop()
    else:
        server.refuse(refusal)


def kept_then_sent_once(server, refusal, kinds, recipients, cause, capture, **settings):
    """Cause the e-mails of `kinds` through the real SMTP `server`, refusing then accepting;
    check each step, and that each of `recipients` ({address: language}) got exactly one
    message, in their language; return the messages the server accepted (Received).
    `settings` override those that point Django's SMTP backend at the server."""
    before = set(OutgoingEmail.objects.values_list("pk", flat=True))
    server.reset()
    with server.in_use(**settings):
        _refuse(server, refusal)
        with capture(execute=True):  # the transaction commits: its task runs and is refused
            cause()  # the visitor's request succeeds all the same (each cause checks it)
        rows = OutgoingEmail.objects.filter(kind__in=kinds).exclude(pk__in=before)
        assert sorted(rows.values_list("recipient", flat=True)) == sorted(recipients)
        error = "ConnectionRefusedError" if refusal == DOWN else f"SMTPDataError: ({refusal[:3]}"
        for row in rows:
            assert row.status == Status.RETRY, row
            assert row.attempts == 1
            assert row.last_error.startswith(error), row.last_error
            assert row.next_attempt_at > timezone.now()
            assert row.subject and row.text  # what the reader gets is kept with it
        _time_passes()
        _worker()  # still refused: a second attempt, nothing lost
        assert {row.attempts for row in rows.all()} == {2}
        assert set(rows.values_list("status", flat=True)) == {Status.RETRY}
        assert server.received == []
        if refusal != DOWN:  # the server was asked once per e-mail and attempt
            assert sorted(to for _, (to,) in server.refusals) == sorted(2 * list(recipients))

        server.start()
        server.accept()
        _time_passes()
        _worker()
        _worker()
        _time_passes()
        _worker()

    delivered = server.received
    assert sorted(to for message in delivered for to in message.recipients) == sorted(recipients)
    rows = {row.recipient: row for row in rows.all()}
    for message in delivered:
        (to,) = message.to
        assert message.recipients == [to]
        row = rows[to]
        assert row.language == recipients[to]
        # The product's own e-mails say their language; Wagtail's and Django's do not.
        assert message.language == (None if row.kind == outbox.FRAMEWORK else row.language)
        assert message.subject == row.subject  # in the reader's language, intact through SMTP
        assert row.status == Status.SENT and row.sent_at
    return delivered


def test_alert_registration_emails(
    smtp_server, refusal, register, confirmed, django_capture_on_commit_callbacks
):
    def registers():
        assert register().status_code == 303

    # The confirmation request of a new registration (on the French page)...
    (message,) = kept_then_sent_once(
        smtp_server,
        refusal,
        [alert_emails.CONFIRMATION],
        {"awa.ndiaye@example.sn": "fr"},
        registers,
        django_capture_on_commit_callbacks,
    )
    assert message.subject == (
        "Confirmez votre inscription aux alertes sur les opportunités de partenariat"
    )
    # ...and the link to manage it, for an address already registered.
    (message,) = kept_then_sent_once(
        smtp_server,
        refusal,
        [alert_emails.MANAGE_LINK],
        {"awa.ndiaye@example.sn": "fr"},
        registers,
        django_capture_on_commit_callbacks,
    )
    assert "/fr/subscription/manage/" in message.text


def test_alerts_and_digests(
    smtp_server, refusal, confirmed, draft_opportunity, django_capture_on_commit_callbacks
):
    confirmed()
    confirmed(email="weekly@example.org", language="en", frequency="weekly")
    new = draft_opportunity("cyber-lab")

    (alert,) = kept_then_sent_once(
        smtp_server,
        refusal,
        [alert_emails.ALERT],
        {"awa.ndiaye@example.sn": "fr"},
        lambda: publish_page(new),
        django_capture_on_commit_callbacks,
    )
    assert alert.subject == "Nouvelle opportunité de partenariat\xa0: Cyber lab"
    assert alert.message["List-Unsubscribe"]
    (digest,) = kept_then_sent_once(
        smtp_server,
        refusal,
        [alert_emails.DIGEST],
        {"weekly@example.org": "en"},
        lambda: call_command("send_alert_digests", stdout=StringIO()),
        django_capture_on_commit_callbacks,
    )
    assert new.title in digest.text


def test_expression_of_interest_emails(
    smtp_server, refusal, client, opportunity, form_data, django_capture_on_commit_callbacks
):
    def send():
        assert client.post(opportunity.url, form_data).status_code == 303

    messages = kept_then_sent_once(
        smtp_server,
        refusal,
        [interest_emails.CONTACT, interest_emails.CONFIRMATION],
        {"amina.diallo@itu.example": "en", "claire.martin@fondation.example": "en"},
        send,
        django_capture_on_commit_callbacks,
    )
    to_contact = next(m for m in messages if m.to == ["amina.diallo@itu.example"])
    assert to_contact.reply_to == ["claire.martin@fondation.example"]
    assert "<html" in to_contact.html


def test_sponsorship_emails_at_each_step(
    smtp_server,
    refusal,
    client,
    event,
    gold,
    categories,
    officer,
    django_capture_on_commit_callbacks,
):
    def apply():
        data = application_data(gold, categories["none"])
        assert client.post(event.url, data).status_code == 303

    kept_then_sent_once(
        smtp_server,
        refusal,
        [sponsorship_emails.CONTACT, sponsorship_emails.STATUS],
        {"ada@acme.example": "en", "sponsorship@itu.example": "en"},
        apply,
        django_capture_on_commit_callbacks,
    )
    application = SponsorshipApplication.objects.get()
    client.force_login(officer)
    for action in ("approve", "confirm", "deliver"):
        url = reverse("sponsorship_applications:transition", args=[application.pk, action])
        if action == "deliver":
            ready_for_delivery(event, application)

        def step(url=url):
            assert client.post(url).status_code == 302

        kept_then_sent_once(
            smtp_server,
            refusal,
            [sponsorship_emails.STATUS],
            {"ada@acme.example": "en"},
            step,
            django_capture_on_commit_callbacks,
        )
        application.refresh_from_db()
        assert application.status == action.replace("approve", "approved").replace(
            "confirm", "confirmed"
        ).replace("deliver", "delivered")


def test_sync_requests_one_row_per_recipient(
    smtp_server,
    refusal,
    client,
    french_translator,
    editor,
    lead,
    superuser,
    outdated,
    django_capture_on_commit_callbacks,
):
    client.force_login(french_translator)
    url = changes_url(client)

    def ask():
        assert client.post(url, {"language": "fr"}).status_code == 302

    messages = kept_then_sent_once(
        smtp_server,
        refusal,
        [SYNC_REQUEST],
        {editor.email: "en", lead.email: "en", superuser.email: "en"},
        ask,
        django_capture_on_commit_callbacks,
    )
    assert {tuple(m.reply_to) for m in messages} == {(french_translator.email,)}


def test_wagtails_own_emails_go_through_the_outbox_too(
    smtp_server, refusal, client, editor, django_capture_on_commit_callbacks
):
    def reset():
        response = client.post(reverse("wagtailadmin_password_reset"), {"email": editor.email})
        assert response.status_code == 302

    (message,) = kept_then_sent_once(
        smtp_server,
        refusal,
        [outbox.FRAMEWORK],
        {editor.email: "en"},
        reset,
        django_capture_on_commit_callbacks,
        # As in production: EMAIL_BACKEND is the outbox, which sends through SMTP.
        EMAIL_BACKEND="cms.core.outbox.OutboxBackend",
    )
    assert "/admin/password_reset/confirm/" in message.text


def test_no_email_leaves_the_product_but_through_the_outbox():
    """The only place that hands messages to the mail server is the outbox's send()."""
    from pathlib import Path

    from django.conf import settings

    senders = []
    for package in ("cms", "search"):
        for path in Path(settings.BASE_DIR, package).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for word in ("send_mail(", "EmailMessage(", "EmailMultiAlternatives(", "mail_admins("):
                if word in text:
                    senders.append(f"{path.relative_to(settings.BASE_DIR)}: {word}")
    assert senders == ["cms/core/outbox.py: EmailMultiAlternatives("]


def _row(db_email="someone@example.org"):
    email = Email(recipient=db_email, language="en", subject="Hello", text="Hello.")
    row = outbox.write("tests.hello", email)
    _time_passes()
    return row


def test_a_second_worker_arriving_while_the_first_sends_sends_nothing(db, smtp_server, monkeypatch):
    row = _row()
    second = []
    original = SMTPBackend.send_messages

    def send_messages(backend, messages):
        # While the first worker is talking to the mail server, a second one tries.
        second.append(outbox.send(row.pk))
        return original(backend, messages)

    monkeypatch.setattr(SMTPBackend, "send_messages", send_messages)

    with smtp_server.in_use():
        assert outbox.send(row.pk) == Status.SENT
        assert second == [None]
        assert len(smtp_server.received) == 1
        assert outbox.send(row.pk) is None
    assert len(smtp_server.received) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL row locks")
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_workers_at_the_same_moment_send_once(smtp_server, monkeypatch):
    """Real threads, each with its own connection: the row is locked (FOR UPDATE SKIP LOCKED)
    by one claim, skipped by the other. On SQLite, which has no row locks, the conditional
    UPDATE of the claim is what holds: SQLite lets one writer at a time, so the second finds
    the row already "sending" (the test above checks that order)."""
    # Outside a test transaction each write commits at once and the immediate task queue would
    # send it there and then: the rows wait for the two workers instead.
    monkeypatch.setattr(outbox, "enqueue", lambda *args, **kwargs: None)
    rows = [_row(f"r{n}@example.org") for n in range(5)]
    barrier = threading.Barrier(2)
    results = []

    def worker():
        try:
            barrier.wait()
            results.extend(outbox.send(row.pk) for row in rows)
        finally:
            connections.close_all()

    with smtp_server.in_use():
        threads = [threading.Thread(target=worker) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert results.count(Status.SENT) == 5
    assert results.count(None) == 5
    delivered = sorted(to for message in smtp_server.received for to in message.recipients)
    assert delivered == sorted(r.recipient for r in rows)


def test_an_email_whose_subscriber_left_is_not_sent(
    smtp_server, confirmed, django_capture_on_commit_callbacks
):
    confirmed()
    subscriber = Subscriber.objects.get()
    smtp_server.stop()
    with smtp_server.in_use(), django_capture_on_commit_callbacks(execute=True):
        row = alert_emails.queue(subscriber, alert_emails.MANAGE_LINK)
    assert OutgoingEmail.objects.get(pk=row.pk).status == Status.RETRY
    subscriber.delete()

    assert not OutgoingEmail.objects.filter(pk=row.pk).exists()  # erased with them

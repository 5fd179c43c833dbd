"""The migration that moved the alerts' Delivery rows into the product's outbox loses nothing:
back to deliveries and forward again, every e-mail keeps its kind, subscriber, key, state,
attempts, error and opportunity, and one still to send is rendered when it is due."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from cms.alerts import emails
from cms.alerts.models import Match, Subscriber
from cms.core import outbox
from cms.core.models import OutgoingEmail

from .conftest import publish

BEFORE = [("alerts", "0001_initial")]
AFTER = [("alerts", "0002_deliveries_into_the_outbox")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_schema_afterwards():
    """The test moves the alerts' tables back to 0001 and forward to 0002: the later
    migrations (0003...) are applied again at the end, for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("latest_schema_afterwards")
def test_deliveries_go_back_and_forth_without_loss(confirmed, draft_opportunity):
    confirmed()
    subscriber = Subscriber.objects.get()
    page = publish(draft_opportunity("cyber-lab"))  # sends its alert at once
    alert = OutgoingEmail.objects.get(kind=emails.ALERT)
    # Make it one still to send, after two refusals.
    OutgoingEmail.objects.filter(pk=alert.pk).update(
        status=OutgoingEmail.Status.RETRY,
        attempts=2,
        last_error="ConnectionRefusedError: refused",
        next_attempt_at=timezone.now() - timedelta(minutes=1),
        composed=False,
        subject="",
        text="",
        html="",
    )
    confirmation = OutgoingEmail.objects.get(kind=emails.CONFIRMATION)
    mail.outbox.clear()

    old = _migrate(BEFORE)
    Delivery = old.get_model("alerts", "Delivery")
    deliveries = {d.kind: d for d in Delivery.objects.all()}
    assert set(deliveries) == {"confirmation", "alert"}
    assert deliveries["alert"].status == "retry"
    assert deliveries["alert"].attempts == 2
    assert deliveries["alert"].page_id == page.pk
    assert deliveries["alert"].key == page.translation_key.hex
    assert deliveries["confirmation"].status == "sent"
    assert deliveries["confirmation"].sent_at == confirmation.sent_at
    assert old.get_model("alerts", "Match").objects.get().delivery_id == deliveries["alert"].pk

    _migrate(AFTER)
    rows = {row.kind: row for row in OutgoingEmail.objects.all()}
    assert set(rows) == {emails.CONFIRMATION, emails.ALERT}
    moved = rows[emails.ALERT]
    assert (moved.cause_id, moved.recipient, moved.language) == (
        subscriber.pk,
        subscriber.email,
        "fr",
    )
    assert (moved.status, moved.attempts, moved.last_error) == (
        OutgoingEmail.Status.RETRY,
        2,
        "ConnectionRefusedError: refused",
    )
    assert Match.objects.get().email_id == moved.pk
    assert rows[emails.CONFIRMATION].status == OutgoingEmail.Status.SENT

    # Sent by today's code, which reads the subscriber's later columns (keywords, countries):
    # the rest of the migrations first.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    # The alert still to send is written from its match when it is due, and goes once.
    assert outbox.send(moved.pk) == OutgoingEmail.Status.SENT
    assert outbox.send(moved.pk) is None
    (message,) = mail.outbox
    assert message.to == [subscriber.email]
    assert f"http://testserver{page.url}" in message.body

"""The alerts' Delivery rows become rows of the product's one outbox (core.OutgoingEmail), with
their kind ("alerts.<kind>"), subscriber (the cause), key, status, attempts, next attempt,
last error and dates; a match points at its e-mail instead of its delivery. The old outbox
rendered an e-mail when it sent it, so no content was ever stored: rows still to send are
rendered by the alerts' composer when they are due, as before; the others are history.
Reversible: the outbox rows of the alerts go back to Delivery rows."""

import django.db.models.deletion
from django.db import migrations, models
from django.utils import timezone

PREFIX = "alerts."


def _subscriber_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="alerts", model="subscriber")[0]


def check_constraints_now(apps, schema_editor):
    """PostgreSQL defers the foreign-key checks of the rows just written to the end of the
    transaction, and refuses to ALTER a table with such checks pending ("pending trigger
    events"): run them now, between the data steps and the schema steps, in both directions."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def into_the_outbox(apps, schema_editor):
    Delivery = apps.get_model("alerts", "Delivery")
    Match = apps.get_model("alerts", "Match")
    OutgoingEmail = apps.get_model("core", "OutgoingEmail")
    subscriber_type = _subscriber_type(apps)
    for delivery in Delivery.objects.select_related("subscriber").order_by("pk").iterator():
        status, next_attempt_at = delivery.status, delivery.next_attempt_at
        if status == "sending":  # its worker is gone with the old code: try again now
            status, next_attempt_at = "retry", timezone.now()
        email = OutgoingEmail.objects.create(
            kind=PREFIX + delivery.kind,
            cause_type=subscriber_type,
            cause_id=delivery.subscriber_id,
            key=delivery.key,
            recipient=delivery.subscriber.email,
            language=delivery.subscriber.language,
            composed=False,
            status=status,
            attempts=delivery.attempts,
            next_attempt_at=next_attempt_at,
            last_error=delivery.last_error,
            sent_at=delivery.sent_at,
        )
        OutgoingEmail.objects.filter(pk=email.pk).update(created_at=delivery.created_at)
        Match.objects.filter(delivery=delivery).update(email=email)


def back_to_deliveries(apps, schema_editor):
    Delivery = apps.get_model("alerts", "Delivery")
    Match = apps.get_model("alerts", "Match")
    OutgoingEmail = apps.get_model("core", "OutgoingEmail")
    emails = OutgoingEmail.objects.filter(
        kind__startswith=PREFIX, cause_type=_subscriber_type(apps)
    ).order_by("pk")
    for email in emails.iterator():
        match = Match.objects.filter(email=email).order_by("pk").first()
        delivery = Delivery.objects.create(
            subscriber_id=email.cause_id,
            kind=email.kind.removeprefix(PREFIX),
            key=email.key,
            page_id=match.page_id if match and email.kind == PREFIX + "alert" else None,
            status="sent" if email.status == "cancelled" else email.status,
            attempts=email.attempts,
            next_attempt_at=email.next_attempt_at,
            claimed_at=email.claimed_at,
            last_error=email.last_error,
            sent_at=email.sent_at,
        )
        Delivery.objects.filter(pk=delivery.pk).update(created_at=email.created_at)
        Match.objects.filter(email=email).update(delivery=delivery)
    emails.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("core", "0002_outgoing_email"),
    ]

    operations = [
        migrations.AddField(
            model_name="match",
            name="email",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.outgoingemail",
                verbose_name="e-mail",
            ),
        ),
        migrations.RunPython(check_constraints_now, check_constraints_now),
        migrations.RunPython(into_the_outbox, back_to_deliveries),
        migrations.RunPython(check_constraints_now, check_constraints_now),
        migrations.RemoveField(model_name="match", name="delivery"),
        migrations.DeleteModel(name="Delivery"),
    ]

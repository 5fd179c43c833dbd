"""The outbox: every e-mail to a subscriber is a Delivery row before it is a message.

A row is written in the same transaction as the event that calls for it (a registration, a
first publication, a week's digest), so a crash or a mail server outage never loses it; its
status moves queued -> sending -> sent (or retry -> ... -> failed), and only the worker that
moved it to "sending" sends it, so it goes out once even if two workers run.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .subscribers import Subscriber

__all__ = ["Delivery", "Match"]


class Delivery(models.Model):
    """One e-mail to one subscriber, with its sending state."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation request")
        MANAGE_LINK = "manage_link", _("Link to manage the subscription")
        ALERT = "alert", _("New opportunity")
        DIGEST = "digest", _("Weekly digest")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        RETRY = "retry", _("Waiting to retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    # What makes the e-mail unique for its subscriber: the opportunity's translation key for
    # an alert, the week for a digest, a random value for one-off e-mails.
    key = models.CharField(_("key"), max_length=64)
    page = models.ForeignKey(
        "pages.OpportunityPage",
        verbose_name=_("opportunity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), db_index=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "kind", "key"], name="alerts_delivery_unique_key"
            ),
        ]

    def __str__(self):
        return f"{self.kind} {self.key} → {self.subscriber_id} ({self.status})"


class Match(models.Model):
    """An opportunity, at its first publication, matched a confirmed subscriber's criteria.

    Unique per subscriber and opportunity (its translation key): a republication or a
    translation never matches again. A weekly subscriber's matches wait (delivery empty)
    until `send_alert_digests` gathers them into a digest.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="matches")
    page = models.ForeignKey("pages.OpportunityPage", on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    matched_at = models.DateTimeField(auto_now_add=True, db_index=True)
    delivery = models.ForeignKey(
        Delivery, on_delete=models.SET_NULL, null=True, blank=True, related_name="matches"
    )

    class Meta:
        ordering = ["matched_at", "pk"]
        verbose_name = _("match")
        verbose_name_plural = _("matches")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "translation_key"], name="alerts_match_unique_opportunity"
            ),
        ]

    def __str__(self):
        return f"{self.subscriber_id} ← {self.page_id}"

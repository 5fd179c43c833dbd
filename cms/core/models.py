"""The outbox: every e-mail the product sends is an OutgoingEmail row before it is a message.

A feature writes the row in the same transaction as what calls for it (a registration, an
expression of interest, a step of a sponsorship, a request for a sync), so that a crash or a
mail server outage never loses it, and a rolled-back cause sends nothing. The row keeps its
cause (a kind and the object it is about), its recipient and language, and what the reader
will get, rendered when it was written; `cms.core.outbox` sends it with retries, at most
once (see there).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

__all__ = ["OutgoingEmail"]


class OutgoingEmail(models.Model):
    """One e-mail to one recipient, with what it says and how its sending went.

    Its status moves queued -> sending -> sent, or -> retry -> ... -> failed after the last
    attempt; "not needed any more" when, by the time it is due, its cause no longer calls
    for it (a deleted submission, a subscriber who left). A row written before its content
    can be (`composed` false: an alert that waits for translations) is rendered by its kind's
    composer when it is due, then kept as sent.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        RETRY = "retry", _("Waiting to retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        CANCELLED = "cancelled", _("Not needed any more")

    #: Statuses of a row that still has to go out.
    WAITING = (Status.QUEUED, Status.RETRY)

    # "<app>.<e-mail>", e.g. "interest.confirmation" (cms.core.outbox.register names them).
    kind = models.CharField(_("kind"), max_length=50, db_index=True)
    cause_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    cause_id = models.PositiveBigIntegerField(null=True, blank=True)
    cause = GenericForeignKey("cause_type", "cause_id")
    # What makes the e-mail unique for its cause and recipient, when it must be (an alert per
    # opportunity, a digest per week): the database refuses a second row.
    key = models.CharField(_("key"), max_length=64, blank=True)
    recipient = models.EmailField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=10)
    subject = models.TextField(_("subject"), blank=True)
    text = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    composed = models.BooleanField(_("composed"), default=True)
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
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["cause_type", "cause_id"], name="core_email_cause")]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "cause_type", "cause_id", "recipient", "key"],
                condition=~Q(key=""),
                name="core_outgoingemail_unique_key",
            ),
        ]

    def __str__(self):
        return f"{self.kind} → {self.recipient} ({self.status})"

"""Which new opportunities each subscriber was matched with, and in which e-mail they heard of
them (an outbox row, `cms.core.models.OutgoingEmail`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .subscribers import Subscriber

__all__ = ["Match", "Reminder"]


class _AboutAnOpportunity(models.Model):
    """What a subscriber was told of one opportunity (by its translation key, the same in
    every language), and the e-mail that told them."""

    page = models.ForeignKey("pages.OpportunityPage", on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField()
    email = models.ForeignKey(
        "core.OutgoingEmail",
        verbose_name=_("e-mail"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Match(_AboutAnOpportunity):
    """An opportunity, at its first publication, matched a confirmed subscriber's criteria.

    Unique per subscriber and opportunity (its translation key): a republication or a
    translation never matches again. A weekly subscriber's matches wait (no e-mail yet)
    until `send_alert_digests` gathers them into a digest.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="matches")
    matched_at = models.DateTimeField(auto_now_add=True, db_index=True)

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


class Reminder(_AboutAnOpportunity):
    """A subscriber was reminded that an opportunity matching their criteria closes within a
    week ("closing soon"). Unique per subscriber and opportunity (its translation key): the
    reminder is sent once, however often `send_deadline_reminders` runs."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="reminders")
    deadline = models.DateField(_("deadline"))
    reminded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "translation_key"],
                name="alerts_reminder_unique_opportunity",
            ),
        ]

    def __str__(self):
        return f"{self.subscriber_id} ⏰ {self.page_id}"

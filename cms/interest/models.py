"""Expressions of interest: what a visitor sends from an open opportunity's page, and what
became of it (its status, set by staff, with the history of its changes)."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

__all__ = ["STATUS_CONTEXT", "ExpressionOfInterest", "StatusChange"]

#: The translation context of the statuses: "Received" as a status (a feminine past
#: participle in French) is not the "Received" of a date column.
STATUS_CONTEXT = "expression of interest status"


class ExpressionOfInterest(models.Model):
    """An organisation's offer to support an opportunity, sent from the opportunity's page.

    The sender's IP address is never stored: only a keyed hash of it (see
    `cms.core.public_forms.ip_hash`), to spot repeated abuse without being able to tell who
    sent what.
    """

    class Support(models.TextChoices):
        FUNDING = "funding", _("Funding")
        IN_KIND = "in_kind", _("In-kind contribution")
        EXPERTISE = "expertise", _("Expertise")
        IMPLEMENTATION = "implementation", _("Partnership on implementation")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        """What became of it, as its sender reads it on the page of their signed link."""

        RECEIVED = "received", pgettext_lazy(STATUS_CONTEXT, "Received")
        UNDER_REVIEW = "under_review", pgettext_lazy(STATUS_CONTEXT, "Under review")
        IN_DISCUSSION = "in_discussion", pgettext_lazy(STATUS_CONTEXT, "In discussion")
        CLOSED = "closed", pgettext_lazy(STATUS_CONTEXT, "Closed")

    page = models.ForeignKey(
        "pages.OpportunityPage",
        verbose_name=_("opportunity"),
        # A deleted opportunity keeps its expressions of interest (with the title below).
        on_delete=models.SET_NULL,
        null=True,
        related_name="expressions_of_interest",
    )
    page_title = models.CharField(
        _("opportunity title"),
        max_length=255,
        help_text=_("The title of the page when the expression of interest was sent."),
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The language of the page it was sent from."),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    support = models.CharField(_("support offered"), max_length=20, choices=Support.choices)
    message = models.TextField(_("message"))
    consent_given_at = models.DateTimeField(_("consent given at"))
    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=20)
    ip_hash = models.CharField(_("IP address hash"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.RECEIVED,
        db_index=True,
        # Changed only through status.change_status (history and e-mail), never by a form.
        editable=False,
    )
    # The secret of the sender's signed link to its status page (links.py): random, so that
    # the link names nothing that can be guessed or counted.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Its e-mails in the outbox (they repeat what was sent): deleted with it.
    emails = GenericRelation(
        "core.OutgoingEmail", content_type_field="cause_type", object_id_field="cause_id"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        # Asked through Wagtail's permission policy (permissions.py) as the "set_status"
        # action; given to roles in roles.py.
        permissions = [
            ("set_status_expressionofinterest", _("Can set the status of expressions of interest"))
        ]

    def __str__(self):
        return f"{self.organisation} – {self.page_title}"

    @property
    def support_label(self):
        """The kind of support offered, in the reader's language (exports)."""
        return self.get_support_display()

    @property
    def status_label(self):
        """Its status, in the reader's language (exports)."""
        return self.get_status_display()

    @property
    def page_url(self):
        """The public address of the page it was sent from, if the page still exists."""
        return (self.page.get_full_url() or "") if self.page_id else ""


class StatusChange(models.Model):
    """One change of an expression of interest's status: when, from what to what, by whom.

    The sender sees the dates and statuses on their status page; who made the change is for
    staff only (the admin's record)."""

    expression = models.ForeignKey(
        ExpressionOfInterest,
        verbose_name=_("expression of interest"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )
    previous_status = models.CharField(
        _("previous status"), max_length=20, choices=ExpressionOfInterest.Status.choices
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ExpressionOfInterest.Status.choices
    )
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.expression_id}: {self.previous_status} -> {self.status}"

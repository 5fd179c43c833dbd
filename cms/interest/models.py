"""Expressions of interest: what a visitor sends from an open opportunity's page."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["ExpressionOfInterest"]


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
    # Its e-mails in the outbox (they repeat what was sent): deleted with it.
    emails = GenericRelation(
        "core.OutgoingEmail", content_type_field="cause_type", object_id_field="cause_id"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    def __str__(self):
        return f"{self.organisation} – {self.page_title}"

    @property
    def support_label(self):
        """The kind of support offered, in the reader's language (exports)."""
        return self.get_support_display()

    @property
    def page_url(self):
        """The public address of the page it was sent from, if the page still exists."""
        return (self.page.get_full_url() or "") if self.page_id else ""

"""Subscribers (registered entities) and the record of what they consented to."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from cms.snippets.models import (
    SOURCE_LOCALE,
    BeneficiaryRegion,
    Country,
    PartnerKind,
    ThematicArea,
)

__all__ = ["Consent", "Subscriber"]


class Subscriber(models.Model):
    """An organisation's contact who registered to hear of new opportunities.

    Criteria point at the vocabulary rows of the source locale (like every record), so that
    they match an opportunity in whatever language either was written in. An empty criterion
    means "everything" for it. `key` is the secret the signed links carry: changing it (never
    done in practice) would void every link already sent.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("An e-mail for each new opportunity")
        WEEKLY = "weekly", _("A weekly digest")

    organisation = models.CharField(_("organisation"), max_length=200)
    kind = models.ForeignKey(
        PartnerKind,
        verbose_name=_("kind of organisation"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    country = CountryField(_("country"))
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"), max_length=254)
    language = models.CharField(_("preferred language"), max_length=10, choices=settings.LANGUAGES)
    areas = models.ManyToManyField(
        ThematicArea,
        verbose_name=_("thematic areas"),
        blank=True,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    regions = models.ManyToManyField(
        BeneficiaryRegion,
        verbose_name=_("regions"),
        blank=True,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    # Opportunity kinds (OpportunityPage.Kind values); a list, so that SQLite and PostgreSQL
    # both hold it. Empty: every kind.
    opportunity_kinds = models.JSONField(_("opportunity kinds"), default=list, blank=True)
    # Beneficiary countries (the Country snippet, by ISO code). Empty: every country.
    countries = models.ManyToManyField(
        Country, verbose_name=_("countries"), blank=True, related_name="+"
    )
    # Words or phrases as the subscriber typed them, read in their language (matching.py).
    # Empty: no keyword asked for.
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    status = models.CharField(
        _("status"), max_length=15, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    ip_hash = models.CharField(_("IP address hash"), max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    # The e-mails written to the subscriber (the outbox rows they caused): deleted with them.
    emails = GenericRelation(
        "core.OutgoingEmail", content_type_field="cause_type", object_id_field="cause_id"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="alerts_subscriber_unique_email"),
        ]

    def __str__(self):
        return f"{self.organisation} <{self.email}>"

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED

    def criteria(self):
        """The criteria as codes, as the consent record and the data export keep them."""
        return {
            "thematic_areas": sorted(area.code for area in self.areas.all()),
            "regions": sorted(region.code for region in self.regions.all()),
            "opportunity_kinds": sorted(self.opportunity_kinds),
            "countries": sorted(str(country.code) for country in self.countries.all()),
            "keywords": list(self.keywords),
            "frequency": self.frequency,
        }


class Consent(models.Model):
    """The consent history: what a subscriber agreed to or withdrew, and when. One row at
    registration, confirmation, each change of criteria, unsubscription and subscribing again,
    so that every e-mail sent can be traced to a consent; each with the version of the privacy
    notice and a keyed hash of the client's address and user agent (`client_hash`).

    Erasure deletes the subscriber and its history, and leaves one row without a subscriber:
    the DELETED event, holding only the keyed hash of the address (`email_hash`), the time and
    the notice's version. It is the suppression entry: the address is not kept in clear, and
    a new registration of it needs a new confirmation like any other."""

    class Event(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        CONFIRMED = "confirmed", _("Confirmed")
        CHANGED = "changed", _("Changed criteria")
        RESUBSCRIBED = "resubscribed", _("Subscribed again")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
        DELETED = "deleted", _("Deleted their data")

    subscriber = models.ForeignKey(
        Subscriber,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("subscriber"),
        null=True,
        blank=True,
    )
    event = models.CharField(_("event"), max_length=15, choices=Event.choices)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)
    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=20)
    language = models.CharField(_("language"), max_length=10)
    criteria = models.JSONField(_("criteria"), default=dict)
    email_hash = models.CharField(
        _("e-mail address hash"), max_length=64, blank=True, db_index=True, editable=False
    )
    client_hash = models.CharField(
        _("address and browser hash"), max_length=64, blank=True, editable=False
    )

    class Meta:
        ordering = ["given_at", "pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.subscriber_id} {self.event} {self.given_at:%Y-%m-%d}"

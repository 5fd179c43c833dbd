"""The staff side: discounts per membership category, and applications through their steps.

Applications are records, not translatable: each keeps the language its applicant wrote in,
to which every e-mail of its steps is written, and a copy of the event's and package's English
names and of the prices at the time, so that it reads the same after a page is edited.
"""

import uuid

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.snippets.models import SOURCE_LOCALE, MembershipCategory

__all__ = ["CategoryDiscount", "SponsorshipApplication"]


class CategoryDiscount(models.Model):
    """The discount that an ITU membership category gets on sponsorship prices.

    Without a package it is the default for every package; with one, it replaces the default
    for that package (in every language). Without a category, it applies to applicants who
    have no ITU membership.
    """

    category = models.ForeignKey(
        MembershipCategory,
        verbose_name=_("ITU membership category"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leave empty for applicants with no ITU membership."),
    )
    package = models.ForeignKey(
        "sponsorship.SponsorshipPackage",
        verbose_name=_("package"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        null=True,
        blank=True,
        related_name="discounts",
        help_text=_("Leave empty for the default of every package."),
    )
    percent = models.DecimalField(
        _("discount (%)"),
        max_digits=5,
        decimal_places=2,
        help_text=_("Between 0 and 100."),
    )

    class Meta:
        verbose_name = _("membership discount")
        verbose_name_plural = _("membership discounts")
        ordering = ["package__page__title", "package__sort_order", "category__sort_order"]
        constraints = [
            # One discount per (category, package), an empty one counting as a value: an index
            # on expressions, which PostgreSQL and SQLite both enforce (SQLite has no
            # NULLS NOT DISTINCT).
            models.UniqueConstraint(
                Coalesce("category", models.Value(0)),
                Coalesce("package", models.Value(0)),
                name="sponsorship_one_discount_per_category_and_package",
                violation_error_message=_(
                    "There is already a discount for this category and this package."
                ),
            ),
            models.CheckConstraint(
                condition=models.Q(percent__gte=0, percent__lte=100),
                name="sponsorship_discount_between_0_and_100",
            ),
        ]

    def __str__(self):
        category = self.category.name if self.category_id else _("No ITU membership")
        package = self.package.name if self.package_id else _("every package")
        return f"{category} – {package}: {self.percent} %"


class SponsorshipApplication(models.Model):
    """An entity's application to sponsor an event with a package, from first contact to the
    delivery of what it paid for."""

    class Status(models.TextChoices):
        APPLIED = "applied", pgettext_lazy("sponsorship status", "Applied")
        APPROVED = "approved", pgettext_lazy("sponsorship status", "Approved")
        REJECTED = "rejected", pgettext_lazy("sponsorship status", "Rejected")
        CONFIRMED = "confirmed", pgettext_lazy("sponsorship status", "Confirmed")
        DELIVERED = "delivered", pgettext_lazy("sponsorship status", "Delivered")
        CANCELLED = "cancelled", pgettext_lazy("sponsorship status", "Cancelled")

    #: The steps that hold one of the package's slots.
    HOLDING = (Status.APPROVED, Status.CONFIRMED, Status.DELIVERED)
    #: The steps that count in the figures: the sponsor has signed.
    SPONSORING = (Status.CONFIRMED, Status.DELIVERED)

    event = models.ForeignKey(
        "sponsorship.EventPage",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="applications",
        help_text=_("The English page of the event."),
    )
    package = models.ForeignKey(
        "sponsorship.SponsorshipPackage",
        verbose_name=_("package"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="applications",
        help_text=_("The English row of the package."),
    )
    event_title = models.CharField(_("event title"), max_length=255)
    package_name = models.CharField(_("package name"), max_length=200)
    options = models.ManyToManyField(
        "sponsorship.SponsorshipOption",
        verbose_name=_("à-la-carte benefits"),
        blank=True,
        related_name="+",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The language the applicant applied in; every e-mail is written in it."),
    )
    organisation = models.CharField(_("organisation"), max_length=200)
    membership_category = models.ForeignKey(
        MembershipCategory,
        verbose_name=_("ITU membership category"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        null=True,
        blank=True,
        related_name="+",
    )
    contact_name = models.CharField(_("contact name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    message = models.TextField(_("message"), blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"))
    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=20)
    ip_hash = models.CharField(_("IP address hash"), max_length=64, blank=True, editable=False)

    list_price_usd = models.DecimalField(
        _("list price (USD)"),
        max_digits=12,
        decimal_places=2,
        help_text=_("Base price and à-la-carte benefits, before the discount."),
    )
    discount_percent = models.DecimalField(
        _("discount applied (%)"), max_digits=5, decimal_places=2
    )
    price_usd = models.DecimalField(
        _("price (USD)"),
        max_digits=12,
        decimal_places=2,
        help_text=_("Computed from the package, the benefits chosen and the category."),
    )
    agreed_amount_usd = models.DecimalField(
        _("agreed amount (USD)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    notes = models.TextField(_("internal notes"), blank=True)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.APPLIED, db_index=True
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    # Its e-mails in the outbox (they repeat the applicant's details): deleted with it.
    emails = GenericRelation(
        "core.OutgoingEmail", content_type_field="cause_type", object_id_field="cause_id"
    )

    partner = models.ForeignKey(
        "snippets.Partner",
        verbose_name=_("partner record"),
        on_delete=models.SET_NULL,
        limit_choices_to=SOURCE_LOCALE,
        null=True,
        blank=True,
        related_name="sponsorship_applications",
    )
    agreement = models.ForeignKey(
        "snippets.Agreement",
        verbose_name=_("sponsorship agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sponsorship_applications",
    )

    # What the sponsor shows on the event's pages, due once it has confirmed.
    display_name = models.CharField(_("display name"), max_length=200, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    link_url = models.URLField(_("link"), blank=True)
    # The random key of the sponsor's signed link to deliver its logo, display name and link
    # (cms/sponsorship/links.py): never the id.
    assets_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    logo_due_on = models.DateField(_("logo due on"), null=True, blank=True)
    details_due_on = models.DateField(_("display name and link due on"), null=True, blank=True)

    # A step taken despite its conditions (cms/sponsorship/workflow.py): who, when and why,
    # kept on the application as well as in Wagtail's audit log.
    override_reason = models.TextField(_("reason for overriding the conditions"), blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("conditions overridden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    overridden_at = models.DateTimeField(_("conditions overridden on"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("sponsorship application")
        verbose_name_plural = _("sponsorship applications")
        # "override" for Wagtail's permission policy (ModelPermissionPolicy reads
        # <app>.<action>_<model>): taking a step whose conditions do not hold, with a reason.
        permissions = [
            (
                "override_sponsorshipapplication",
                _("Can take a sponsorship step despite its conditions"),
            )
        ]

    def __str__(self):
        return f"{self.organisation} – {self.package_name} ({self.event_title})"

    @property
    def amount_usd(self):
        """What the sponsor pays: the agreed amount, or the computed price until agreed."""
        return self.agreed_amount_usd if self.agreed_amount_usd is not None else self.price_usd

    @property
    def discount_usd(self):
        """What the membership discount took off the list price."""
        return self.list_price_usd - self.price_usd

    @property
    def shown_name(self):
        return self.display_name or self.organisation

    def assets_not_in(self):
        """Which of the logo, display name and link are not in (labels, in the reader's
        language), whatever the status."""
        missing = []
        if not self.logo_id:
            missing.append(_("logo"))
        if not self.display_name.strip():
            missing.append(_("display name"))
        if not self.link_url:
            missing.append(_("link"))
        return missing

    @property
    def missing_assets(self):
        """What a confirmed sponsor has not delivered yet (labels, in the reader's language)."""
        if self.status not in self.SPONSORING:
            return []
        return self.assets_not_in()

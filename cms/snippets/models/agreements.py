"""The archive of partnership agreements signed between the Bureau and its partners."""

from decimal import Decimal

import pycountry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from .partners import Partner
from .vocabularies import SOURCE_LOCALE, AgreementType, BeneficiaryRegion, Country, ThematicArea

__all__ = [
    "CURRENCY_CHOICES",
    "Agreement",
    "AgreementPartner",
    "AgreementQuerySet",
    "AgreementTag",
]

CURRENCY_CHOICES = sorted(
    (
        (currency.alpha_3, f"{currency.alpha_3} – {currency.name}")
        for currency in pycountry.currencies
    ),
    key=lambda choice: choice[0],
)


class AgreementQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        """Agreements whose existence and figures may be shown to anyone."""
        return self.filter(is_confidential=False)

    def in_period(self, start, end):
        """Agreements of a period: by signature date, or by registration date when undated."""
        return self.filter(
            Q(signature_date__range=(start, end))
            | Q(signature_date__isnull=True, registered_on__range=(start, end))
        )

    def new_agreements(self):
        return self.filter(agreement_type__is_amendment=False)

    def amendments(self):
        return self.filter(agreement_type__is_amendment=True)


class AgreementTag(TaggedItemBase):
    """A free keyword on an agreement, e.g. the programme it belongs to."""

    content_object = ParentalKey(
        "snippets.Agreement", on_delete=models.CASCADE, related_name="tagged_items"
    )


class Agreement(index.Indexed, ClusterableModel):
    """A signed agreement: memorandum, cooperation or contribution agreement, addendum...

    Agreements are archive records kept in the language they were signed in; the terms they
    refer to (type, regions, areas) are shown in the visitor's language.
    """

    class Status(models.TextChoices):
        IN_PREPARATION = "in_preparation", _("In preparation")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        TERMINATED = "terminated", _("Terminated")

    reference = models.CharField(_("reference"), max_length=64, unique=True)
    title = models.CharField(_("title"), max_length=500)
    agreement_type = models.ForeignKey(
        AgreementType,
        verbose_name=_("agreement type"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    signature_date = models.DateField(
        _("signature date"), null=True, blank=True, help_text=_("Leave empty when not recorded.")
    )
    registered_on = models.DateField(
        _("registered in the archive on"),
        default=timezone.localdate,
        help_text=_("Places an undated agreement in a reporting period."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    amount = models.DecimalField(
        _("amount"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=CURRENCY_CHOICES, default="USD", blank=True
    )
    amount_usd = models.DecimalField(
        _("value in USD"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Estimated value in US dollars at the signature date."),
    )
    regions = ParentalManyToManyField(
        BeneficiaryRegion,
        verbose_name=_("beneficiary regions"),
        limit_choices_to=SOURCE_LOCALE,
        related_name="agreements",
    )
    countries = ParentalManyToManyField(
        Country, verbose_name=_("beneficiary countries"), blank=True, related_name="agreements"
    )
    primary_area = models.ForeignKey(
        ThematicArea,
        verbose_name=_("primary thematic area"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        related_name="primary_agreements",
    )
    secondary_areas = ParentalManyToManyField(
        ThematicArea,
        verbose_name=_("secondary thematic areas"),
        limit_choices_to=SOURCE_LOCALE,
        blank=True,
        related_name="secondary_agreements",
    )
    project_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("initiative or project page"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("amends agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
        help_text=_("For an addendum or amendment: the agreement it modifies."),
    )
    signed_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("signed document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Kept in the private collection of signed agreements."),
    )
    is_confidential = models.BooleanField(
        _("confidential"),
        default=False,
        help_text=_("Confidential agreements are shown to partnership officers only."),
    )
    notes = models.TextField(_("internal notes"), blank=True)
    tags = ClusterTaggableManager(through=AgreementTag, blank=True, verbose_name=_("tags"))

    objects = AgreementQuerySet.as_manager()

    search_fields = [
        index.SearchField("reference", boost=4),
        index.AutocompleteField("reference"),
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.RelatedFields(
            "partner_links",
            [
                index.RelatedFields(
                    "partner",
                    [
                        index.SearchField("name"),
                        index.SearchField("acronym"),
                    ],
                )
            ],
        ),
        index.FilterField("signature_date"),
        index.FilterField("is_confidential"),
        index.FilterField("agreement_type"),
        index.FilterField("primary_area"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["-signature_date", "reference"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        indexes = [models.Index(fields=["signature_date"]), models.Index(fields=["registered_on"])]

    def __str__(self):
        return f"{self.reference} – {self.title}"

    def clean(self):
        errors = {}
        if self.currency and not pycountry.currencies.get(alpha_3=self.currency):
            errors["currency"] = _("Enter an ISO 4217 currency code, such as USD or EUR.")
        if self.amount is not None and not self.currency:
            errors["currency"] = _("Give the currency of the amount.")
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _("The amount cannot be negative.")
        if self.amount_usd is not None and self.amount_usd < 0:
            errors["amount_usd"] = _("The value in USD cannot be negative.")
        if self.currency == "USD" and self.amount is not None and self.amount_usd is None:
            self.amount_usd = self.amount
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        if self.parent_id:
            if self.agreement_type_id and not self.agreement_type.is_amendment:
                errors["parent"] = _(
                    "Only an addendum or amendment can amend another agreement; "
                    "change its type or remove the link."
                )
            elif self.pk and self.pk in self._ancestor_ids():
                errors["parent"] = _(
                    "An agreement cannot amend itself, directly or through others."
                )
        if self.signed_document_id:
            collection = self.signed_document.collection
            if collection.name != settings.SIGNED_AGREEMENTS_COLLECTION:
                errors["signed_document"] = _(
                    "Put the signed document in the “%(collection)s” collection, "
                    "which only officers can read."
                ) % {"collection": settings.SIGNED_AGREEMENTS_COLLECTION}
        if errors:
            raise ValidationError(errors)

    def _ancestor_ids(self):
        """Ids of the agreements this one amends, up the chain (guarded against cycles)."""
        seen = []
        current = self.parent
        while current is not None and current.pk not in seen:
            seen.append(current.pk)
            current = current.parent
        return seen

    @property
    def root(self):
        """The original agreement of an amendment chain (itself when it amends nothing)."""
        node, seen = self, {self.pk}
        while node.parent_id and node.parent_id not in seen:
            node = node.parent
            seen.add(node.pk)
        return node

    def chain_value_usd(self):
        """Cumulative USD value of the original agreement and all of its addenda."""
        root = self.root
        total = root.amount_usd or Decimal("0")
        frontier, seen = [root.pk], {root.pk}
        while frontier:
            children = list(
                Agreement.objects.filter(parent_id__in=frontier)
                .exclude(pk__in=seen)
                .values_list("pk", "amount_usd")
            )
            frontier = [pk for pk, _value in children]
            seen.update(frontier)
            total += sum((value or Decimal("0") for _pk, value in children), Decimal("0"))
        return total


class AgreementPartner(Orderable):
    """A partner that signed an agreement, with its role in it."""

    class Role(models.TextChoices):
        FUNDER = "funder", _("Funder")
        IMPLEMENTER = "implementer", _("Implementing partner")
        BENEFICIARY = "beneficiary", _("Beneficiary")
        SPONSOR = "sponsor", _("Sponsor")
        OTHER = "other", _("Other party")

    agreement = ParentalKey(Agreement, on_delete=models.CASCADE, related_name="partner_links")
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        related_name="agreement_links",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.FUNDER)

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        unique_together = [("agreement", "partner")]

    def __str__(self):
        return str(self.partner)

"""Funding partners and other entities the Bureau works with."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .vocabularies import (
    SOURCE_LOCALE,
    BeneficiaryRegion,
    Country,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    PartnerKind,
    ThematicArea,
)

__all__ = [
    "Partner",
    "PartnerContact",
    "PartnerCountry",
    "PartnerFundingType",
    "PartnerQuerySet",
    "PartnerRegion",
    "PartnerThematicArea",
]

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class PartnerQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def in_source_locale(self):
        return self.filter(**SOURCE_LOCALE)

    def funding_partners(self):
        return self.filter(is_funding_partner=True)


class Partner(TranslatableMixin, index.Indexed, ClusterableModel):
    """An administration, agency, bank, foundation, company, university or NGO.

    Flagged as a funding partner, it belongs to the funding-partner database with its mandate,
    strategy and priorities. Internal notes and contacts are for staff only.
    """

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    aliases = models.TextField(
        _("other names"),
        blank=True,
        help_text=_("Other names and former names, one per line; used to match imports."),
    )
    kind = models.ForeignKey(
        PartnerKind,
        verbose_name=_("kind"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )
    headquarters_country = models.ForeignKey(
        Country,
        verbose_name=_("headquarters country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    membership_category = models.ForeignKey(
        MembershipCategory,
        verbose_name=_("ITU membership category"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        null=True,
        blank=True,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organization"),
        on_delete=models.SET_NULL,
        limit_choices_to=SOURCE_LOCALE,
        null=True,
        blank=True,
        related_name="subsidiaries",
        help_text=_("E.g. the government a ministry belongs to, or the bank an agency is part of."),
    )
    is_funding_partner = models.BooleanField(
        _("in the funding-partner database"), default=False, db_index=True
    )
    mandate = RichTextField(_("mandate"), blank=True, features=RICH_TEXT_FEATURES)
    development_strategy = RichTextField(
        _("development strategy"), blank=True, features=RICH_TEXT_FEATURES
    )
    funding_mechanism = models.ForeignKey(
        FundingMechanism,
        verbose_name=_("funding mechanism"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        null=True,
        blank=True,
        related_name="+",
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Staff only; never shown publicly.")
    )

    objects = PartnerQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("acronym"),
        SynchronizedField("aliases"),
        SynchronizedField("kind"),
        SynchronizedField("headquarters_country"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("membership_category"),
        SynchronizedField("parent"),
        SynchronizedField("is_funding_partner"),
        TranslatableField("mandate"),
        TranslatableField("development_strategy"),
        SynchronizedField("funding_mechanism"),
        # Not overridable: wagtail-localize would otherwise show the notes to translators in
        # its translation editor, as a value they may override.
        SynchronizedField("internal_notes", overridable=False),
        SynchronizedField("priority_areas"),
        SynchronizedField("beneficiary_regions"),
        SynchronizedField("beneficiary_countries"),
        SynchronizedField("funding_types"),
        SynchronizedField("contacts"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("aliases"),
        index.SearchField("mandate"),
        # Public on the profile: "FIGI" finds the foundation whose strategy funds it.
        index.SearchField("development_strategy"),
        index.FilterField("locale"),
        index.FilterField("is_funding_partner"),
        index.FilterField("kind"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        permissions = [
            ("view_partner_internal", _("Can see partners' internal notes and contacts")),
        ]

    def __str__(self):
        if self.acronym and self.acronym.lower() not in self.name.lower():
            return f"{self.name} ({self.acronym})"
        return self.name

    @property
    def alias_list(self):
        """Other names, one per line in the field, as a list."""
        return [line.strip() for line in self.aliases.splitlines() if line.strip()]


class PartnerTerm(Orderable):
    """Base of the ordered links from a partner to a vocabulary term (they follow translation)."""

    class Meta(Orderable.Meta):
        abstract = True


class PartnerThematicArea(PartnerTerm):
    """A thematic area among a funding partner's stated priorities."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="priority_areas")
    area = models.ForeignKey(
        ThematicArea,
        verbose_name=_("thematic area"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )

    class Meta(PartnerTerm.Meta):
        verbose_name = _("priority thematic area")
        verbose_name_plural = _("priority thematic areas")


class PartnerRegion(PartnerTerm):
    """A region a funding partner targets."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="beneficiary_regions")
    region = models.ForeignKey(
        BeneficiaryRegion,
        verbose_name=_("region"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )

    class Meta(PartnerTerm.Meta):
        verbose_name = _("beneficiary region")
        verbose_name_plural = _("beneficiary regions")


class PartnerCountry(PartnerTerm):
    """A country a funding partner targets."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="beneficiary_countries")
    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.CASCADE, related_name="+"
    )

    class Meta(PartnerTerm.Meta):
        verbose_name = _("beneficiary country")
        verbose_name_plural = _("beneficiary countries")


class PartnerFundingType(PartnerTerm):
    """A form of funding a partner provides."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="funding_types")
    funding_type = models.ForeignKey(
        FundingType,
        verbose_name=_("funding type"),
        on_delete=models.CASCADE,
        limit_choices_to=SOURCE_LOCALE,
        related_name="+",
    )

    class Meta(PartnerTerm.Meta):
        verbose_name = _("funding type")
        verbose_name_plural = _("funding types")


class PartnerContact(Orderable):
    """A person to talk to at a partner. Staff only: never shown publicly."""

    partner = ParentalKey(Partner, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(pgettext_lazy("person", "name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self):
        return self.name

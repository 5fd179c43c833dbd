"""Controlled vocabularies shared by partners, agreements and pages.

Every vocabulary row exists once per locale (wagtail-localize translates its name). Records
that use a vocabulary always point at the row in the source locale (English): the row stands
for the concept, and templates show `term.localized` in the visitor's language. Figures and
filters therefore never depend on the language a record was edited in.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

__all__ = [
    "SOURCE_LOCALE",
    "AgreementType",
    "BeneficiaryRegion",
    "Country",
    "FundingMechanism",
    "FundingType",
    "MembershipCategory",
    "PartnerKind",
    "SustainableDevelopmentGoal",
    "ThematicArea",
    "Vocabulary",
]

# Records refer to vocabulary rows of the source locale only (see the module docstring).
SOURCE_LOCALE = {"locale__language_code": settings.LANGUAGE_CODE}


class VocabularyQuerySet(models.QuerySet):
    def in_source_locale(self):
        return self.filter(**SOURCE_LOCALE)


class Vocabulary(TranslatableMixin, index.Indexed, models.Model):
    """A term of a controlled list, with a stable code and a name in each language."""

    code = models.SlugField(
        _("code"), max_length=32, help_text=_("Stable identifier, the same in every language.")
    )
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = VocabularyQuerySet.as_manager()

    translatable_fields = [
        SynchronizedField("code"),
        TranslatableField("name"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("code"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    def __str__(self):
        return self.label_with(self.name)

    def label_with(self, name):
        """How the term is labelled in lists and choices, given its name in a language (the
        admin passes the name in the staff member's language, see `cms.snippets.views.terms`)."""
        return name


class BeneficiaryRegion(Vocabulary):
    """An ITU-D region that benefits from an agreement (AFR, AMS, ARB, ASP, CIS, EUR, GLO)."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("beneficiary region")
        verbose_name_plural = _("beneficiary regions")

    def label_with(self, name):
        return f"{self.code.upper()} – {name}"


class ThematicArea(Vocabulary):
    """A thematic (action) area of the Bureau, e.g. Cybersecurity or Capacity Building."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("thematic area")
        verbose_name_plural = _("thematic areas")


class PartnerKind(Vocabulary):
    """What kind of entity a partner is: government, UN agency, foundation, company..."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("partner kind")
        verbose_name_plural = _("partner kinds")


class MembershipCategory(Vocabulary):
    """A partner's ITU membership category; it drives sponsorship discounts."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("ITU membership category")
        verbose_name_plural = _("ITU membership categories")


class FundingType(Vocabulary):
    """A form of funding a partner provides: grants, loans, in-kind, secondments..."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("funding type")
        verbose_name_plural = _("funding types")


class FundingMechanism(Vocabulary):
    """The channel through which a partner funds work: trust fund, direct contribution..."""

    class Meta(Vocabulary.Meta):
        verbose_name = _("funding mechanism")
        verbose_name_plural = _("funding mechanisms")


class AgreementType(Vocabulary):
    """A kind of agreement in the archive; addenda and amendments modify an earlier one."""

    is_amendment = models.BooleanField(
        _("amends an earlier agreement"),
        default=False,
        help_text=_("Addenda and amendments are counted apart from new agreements."),
    )

    translatable_fields = [*Vocabulary.translatable_fields, SynchronizedField("is_amendment")]

    class Meta(Vocabulary.Meta):
        verbose_name = _("agreement type")
        verbose_name_plural = _("agreement types")


class SustainableDevelopmentGoal(Vocabulary):
    """One of the 17 UN Sustainable Development Goals."""

    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1), MaxValueValidator(17)]
    )

    translatable_fields = [*Vocabulary.translatable_fields, SynchronizedField("number")]

    class Meta(Vocabulary.Meta):
        ordering = ["number"]
        verbose_name = _("sustainable development goal")
        verbose_name_plural = _("sustainable development goals")

    def label_with(self, name):
        return _("Goal %(number)s: %(name)s") % {"number": self.number, "name": name}


class Country(index.Indexed, models.Model):
    """A country by its ISO 3166 code, with the ITU-D region it belongs to.

    Its name in each language comes from django-countries, never from this table: the UN's
    short name in the six UN languages (see `cms.snippets.country_names`).
    """

    code = CountryField(_("country"), unique=True)
    region = models.ForeignKey(
        BeneficiaryRegion,
        verbose_name=_("ITU-D region"),
        on_delete=models.PROTECT,
        limit_choices_to=SOURCE_LOCALE,
        related_name="countries",
        null=True,
        blank=True,
    )

    search_fields = [index.SearchField("code"), index.FilterField("region")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return str(self.code.name)

    @property
    def name(self):
        """The country's name in the active language."""
        return self.code.name

"""Factories of the controlled vocabularies and of countries, in the source locale."""

import factory
from django.conf import settings
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from ..models import (
    AgreementType,
    BeneficiaryRegion,
    Country,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    PartnerKind,
    SustainableDevelopmentGoal,
    ThematicArea,
)

__all__ = [
    "AgreementTypeFactory",
    "BeneficiaryRegionFactory",
    "CountryFactory",
    "FundingMechanismFactory",
    "FundingTypeFactory",
    "MembershipCategoryFactory",
    "PartnerKindFactory",
    "SustainableDevelopmentGoalFactory",
    "ThematicAreaFactory",
    "VocabularyFactory",
    "source_locale",
]


def source_locale():
    """The locale records are written in and vocabulary references point at (English)."""
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


class VocabularyFactory(DjangoModelFactory):
    """A term of a controlled list in the source locale; an existing code is reused."""

    class Meta:
        abstract = True
        django_get_or_create = ("code", "locale")

    locale = factory.LazyFunction(source_locale)
    code = factory.Sequence(lambda n: f"term-{n}")
    name = factory.LazyAttribute(lambda term: term.code.replace("-", " ").capitalize())
    sort_order = 0


class BeneficiaryRegionFactory(VocabularyFactory):
    """An ITU-D region; by default the next of AFR, AMS, ARB, ASP, CIS, EUR, GLO."""

    class Meta:
        model = BeneficiaryRegion

    code = factory.Iterator(["afr", "ams", "arb", "asp", "cis", "eur", "glo"])


class ThematicAreaFactory(VocabularyFactory):
    """A thematic (action) area."""

    class Meta:
        model = ThematicArea

    code = factory.Sequence(lambda n: f"area-{n}")


class PartnerKindFactory(VocabularyFactory):
    """A kind of partner, by default government/administration."""

    class Meta:
        model = PartnerKind

    code = "government"
    name = "Government / administration"


class MembershipCategoryFactory(VocabularyFactory):
    """An ITU membership category, by default Member State."""

    class Meta:
        model = MembershipCategory

    code = "member-state"
    name = "Member State"


class FundingTypeFactory(VocabularyFactory):
    """A form of funding, by default a grant."""

    class Meta:
        model = FundingType

    code = "grant"
    name = "Grant / financial contribution"


class FundingMechanismFactory(VocabularyFactory):
    """A funding mechanism, by default a voluntary contribution."""

    class Meta:
        model = FundingMechanism

    code = "voluntary-contribution"
    name = "Voluntary contribution"


class AgreementTypeFactory(VocabularyFactory):
    """A kind of agreement; `AgreementTypeFactory(amendment=True)` gives the addendum type."""

    class Meta:
        model = AgreementType

    class Params:
        amendment = factory.Trait(code="addendum", name="Addendum", is_amendment=True)

    code = "mou"
    name = "Memorandum of understanding"
    is_amendment = False


class SustainableDevelopmentGoalFactory(VocabularyFactory):
    """One of the 17 Sustainable Development Goals."""

    class Meta:
        model = SustainableDevelopmentGoal

    number = factory.Sequence(lambda n: n % 17 + 1)
    code = factory.LazyAttribute(lambda goal: f"sdg-{goal.number}")
    name = factory.LazyAttribute(lambda goal: f"Goal {goal.number}")


class CountryFactory(DjangoModelFactory):
    """A country by ISO code; an existing row is reused."""

    class Meta:
        model = Country
        django_get_or_create = ("code",)

    code = factory.Iterator(["KE", "SN", "BR", "EG", "IN", "RU", "FR"])
    region = None

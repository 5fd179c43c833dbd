"""Factories of agreements, of the partners' part in them, and of recognitions."""

import datetime
from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from ..models import Agreement, AgreementPartner, Recognition
from .partners import PartnerFactory
from .vocabularies import AgreementTypeFactory, ThematicAreaFactory, source_locale

__all__ = [
    "AgreementFactory",
    "AgreementPartnerFactory",
    "RecognitionFactory",
]


class AgreementFactory(DjangoModelFactory):
    """An agreement of the archive, signed in 2015 unless told otherwise."""

    class Meta:
        model = Agreement
        skip_postgeneration_save = True

    reference = factory.Sequence(lambda n: f"TEST-{n:05d}")
    title = factory.Sequence(lambda n: f"Cooperation on ICT development {n}")
    agreement_type = factory.SubFactory(AgreementTypeFactory)
    signature_date = datetime.date(2015, 6, 15)
    registered_on = factory.LazyAttribute(lambda a: a.signature_date or datetime.date(2015, 6, 30))
    primary_area = factory.SubFactory(ThematicAreaFactory)
    amount = Decimal("100000.00")
    currency = "USD"
    amount_usd = factory.LazyAttribute(lambda a: a.amount if a.currency == "USD" else None)

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if extracted is not None:
            self.regions.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if extracted is not None:
            self.countries.set(extracted)

    @factory.post_generation
    def secondary_areas(self, create, extracted, **kwargs):
        if extracted is not None:
            self.secondary_areas.set(extracted)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        # Each item is a partner, or a (partner, role) pair.
        if extracted is not None:
            links = []
            for item in extracted:
                partner, role = item if isinstance(item, tuple) else (item, "funder")
                links.append(AgreementPartner(partner=partner, role=role))
            self.partner_links = links

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted is not None:
            self.tags.set(extracted)

    @factory.post_generation
    def commit_relations(self, create, extracted, **kwargs):
        if create:
            self.save()


class AgreementPartnerFactory(DjangoModelFactory):
    """A partner's part in an agreement, by default as funder."""

    class Meta:
        model = AgreementPartner

    agreement = factory.SubFactory(AgreementFactory)
    partner = factory.SubFactory(PartnerFactory)
    role = AgreementPartner.Role.FUNDER


class RecognitionFactory(DjangoModelFactory):
    """An award given to a partner, in the source locale."""

    class Meta:
        model = Recognition

    locale = factory.LazyFunction(source_locale)
    partner = factory.SubFactory(PartnerFactory)
    award_title = "ITU-D 25th Anniversary Partner Award"
    occasion = "25th anniversary of ITU-D, WTDC-17"
    year = 2017
    citation = "<p>For its partnership with ITU-D.</p>"

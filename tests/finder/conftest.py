"""Constructed data for the partner-finder tests: a few areas, regions and countries, and
partners whose agreements differ in one respect at a time (age, value, area, place, role,
confidentiality), so that each ranking rule shows on its own."""

import datetime
from decimal import Decimal

import pytest

from cms.snippets.factories import (
    AgreementFactory,
    AgreementTypeFactory,
    BeneficiaryRegionFactory,
    CountryFactory,
    FundingTypeFactory,
    PartnerFactory,
    PartnerKindFactory,
    ThematicAreaFactory,
)

#: Ages are counted from this day in the tests that pass it (see rank_partners).
REFERENCE_DATE = datetime.date(2018, 1, 1)
RECENT = datetime.date(2017, 6, 1)
OLD = datetime.date(1998, 6, 1)


@pytest.fixture
def vocab(db):
    return make_vocab()


@pytest.fixture
def archive(vocab):
    return make_archive(vocab)


def make_vocab():
    """English vocabulary rows and countries (Kenya in Africa, France in Europe)."""
    afr = BeneficiaryRegionFactory(code="afr", name="Africa")
    eur = BeneficiaryRegionFactory(code="eur", name="Europe")
    return {
        "cyber": ThematicAreaFactory(code="cybersecurity", name="Cybersecurity"),
        "infra": ThematicAreaFactory(code="infrastructure", name="Infrastructure"),
        "skills": ThematicAreaFactory(code="capacity-building", name="Capacity Building"),
        "afr": afr,
        "eur": eur,
        "ke": CountryFactory(code="KE", region=afr),
        "fr": CountryFactory(code="FR", region=eur),
        "grant": FundingTypeFactory(code="grant", name="Grant"),
        "loan": FundingTypeFactory(code="loan", name="Loan"),
        "government": PartnerKindFactory(code="government", name="Government"),
        "foundation": PartnerKindFactory(code="foundation", name="Foundation"),
        "mou": AgreementTypeFactory(),
        "addendum": AgreementTypeFactory(amendment=True),
    }


def agreement(
    vocab,
    partner,
    *,
    reference,
    area="cyber",
    regions=("afr",),
    day=RECENT,
    usd="5000000",
    role="funder",
    **fields,
):
    """An agreement of `partner` (by default recent, large, in Cybersecurity and Africa)."""
    fields.setdefault("agreement_type", vocab["mou"])
    fields.setdefault("registered_on", day or datetime.date(2016, 1, 1))
    return AgreementFactory(
        reference=reference,
        primary_area=vocab[area],
        regions=[vocab[code] for code in regions],
        signature_date=day,
        amount=Decimal(usd) if usd is not None else None,
        amount_usd=Decimal(usd) if usd is not None else None,
        partners=[(partner, role)],
        **fields,
    )


def make_archive(vocab):
    """Partners that differ in one respect at a time; their agreements by reference."""
    partners = {
        "best": PartnerFactory(name="Recent Large Partner", kind=vocab["government"]),
        "old": PartnerFactory(name="Old Partner", kind=vocab["government"]),
        "small": PartnerFactory(name="Small Partner", kind=vocab["foundation"]),
        "unrelated": PartnerFactory(name="Unrelated Partner", kind=vocab["government"]),
        "mixed": PartnerFactory(name="Mixed Partner", kind=vocab["foundation"]),
    }
    agreement(vocab, partners["best"], reference="BEST-1")
    agreement(vocab, partners["best"], reference="BEST-2", day=datetime.date(2016, 3, 1))
    agreement(vocab, partners["old"], reference="OLD-1", day=OLD)
    agreement(vocab, partners["small"], reference="SMALL-1", usd="20000")
    agreement(vocab, partners["unrelated"], reference="UNREL-1", area="infra", regions=("eur",))
    agreement(vocab, partners["mixed"], reference="MIXED-IN", usd="300000")
    agreement(vocab, partners["mixed"], reference="MIXED-OUT", area="infra", regions=("eur",))
    return partners


@pytest.fixture
def prolific(vocab):
    """A partner with REASONS_LIMIT + 3 agreements in Cybersecurity and Africa, each a year
    older than the one before (so each earns fewer points): PROLIFIC-00 is the best."""
    from cms.finder.weights import REASONS_LIMIT

    partner = PartnerFactory(name="Prolific Partner", kind=vocab["government"])
    for index in range(REASONS_LIMIT + 3):
        agreement(
            vocab,
            partner,
            reference=f"PROLIFIC-{index:02d}",
            day=datetime.date(2017 - index, 6, 1),
        )
    return partner

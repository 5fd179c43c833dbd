"""An archive around one public agreement, for the tests of agreement pages, their links,
the sitemaps and the API: a Korean-won contribution with two partners (one translated into
French), countries, areas, an amendment chain with public and confidential links, and a
linked opportunity; beside it confidential agreements that must never show."""

import datetime
from decimal import Decimal

import pytest

from cms.snippets.factories import AgreementTypeFactory, CountryFactory
from cms.snippets.models import Agreement
from tests.api.opportunities import make_index, make_opportunity
from tests.module_records import from_records
from tests.pages.directory import data
from tests.pages.directory.fixtures import make_site_with_australia

__all__ = [
    "add_countries",
    "australia",
    "built_once",
    "korea",
    "main",
    "make_agreement_site",
    "opportunity",
    "vocab",
]

REFERENCE = "KOR-2016-0042"
CONFIDENTIAL = "CONF-SECRET-0099"


def add_countries(agreement, *countries):
    """Beneficiary countries of an agreement, through its link table (modelcluster sorts the
    countries of a cluster by code, and django-countries' codes do not compare)."""
    through = Agreement.countries.through
    through.objects.bulk_create(
        through(agreement_id=agreement.pk, country_id=country.pk) for country in countries
    )


def make_agreement_site():
    """The directory's site with Australia, and the agreements the tests look at, by name."""
    site = make_site_with_australia()
    vocab, homes, australia = site["vocab"], site["homes"], site["australia"]
    korea = data.make_partner(vocab, "Government of the Republic of Korea", regions=["asp"])
    data.translate_snippet(korea, "fr", name="Gouvernement de la République de Corée")
    amendment_type = AgreementTypeFactory(code="amendment", name="Amendment", is_amendment=True)
    data.translate_snippet(amendment_type, "fr", name="Avenant")
    data.translate_snippet(amendment_type, "ar", name="تعديل")
    data.translate_snippet(vocab.mou, "ar", name="مذكرة تفاهم")
    countries = {code: CountryFactory(code=code) for code in ("KR", "VN")}
    index = make_index(homes["en"])
    opportunity = make_opportunity(index, vocab, "Smart villages in Viet Nam")
    main = data.add_public_agreement(
        korea,
        vocab,
        42,
        reference=REFERENCE,
        title="Digital villages in Asia-Pacific",
        partners=[korea, australia],
        regions=[vocab.regions["asp"], vocab.regions["afr"]],
        primary_area=vocab.areas["cybersecurity"],
        secondary_areas=[vocab.areas["infrastructure"]],
        amount=Decimal("249000000.00"),
        currency="KRW",
        amount_usd=Decimal("214389.00"),
        signature_date=datetime.date(2016, 5, 3),
        start_date=datetime.date(2016, 6, 1),
        end_date=datetime.date(2018, 12, 31),
        project_page=opportunity,
    )
    add_countries(main, vocab.countries["FJ"], countries["VN"])
    confidential_parent = data.add_public_agreement(
        korea, vocab, 7, reference=CONFIDENTIAL, title="Secret trust fund", is_confidential=True
    )
    main.parent = confidential_parent
    main.save()
    public_amendment = data.add_public_agreement(
        korea,
        vocab,
        43,
        reference="KOR-2017-0043",
        title="First addendum to digital villages",
        agreement_type=amendment_type,
        parent=main,
        signature_date=datetime.date(2017, 2, 1),
        amount=Decimal("50000.00"),
        currency="USD",
        amount_usd=Decimal("50000.00"),
    )
    secret_amendment = data.add_public_agreement(
        korea,
        vocab,
        44,
        reference="CONF-ADD-0044",
        title="Hidden addendum",
        agreement_type=amendment_type,
        parent=main,
        is_confidential=True,
    )
    site.update(
        korea=korea,
        countries=countries,
        opportunity=opportunity,
        main=main,
        confidential_parent=confidential_parent,
        public_amendment=public_amendment,
        secret_amendment=secret_amendment,
    )
    return site


@pytest.fixture(scope="module")
def built_once():
    return make_agreement_site


# The records the tests read, by name (tests/module_records.py).
vocab = from_records("vocab")
main = from_records("main")
korea = from_records("korea")
australia = from_records("australia")
opportunity = from_records("opportunity")

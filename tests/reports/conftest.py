"""A small archive, the statistics page in English, French and Arabic, and users by role."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache

from cms.reports.models import StatisticsPage
from cms.snippets.factories import AgreementFactory, AgreementTypeFactory
from tests.pages.directory import data


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail caches the site's root paths, which outlive each test's rolled-back data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def vocab(db):
    return data.make_vocabularies()


@pytest.fixture
def addendum(vocab):
    return make_addendum()


@pytest.fixture
def statistics_pages(home_page):
    return make_statistics_pages(home_page)


@pytest.fixture
def archive(vocab, addendum):
    return make_archive(vocab, addendum)


def make_addendum():
    return AgreementTypeFactory(code="addendum", name="Addendum", amendment=True, sort_order=5)


def make_statistics_pages(home_page):
    """The statistics page in English, French and Arabic: /<language>/statistics/."""
    english = StatisticsPage(title="Statistics", slug="statistics")
    home_page.add_child(instance=english)
    english.save_revision().publish()
    pages = {"en": english}
    for code, title in (("fr", "Statistiques"), ("ar", "إحصاءات")):
        data.translate_page(home_page, code, title=f"Home [{code}]")
        pages[code] = data.translate_page(english, code, title=title)
    return pages


def make_archive(vocab, addendum):
    """Agreements of 2015-2016: a Government and a Foundation as partners, one confidential
    agreement in 2016 and one undated agreement registered in 2016."""
    government = data.make_partner(vocab, "Government of Kenya", kind="government")
    foundation = data.make_partner(vocab, "Gates Foundation", kind="foundation")
    regions, areas = vocab.regions, vocab.areas
    agreements = {
        "first": AgreementFactory(
            reference="A-2015-1",
            title="Connect schools",
            agreement_type=vocab.mou,
            signature_date=datetime.date(2015, 3, 1),
            regions=[regions["afr"]],
            primary_area=areas["capacity-building"],
            amount=Decimal("1000000.00"),
            partners=[government],
        ),
        "second": AgreementFactory(
            reference="A-2015-2",
            title="Cyber drills",
            agreement_type=vocab.mou,
            signature_date=datetime.date(2015, 9, 1),
            regions=[regions["afr"], regions["eur"]],
            primary_area=areas["cybersecurity"],
            amount=Decimal("500000.50"),
            partners=[government, foundation],
        ),
        "addendum": AgreementFactory(
            reference="A-2016-1",
            title="Cyber drills, second phase",
            agreement_type=addendum,
            signature_date=datetime.date(2016, 2, 1),
            regions=[regions["eur"]],
            primary_area=areas["cybersecurity"],
            amount=Decimal("250000.00"),
            partners=[foundation],
        ),
        "secret": AgreementFactory(
            reference="A-2016-SECRET",
            title="Undisclosed support",
            agreement_type=vocab.mou,
            signature_date=datetime.date(2016, 5, 1),
            regions=[regions["asp"]],
            primary_area=areas["infrastructure"],
            amount=Decimal("777777.00"),
            is_confidential=True,
            partners=[foundation],
        ),
        "undated": AgreementFactory(
            reference="A-OLD-1",
            title="Legacy record",
            agreement_type=vocab.mou,
            signature_date=None,
            registered_on=datetime.date(2016, 7, 1),
            regions=[regions["asp"]],
            primary_area=areas["capacity-building"],
            amount=None,
            amount_usd=None,
            partners=[government],
        ),
    }
    return agreements

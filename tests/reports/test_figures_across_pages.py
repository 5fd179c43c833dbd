"""The same figure is written the same way on every page of a language: the home page's key
figures, the statistics page, the list of agreements and the sponsorship event page, in
English, French, Arabic and Chinese (cms.core.formats)."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Site

from cms.core.formats import format_date, format_money, format_number, format_percent
from cms.reports.models import StatisticsPage
from cms.snippets.factories import AgreementFactory
from tests.pages.directory import data
from tests.rollback import refetched, rolled_back
from tests.sponsorship.records import (
    make_archive_terms,
    make_categories,
    make_discounts,
    make_event,
)
from tests.sponsorship.records import publish as publish_page

LANGUAGES = ("en", "fr", "ar", "zh-hans")
NBSP, NNBSP, RLM = "\u00a0", "\u202f", "\u200f"

# What each language writes: the value of the period's agreements in millions, the largest
# agreement's amount, its signature date, and the same amount as a number in a "USD" column.
EXPECTED = {
    "en": (f"USD{NBSP}9.5 million", f"USD{NBSP}8,000,000", "1 May 2014", "8,000,000"),
    "fr": (
        f"9,5 millions{NBSP}USD",
        f"8{NNBSP}000{NNBSP}000{NBSP}USD",
        "1 mai 2014",
        f"8{NNBSP}000{NNBSP}000",
    ),
    "ar": (
        f"{RLM}9.5 مليون{NBSP}USD",
        f"{RLM}8,000,000{NBSP}USD",
        "1 أيار/مايو 2014",
        "8,000,000",
    ),
    "zh-hans": (f"USD{NBSP}945万", f"USD{NBSP}8,000,000", "2014年5月1日", "8,000,000"),
}


def make_site():
    """Two agreements of 2014-2017 (USD 9,450,475 in all), the statistics page and a
    sponsorship event, in the four languages."""
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    vocab = data.make_vocabularies()
    partner = data.make_partner(vocab, "Government of Kenya")
    for reference, signed, amount in (
        ("FIG-1", datetime.date(2014, 5, 1), "8000000"),
        ("FIG-2", datetime.date(2015, 3, 1), "1450475"),
    ):
        AgreementFactory(
            reference=reference,
            agreement_type=vocab.mou,
            signature_date=signed,
            regions=[vocab.regions["afr"]],
            primary_area=vocab.areas["cybersecurity"],
            amount=Decimal(amount),
            partners=[partner],
        )
    statistics = StatisticsPage(title="Statistics", slug="statistics")
    home_page.add_child(instance=statistics)
    statistics.save_revision().publish()
    make_archive_terms()
    categories = make_categories()
    event = make_event(home_page)
    make_discounts(categories, event)
    for language in LANGUAGES[1:]:
        data.translate_page(home_page, language, title=f"Home [{language}]")
        data.translate_page(statistics, language, title=f"Statistics [{language}]")
        locale = Locale.objects.get(language_code=language)
        publish_page(event.copy_for_translation(locale, copy_parents=True))
    return event


# Built once for the module (the four languages' tests only read it), each test in a savepoint
# of its own with a fresh copy of the event.
@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, make_site)


@pytest.fixture
def site(db, built_site):
    return refetched(built_site)


def text_of(client, url, selector=None):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    found = soup.select_one(selector) if selector else soup.find("main") or soup
    assert found is not None, (url, selector)
    return found.get_text(" ", strip=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_one_figure_written_one_way_on_every_page(client, site, language):
    millions, amount, signed, number = EXPECTED[language]
    assert format_money(8000000, language=language) == amount
    assert format_date(datetime.date(2014, 5, 1), language=language) == signed

    home = text_of(client, f"/{language}/", ".key-figures")
    statistics = text_of(client, f"/{language}/statistics/?start=2014&end=2017")
    summary = text_of(client, f"/{language}/statistics/?start=2014&end=2017", ".statistics-summary")
    listing = text_of(client, f"/{language}/statistics/agreements/?start=2014&end=2017")
    event = text_of(client, f"/{language}/sponsorship/gsr-test/")

    # The value of the period: the same words on the home page and the statistics page.
    assert millions in home
    assert millions in summary
    assert format_number(2, language=language) in home
    # The largest agreement: its amount and signature date in the list, its amount as a
    # number in the statistics table of values per year.
    assert amount in listing
    assert signed in listing
    assert number in statistics
    # The period's dates are written out too.
    first, last = datetime.date(2014, 1, 1), datetime.date(2017, 12, 31)
    for page in (summary, listing):
        assert format_date(first, language=language) in page
        assert format_date(last, language=language) in page
    # The event page: its dates, package prices, discount and à-la-carte benefit.
    start = site.start_date
    assert format_date(start, language=language) in event
    assert format_number(50000, 0, language=language) in event
    assert format_percent(Decimal("12.5"), language=language) in event
    assert format_money(5000, language=language) in event

    # Never the ungrouped or all-digit forms seen before.
    for page in (home, statistics, listing, event):
        for wrong in ("8000000", "9450475", "01/05/2014", "5/1/2014"):
            assert wrong not in page, (language, wrong)

"""The opportunity index in pages, and its queries, on an index of their own: the rows these
tests add would be counted with the catalogue that test_opportunity_index.py shares between
its tests."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Site

from cms.pages.context.opportunity import PER_PAGE
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from tests.module_records import built_records, from_records, records  # noqa: F401

from .opportunity_data import make_vocabularies
from .test_opportunity_index import get, published, titles

pytestmark = pytest.mark.django_db


def make_index_in_pages():
    """The opportunity tests' terms, an English opportunity index and, in it, PER_PAGE + 3
    open projects in Africa, the first one the newest."""
    vocabularies = make_vocabularies(
        {locale.language_code: locale for locale in Locale.objects.all()}
    )
    index = OpportunityIndexPageFactory(
        parent=Site.objects.get(is_default_site=True).root_page.specific
    )
    many = [
        OpportunityPageFactory(
            parent=index,
            title=f"Project {number:02d}",
            regions=[vocabularies.regions["afr"]],
            first_published_at=published(number),
        )
        for number in range(PER_PAGE + 3)
    ]
    return {"vocabularies": vocabularies, "index": index, "many": many}


@pytest.fixture(scope="module")
def built_once():
    """Built once for the module: the tests of pages only read them; the test of queries
    builds two indexes of its own beside them."""
    return make_index_in_pages


vocabularies = from_records("vocabularies")
index = from_records("index")
many = from_records("many")


def test_results_come_in_pages_with_shareable_links(client, index, many):
    soup = get(client, index, "?region=afr&sort=title")

    assert len(titles(soup)) == PER_PAGE
    nav = soup.select_one("nav.pagination")
    assert nav is not None
    next_href = nav.select_one('a[rel="next"]')["href"]
    assert next_href == index.url + "?region=afr&sort=title&page=2"
    current = nav.select_one('a[aria-current="page"]')
    assert current.get_text(strip=True).endswith("1")

    second = get(client, index, next_href.removeprefix(index.url))
    assert titles(second) == [f"Project {number:02d}" for number in range(PER_PAGE, PER_PAGE + 3)]
    previous = second.select_one('nav.pagination a[rel="prev"]')["href"]
    assert previous == index.url + "?region=afr&sort=title"


def test_filtering_starts_again_from_the_first_page(client, index, many):
    soup = get(client, index, "?page=2")

    # The form carries the filters and sort order, never the page number.
    form = soup.select_one("form#opportunity-filters")
    assert form["method"] == "get"
    assert form["action"] == index.url
    assert form.select_one('[name="page"]') is None
    assert soup.select_one('select[name="sort"]')["form"] == "opportunity-filters"


def test_a_huge_page_number_shows_the_last_page(client, index, many):
    soup = get(client, index, "?page=99999999999999999999")

    assert titles(soup) == [f"Project {number:02d}" for number in range(PER_PAGE, PER_PAGE + 3)]


# --- Queries -----------------------------------------------------------------------------


def _queries_for(client, url):
    client.get(url)  # warm: site root paths, content types
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _fill(index, vocabularies, count):
    areas = list(vocabularies.areas.values())
    regions = list(vocabularies.regions.values())
    countries = list(vocabularies.countries.values())
    goals = list(vocabularies.goals.values())
    for number in range(count):
        OpportunityPageFactory(
            parent=index,
            thematic_areas=[areas[number % 3], areas[(number + 1) % 3]],
            regions=[regions[number % 3]],
            countries=[countries[number % 3]],
            sdgs=[goals[number % 2]],
            first_published_at=published(number),
        )


def test_queries_do_not_grow_with_the_number_of_opportunities(
    client, home_page, vocabularies, translated_home, translate
):
    small = OpportunityIndexPageFactory(parent=home_page, slug="small")
    large = OpportunityIndexPageFactory(parent=home_page, slug="large")
    _fill(small, vocabularies, 3)
    _fill(large, vocabularies, 13)  # a full page of 12 and a second page
    small_fr = translate(small, "fr", slug="petit")
    large_fr = translate(large, "fr", slug="grand")
    for page in [*small.get_children().specific(), *large.get_children().specific()]:
        translate(page, "fr")

    for query in ["", "?area=cybersecurity&region=afr&region=asp&budget=1m-5m&sort=gap"]:
        assert _queries_for(client, small.url + query) == _queries_for(client, large.url + query)
        assert _queries_for(client, small_fr.url + query) == _queries_for(
            client, large_fr.url + query
        )

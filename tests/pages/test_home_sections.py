"""The home page leads a visitor to open opportunities, the partner directory, the figures
and "how to partner", in the page's language, and leaves out what does not exist."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.pages.context.home import HOME_OPPORTUNITIES
from cms.pages.factories import StandardPageFactory
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pages.models import OpportunityPage, PartnerDirectoryPage
from cms.reports.home_figures import key_figures
from cms.snippets.factories import AgreementFactory, AgreementTypeFactory, PartnerFactory

from .html import parse
from .opportunity_data import make_vocabularies

pytestmark = pytest.mark.django_db


def published(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


@pytest.fixture
def index(home_page):
    return OpportunityIndexPageFactory(parent=home_page)


def home_titles(soup):
    section = soup.select_one('section[aria-labelledby="home-opportunities-heading"]')
    if section is None:
        return None
    return [link.get_text(strip=True) for link in section.select(".opportunity-card__title a")]


def test_open_opportunities_featured_first_then_newest(client, home_page, index):
    OpportunityPageFactory(
        parent=index, title="Old featured", featured=True, first_published_at=published(90)
    )
    OpportunityPageFactory(parent=index, title="Newest", first_published_at=published(1))
    OpportunityPageFactory(parent=index, title="Older", first_published_at=published(10))
    OpportunityPageFactory(parent=index, title="Funded", status=OpportunityPage.Status.FUNDED)
    OpportunityPageFactory(parent=index, title="Draft", live=False)
    private = OpportunityPageFactory(parent=index, title="Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    soup = parse(client.get(home_page.url))

    assert home_titles(soup) == ["Old featured", "Newest", "Older"]
    more = soup.select_one(".home-section__more")
    assert more["href"] == index.url


def test_home_shows_a_limited_number_of_opportunities(client, home_page, index):
    for number in range(HOME_OPPORTUNITIES + 2):
        OpportunityPageFactory(parent=index, first_published_at=published(number))

    assert len(home_titles(parse(client.get(home_page.url)))) == HOME_OPPORTUNITIES


def test_french_home_shows_french_opportunities(
    client, home_page, index, translated_home, translate
):
    english = OpportunityPageFactory(parent=index, title="Connected schools")
    translate(index, "fr", slug="opportunites")
    french = translate(english, "fr", title="Écoles connectées")
    OpportunityPageFactory(parent=index, title="Not translated")

    soup = parse(client.get(translated_home["fr"].url))

    assert home_titles(soup) == ["Écoles connectées"]
    link = soup.select_one(".opportunity-card__title a")
    assert link["href"] == french.url


def test_no_opportunity_section_without_index_or_opportunities(client, home_page):
    assert home_titles(parse(client.get(home_page.url))) is None


def test_an_index_without_open_opportunities_says_so(client, home_page, index):
    OpportunityPageFactory(parent=index, status=OpportunityPage.Status.CLOSED)

    soup = parse(client.get(home_page.url))

    assert home_titles(soup) == []
    assert soup.select_one(".home-section__more")["href"] == index.url


def _partner_links(soup):
    return {link["href"] for link in soup.select(".home-link__title a")}


def test_links_to_directory_and_how_to_partner(client, home_page):
    directory = PartnerDirectoryPage(title="Our partners", slug="partners")
    home_page.add_child(instance=directory)
    how_to = StandardPageFactory(parent=home_page, title="How to partner", slug="how-to-partner")
    StandardPageFactory(parent=home_page, title="About us", slug="about")

    soup = parse(client.get(home_page.url))

    assert _partner_links(soup) == {directory.url, how_to.url}
    titles = [link.get_text(strip=True) for link in soup.select(".home-link__title a")]
    assert titles == ["How to partner", "Our partners"]


def test_no_partner_section_when_neither_page_exists(client, home_page):
    StandardPageFactory(parent=home_page, title="About us", slug="about")

    soup = parse(client.get(home_page.url))

    assert soup.select_one('section[aria-labelledby="home-partner-heading"]') is None


def test_draft_directory_is_not_linked(client, home_page):
    directory = PartnerDirectoryPage(title="Our partners", slug="partners", live=False)
    home_page.add_child(instance=directory)
    how_to = StandardPageFactory(parent=home_page, title="How to partner", slug="how-to-partner")

    assert _partner_links(parse(client.get(home_page.url))) == {how_to.url}


def test_french_how_to_partner_is_found_by_translation(
    client, home_page, translated_home, translate
):
    how_to = StandardPageFactory(parent=home_page, title="How to partner", slug="how-to-partner")
    french = translate(how_to, "fr", title="Comment devenir partenaire", slug="devenir-partenaire")

    soup = parse(client.get(translated_home["fr"].url))

    assert _partner_links(soup) == {french.url}
    assert soup.select_one(".home-link__title a").get_text(strip=True) == (
        "Comment devenir partenaire"
    )


# --- Figures -----------------------------------------------------------------------------


@pytest.fixture
def archive():
    """Three new agreements and one addendum in 2014-2017, one agreement of 2019."""
    mou = AgreementTypeFactory()
    addendum = AgreementTypeFactory(amendment=True)
    for year in (2014, 2015, 2017):
        AgreementFactory(agreement_type=mou, signature_date=datetime.date(year, 3, 1))
    AgreementFactory(agreement_type=addendum, signature_date=datetime.date(2016, 3, 1))
    AgreementFactory(agreement_type=mou, signature_date=datetime.date(2019, 3, 1))
    PartnerFactory()
    PartnerFactory(is_funding_partner=False)


def figures(soup):
    return {
        item.dt.get_text(strip=True): item.dd.get_text(strip=True)
        for item in soup.select(".key-figures__item")
    }


def test_figures_of_the_last_reporting_period(client, home_page, archive):
    soup = parse(client.get(home_page.url))

    heading = soup.select_one("#home-figures-heading").get_text(strip=True)
    assert "2014" in heading
    assert "2017" in heading
    assert figures(soup) == {
        "New agreements signed": "3",
        "Addenda and amendments": "1",
        "Estimated value of these agreements": "USD\xa00.4 million",
        "Agreements in our archive by the end of 2017": "4",
        "Funding partners": "1",
    }


def test_no_figures_without_agreements(client, home_page):
    soup = parse(client.get(home_page.url))

    assert soup.select_one(".key-figures") is None


def test_figures_are_cached(archive):
    key_figures()

    with CaptureQueriesContext(connection) as queries:
        assert key_figures()["new_agreements"] == 3
    assert len(queries) == 0


# --- Queries -----------------------------------------------------------------------------


def _queries_for(client, url):
    client.get(url)  # warm: site root paths, content types, figures
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_the_number_of_opportunities(
    client, home_page, index, translated_home, translate, locales
):
    vocabularies = make_vocabularies(locales)
    areas = list(vocabularies.areas.values())
    french_index = translate(index, "fr", slug="opportunites")

    def add(count):
        for number in range(count):
            page = OpportunityPageFactory(
                parent=index,
                thematic_areas=areas[: 1 + number % 3],
                regions=[vocabularies.regions["afr"]],
                first_published_at=published(number),
            )
            translate(page, "fr")

    add(3)
    small = (_queries_for(client, home_page.url), _queries_for(client, translated_home["fr"].url))
    add(7)
    large = (_queries_for(client, home_page.url), _queries_for(client, translated_home["fr"].url))

    assert OpportunityPage.objects.child_of(french_index).live().count() == 10
    assert small == large

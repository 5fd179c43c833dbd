"""The parts of the home page, the opportunity index and an opportunity page kept in the
shared cache (cms.pages.context.shared) follow every change that they show on the next page
rendered, with the anonymous page cache off: an opportunity published, changed or
unpublished, its terms and its material changed, the index's filter counts; the directory's
partners renamed or added."""

import pytest

from cms.pages.directory_factories import PartnerDirectoryPageFactory
from cms.pages.factories_opportunities import MaterialFactory, OpportunityPageFactory
from cms.pages.models import OpportunityPage
from cms.pages.models.opportunities import OpportunityMaterial, OpportunityRegion
from cms.snippets.factories import PartnerFactory

from .html import parse

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _without_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


def _card_titles(client, url):
    soup = parse(client.get(url))
    return [link.get_text(strip=True) for link in soup.select(".opportunity-card__title a")]


def _publish(page):
    page.save_revision().publish()


def test_the_index_and_the_home_page_show_a_new_opportunity_then_leave_it_out(
    client, home_page, index, vocabularies
):
    OpportunityPageFactory(parent=index, title="Alpha", slug="alpha")
    assert _card_titles(client, index.url) == ["Alpha"]
    assert _card_titles(client, "/en/") == ["Alpha"]

    bravo = OpportunityPageFactory(parent=index, title="Bravo", slug="bravo")
    assert sorted(_card_titles(client, index.url)) == ["Alpha", "Bravo"]
    assert "2 opportunities" in parse(client.get(index.url)).select_one("#results-heading").text
    assert sorted(_card_titles(client, "/en/")) == ["Alpha", "Bravo"]

    bravo.title = "Bravo renamed"
    _publish(bravo)
    assert sorted(_card_titles(client, index.url)) == ["Alpha", "Bravo renamed"]
    assert sorted(_card_titles(client, "/en/")) == ["Alpha", "Bravo renamed"]

    bravo.status = OpportunityPage.Status.FUNDED
    _publish(bravo)
    # The home page shows open opportunities only; the index shows every one.
    assert _card_titles(client, "/en/") == ["Alpha"]

    bravo.unpublish()
    assert _card_titles(client, index.url) == ["Alpha"]
    assert "1 opportunity" in parse(client.get(index.url)).select_one("#results-heading").text


def test_an_opportunity_shows_its_changed_terms_and_material(client, index, vocabularies):
    page = OpportunityPageFactory(
        parent=index, title="Alpha", slug="alpha", regions=[vocabularies.regions["afr"]]
    )
    material = MaterialFactory(title="The first brief")
    page.materials.add(OpportunityMaterial(material=material, sort_order=0))
    _publish(page)
    html = client.get(page.url).content.decode()
    assert "The first brief" in html
    asia = vocabularies.regions["asp"].name
    assert asia not in html

    page = OpportunityPage.objects.get(pk=page.pk)
    page.regions.add(OpportunityRegion(region=vocabularies.regions["asp"], sort_order=1))
    _publish(page)
    assert asia in client.get(page.url).content.decode()

    material.title = "The brief, revised"
    material.save()
    html = client.get(page.url).content.decode()
    assert "The brief, revised" in html
    assert "The first brief" not in html


def test_the_index_filters_count_a_new_opportunity(client, index, vocabularies):
    africa = vocabularies.regions["afr"]
    OpportunityPageFactory(parent=index, title="Alpha", slug="alpha", regions=[africa])
    url = index.url + "?region=afr"

    def africa_count():
        soup = parse(client.get(url))
        box = soup.select_one('fieldset.facet--region input[value="afr"]')
        return int(soup.select_one(f'label[for="{box["id"]}"] .facet__count').get_text())

    assert africa_count() == 1
    OpportunityPageFactory(parent=index, title="Bravo", slug="bravo", regions=[africa])
    assert africa_count() == 2
    assert sorted(_card_titles(client, url)) == ["Alpha", "Bravo"]


def test_the_directory_shows_a_renamed_and_a_new_partner(client, home_page):
    directory = PartnerDirectoryPageFactory(parent=home_page)
    partner = PartnerFactory(name="Alpha Foundation")

    def names(url=directory.url):
        soup = parse(client.get(url))
        return [link.get_text(strip=True) for link in soup.select(".partner-card__name a")]

    assert names() == ["Alpha Foundation"]
    assert names(directory.url + "?letter=A") == ["Alpha Foundation"]

    partner.name = "Alpha Trust"
    partner.save()
    PartnerFactory(name="Bravo Bank")
    assert names() == ["Alpha Trust", "Bravo Bank"]
    assert names(directory.url + "?letter=A") == ["Alpha Trust"]

"""A partner profile's map of its public agreements by beneficiary country: the table's
figures, labels in English and Arabic, confidential agreements left out, the page cache and
the query budget."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from cms.core.formats import format_number
from cms.snippets.factories import CountryFactory
from cms.snippets.models import Agreement
from tests.demo.test_query_budget import counted_get

# The directories, the vocabularies and Australia come from the conftest, per test.


def set_countries(agreement, countries):
    """The agreement's beneficiary countries replaced, and the agreement saved, as the
    editor's form does."""
    links = Agreement.countries.through.objects
    links.filter(agreement=agreement).delete()
    links.bulk_create([links.model(agreement=agreement, country=c) for c in countries])
    Agreement.objects.get(pk=agreement.pk).save()


@pytest.fixture
def countries(vocab, australia):
    """Fiji for the first public agreement, Fiji and Tonga for the second; Kenya for the
    partner's confidential agreement, which no public page may count."""
    fiji, kenya = vocab.countries["FJ"], vocab.countries["KE"]
    tonga = CountryFactory(code="TO", region=vocab.regions["asp"])
    agreements = Agreement.objects.filter(partner_links__partner=australia)
    set_countries(agreements.get(reference="AUS-2016-001"), [fiji])
    set_countries(agreements.get(reference="AUS-2017-002"), [fiji, tonga])
    set_countries(agreements.get(is_confidential=True), [kenya])
    return {"FJ": fiji, "TO": tonga, "KE": kenya}


def url(partner, language="en"):
    return f"/{language}/partners/{partner.pk}/government-of-australia/"


def map_section(client, partner, language="en"):
    response = client.get(url(partner, language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("section", id="map")


def table(section):
    return [
        tuple(cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"]))
        for row in section.find("table").tbody.find_all("tr")
    ]


def test_the_profile_maps_its_public_agreements_by_country(
    client, directories, countries, australia
):
    section = map_section(client, australia)
    assert section.h2.get_text(strip=True) == "Public agreements by beneficiary country"
    assert table(section) == [
        ("Fiji", "", "2"),
        ("Tonga (too small for the map)", "Asia-Pacific", "1"),
    ]
    assert section.find("tfoot").get_text(" ", strip=True).endswith("0")
    labels = [path["aria-label"] for path in section.svg.find_all("path", role="img")]
    assert "Fiji: 2 agreements" in labels
    # The confidential agreement is neither drawn nor listed.
    assert "Kenya: 0 agreements" in labels
    assert "Kenya" not in section.find("table").get_text()


def test_the_profile_map_in_arabic(client, directories, countries, australia):
    section = map_section(client, australia, "ar")
    with translation.override("ar"):
        two = format_number(2)
    assert table(section)[0] == ("فيجي", "", two)
    assert section.find(class_="world-map__drawing")["dir"] == "ltr"
    english = map_section(client, australia)
    assert section.h2.get_text(strip=True) != english.h2.get_text(strip=True)


def test_no_map_without_countries(client, directories, australia):
    response = client.get(url(australia))
    assert response.status_code == 200
    assert b'id="map"' not in response.content


def test_a_changed_country_shows_on_the_next_anonymous_request(
    client, directories, countries, australia
):
    assert ("Fiji", "", "2") in table(map_section(client, australia))
    agreement = Agreement.objects.get(reference="AUS-2016-001")
    set_countries(agreement, [countries["TO"]])
    rows = table(map_section(client, australia))
    assert ("Fiji", "", "1") in rows
    assert ("Tonga (too small for the map)", "Asia-Pacific", "2") in rows


def test_the_profile_stays_within_its_query_budget(client, directories, countries, australia):
    for language in ("en", "ar"):
        client.get(url(australia, language))  # warm: the cached figures
        assert len(counted_get(client, url(australia, language))) <= 15

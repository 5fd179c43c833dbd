"""The recognitions page: awards grouped by occasion, newest first, each naming its partner
(linked to the partner's profile when the language has a directory) and its citation."""

import pytest

from tests.pages.html import parse

from . import data
from .fixtures import from_records

# The vocabularies, the home pages and the directories, built once for the module
# (fixtures.make_site). The recognitions pages and the awards (Australia's among them) are
# made for each test: the last one shows the page without any.
vocab = from_records("vocab")
homes = from_records("homes")
directories = from_records("directories")


@pytest.fixture
def recognitions_pages(homes):
    english = data.make_recognitions_page(homes["en"])
    return {"en": english, "fr": data.translate_page(english, "fr", title="Reconnaissance")}


@pytest.fixture
def awards(vocab, australia):
    """Awards of two occasions: three of 2017 (WTDC-17) and one of 2014."""
    commission = data.make_partner(vocab, "European Commission")
    gates = data.make_partner(vocab, "Bill & Melinda Gates Foundation", kind="foundation")
    sponsor = data.make_partner(vocab, "Host Telecom", is_funding_partner=False)
    data.add_recognition(commission, citation="<p>For harmonizing ICT policies.</p>")
    gates_award = data.add_recognition(gates, citation="<p>For digital financial inclusion.</p>")
    data.translate_snippet(
        gates_award,
        "fr",
        award_title="Prix des partenaires du 25e anniversaire de l'UIT-D",
        occasion="25e anniversaire de l'UIT-D, CMDT-17",
        citation="<p>Pour l'inclusion financière numérique.</p>",
    )
    data.add_recognition(
        sponsor,
        award_title="Sponsor of the year",
        occasion="WTDC-14, Dubai",
        year=2014,
        citation="<p>For hosting the conference network.</p>",
    )
    return {"commission": commission, "gates": gates, "sponsor": sponsor}


def occasions(soup):
    """[(year, occasion, [partner names])] as the page shows them."""
    return [
        (
            section.select_one(".recognition-occasion__year").get_text(strip=True),
            section.h2.get_text(strip=True),
            [h3.get_text(strip=True) for h3 in section.select("h3")],
        )
        for section in soup.select("section.recognition-occasion")
    ]


def test_awards_are_grouped_by_occasion_newest_first(
    client, directories, recognitions_pages, awards
):
    soup = parse(client.get("/en/recognitions/"))

    assert occasions(soup) == [
        (
            "2017",
            "25th anniversary of ITU-D, WTDC-17",
            ["Bill & Melinda Gates Foundation", "European Commission", "Government of Australia"],
        ),
        ("2014", "WTDC-14, Dubai", ["Host Telecom"]),
    ]
    text = soup.main.get_text(" ", strip=True)
    assert "For harmonizing ICT policies." in text
    assert "ITU-D 25th Anniversary Partner Award" in text


def test_partners_link_to_their_profile_in_the_directory(
    client, directories, recognitions_pages, awards
):
    soup = parse(client.get("/en/recognitions/"))

    gates = awards["gates"]
    link = soup.find("a", string="Bill & Melinda Gates Foundation")
    assert link["href"] == f"/en/partners/{gates.pk}/bill-melinda-gates-foundation/"
    assert client.get(link["href"]).status_code == 200
    # A partner outside the funding-partner database has no profile: its name is not a link.
    assert soup.find("a", string="Host Telecom") is None
    assert soup.find("span", string="Host Telecom")


def test_the_french_page_shows_french_awards_and_falls_back_to_english(
    client, directories, recognitions_pages, awards
):
    soup = parse(client.get("/fr/recognitions/"))

    assert soup.html["lang"] == "fr"
    groups = occasions(soup)
    # Translated and untranslated awards of one occasion stay together.
    assert [names for _year, _occasion, names in groups] == [
        ["Bill & Melinda Gates Foundation", "European Commission", "Gouvernement de l'Australie"],
        ["Host Telecom"],
    ]
    text = soup.main.get_text(" ", strip=True)
    assert "Pour l'inclusion financière numérique." in text
    citation = soup.find("p", string="For harmonizing ICT policies.").parent
    assert citation["lang"] == "en"
    link = soup.find("a", string="Bill & Melinda Gates Foundation")
    assert link["href"].startswith("/fr/partners/")


def test_without_a_directory_in_the_language_partners_are_not_links(
    client, directories, recognitions_pages, awards, homes
):
    spanish_home = data.translate_page(homes["en"], "es", title="Inicio")
    assert spanish_home.live
    data.translate_page(recognitions_pages["en"], "es", title="Reconocimientos")

    soup = parse(client.get("/es/recognitions/"))

    assert soup.select("section.recognition-occasion h3 a") == []
    assert "Bill & Melinda Gates Foundation" in soup.main.get_text()


def test_an_empty_recognitions_page_says_so(client, homes):
    data.make_recognitions_page(homes["en"])

    soup = parse(client.get("/en/recognitions/"))

    assert "No recognitions have been published yet." in soup.main.get_text()

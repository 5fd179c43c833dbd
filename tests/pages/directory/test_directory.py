"""The partner directory as a visitor browses it: funding partners only, in the page's
language, filtered by kind, area, region, first letter or name, with counts, sorted and
paginated, every state a shareable address."""

import pytest

from cms.pages.context.directory import PAGE_SIZE
from cms.pages.models import PartnerDirectoryPage
from tests.pages.html import parse

from . import data
from .fixtures import from_records

# The vocabularies and the directories, built once for the module (fixtures.make_site); the
# partners of each test are its own.
vocab = from_records("vocab")
directories = from_records("directories")


def card_names(soup):
    return [link.get_text(strip=True) for link in soup.select(".partner-card__name a")]


def options(soup, name):
    """{value: text} of a filter's options, the "all" option left out."""
    return {
        option["value"]: option.get_text(strip=True)
        for option in soup.select(f'select[name="{name}"] option')
        if option["value"]
    }


def selected(soup, name):
    option = soup.select_one(f'select[name="{name}"] option[selected]')
    return option["value"] if option else ""


@pytest.fixture
def partners(vocab):
    """Five funding partners of various kinds, areas and regions, and one partner that is
    not in the funding-partner database."""
    make = data.make_partner
    return {
        "australia": make(
            vocab, "Government of Australia", areas=["cybersecurity"], regions=["asp"]
        ),
        "gates": make(
            vocab,
            "Bill & Melinda Gates Foundation",
            kind="foundation",
            areas=["capacity-building", "cybersecurity"],
            regions=["afr", "eur"],
        ),
        "pierre_fabre": make(
            vocab,
            "Fondation Pierre Fabre",
            kind="foundation",
            areas=["capacity-building"],
            regions=["afr"],
        ),
        "arm": make(vocab, "ARM", acronym="ARM", kind="company", areas=["infrastructure"]),
        "ethiopia": make(vocab, "Éthiopie Telecom Authority", regions=["afr"]),
        "university": make(vocab, "Universidad Nacional de La Plata", is_funding_partner=False),
    }


def test_the_directory_lists_funding_partners_by_name(client, directories, partners):
    response = client.get("/en/partners/")

    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == "Funding partners"
    # By name without regard to case or accents: "Éthiopie" among the E's, after "Bill".
    assert card_names(soup) == [
        "ARM",
        "Bill & Melinda Gates Foundation",
        "Éthiopie Telecom Authority",
        "Fondation Pierre Fabre",
        "Government of Australia",
    ]
    assert "Universidad Nacional de La Plata" not in response.content.decode()
    assert "5 funding partners" in soup.select_one("#directory-results-title").get_text()
    # Each card leads to the partner's profile, by the id of its English row.
    gates = partners["gates"]
    link = soup.find("a", string="Bill & Melinda Gates Foundation")
    assert link["href"] == f"/en/partners/{gates.pk}/bill-melinda-gates-foundation/"


def test_the_directory_shows_names_and_terms_in_the_pages_language(client, directories, partners):
    data.translate_snippet(partners["gates"], "fr", name="Fondation Bill et Melinda Gates")

    soup = parse(client.get("/fr/partners/"))

    assert soup.html["lang"] == "fr"
    names = card_names(soup)
    assert "Fondation Bill et Melinda Gates" in names
    assert "Bill & Melinda Gates Foundation" not in names
    # An untranslated partner keeps its English name, marked as English for screen readers.
    australia = soup.find("a", string="Government of Australia")
    assert australia["lang"] == "en"
    assert soup.find("a", string="Fondation Bill et Melinda Gates")["lang"] == "fr"
    # Same address in every language: the English row's id and the English name's slug.
    gates = partners["gates"]
    assert soup.find("a", string="Fondation Bill et Melinda Gates")["href"] == (
        f"/fr/partners/{gates.pk}/bill-melinda-gates-foundation/"
    )
    # Filters and terms in French, by their stable codes.
    assert options(soup, "kind")["foundation"].startswith("Fondation")
    assert options(soup, "area")["cybersecurity"].startswith("Cybersécurité")
    assert "Renforcement des capacités" in soup.select_one(".partner-grid").get_text()


def test_filters_narrow_the_list_and_count_each_value(client, directories, partners):
    soup = parse(client.get("/en/partners/", {"kind": "foundation"}))

    assert card_names(soup) == ["Bill & Melinda Gates Foundation", "Fondation Pierre Fabre"]
    assert selected(soup, "kind") == "foundation"
    assert "2 partners of 5" in soup.select_one("#directory-results-title").get_text()
    # A filter's own counts ignore its current value (so that another kind can be chosen);
    # the other filters' counts are those of the foundations.
    assert options(soup, "kind") == {
        "government": "Government / administration (2)",
        "foundation": "Foundation (2)",
        "company": "Private company (1)",
    }
    assert options(soup, "area") == {
        "capacity-building": "Capacity Building (2)",
        "cybersecurity": "Cybersecurity (1)",
        "infrastructure": "Infrastructure (0)",
    }
    assert options(soup, "region")["afr"] == "Africa (2)"

    soup = parse(client.get("/en/partners/", {"area": "cybersecurity", "region": "asp"}))
    assert card_names(soup) == ["Government of Australia"]

    soup = parse(client.get("/en/partners/", {"region": "afr", "kind": "government"}))
    assert card_names(soup) == ["Éthiopie Telecom Authority"]


def test_the_name_filter_ignores_case_and_accents_and_knows_acronyms(client, directories, partners):
    assert card_names(parse(client.get("/en/partners/", {"q": "ethiopie"}))) == [
        "Éthiopie Telecom Authority"
    ]
    assert card_names(parse(client.get("/en/partners/", {"q": "  FONDATION  "}))) == [
        "Fondation Pierre Fabre"
    ]
    partners["australia"].acronym = "DFAT"
    partners["australia"].save()
    soup = parse(client.get("/en/partners/", {"q": "dfat"}))
    assert card_names(soup) == ["Government of Australia"]
    assert soup.select_one("#partner-filter-q")["value"] == "dfat"
    # Nothing found: said so, with a way back to every partner.
    soup = parse(client.get("/en/partners/", {"q": "nobody at all"}))
    assert card_names(soup) == []
    assert soup.select_one(".directory__empty")
    assert soup.find("a", string="Clear all filters")["href"] == "/en/partners/"


def test_the_letter_index_files_names_without_accents(client, directories, partners):
    soup = parse(client.get("/en/partners/"))

    letters = {
        link.get_text(strip=True): link.get("href")
        for link in soup.select(".partner-letters__list a")
    }
    assert list(letters) == ["All", "A", "B", "E", "F", "G"]
    soup = parse(client.get("/en/partners/" + letters["E"]))
    assert card_names(soup) == ["Éthiopie Telecom Authority"]
    current = soup.select_one('.partner-letters__list a[aria-current="true"]')
    assert current.get_text(strip=True) == "E"
    # The letter is kept when another filter is applied from the form.
    assert soup.select_one('form input[name="letter"]')["value"] == "E"


def test_a_letter_without_partners_is_shown_but_not_a_link(client, directories, partners):
    soup = parse(client.get("/en/partners/", {"kind": "company"}))

    assert [a.get_text(strip=True) for a in soup.select(".partner-letters__list a")] == [
        "All",
        "A",
    ]
    assert {span.get_text(strip=True) for span in soup.select(".partner-letters__link--empty")} == {
        "B",
        "E",
        "F",
        "G",
    }


def test_arabic_names_are_filed_under_arabic_letters_and_chinese_has_no_letters(
    client, directories, partners
):
    data.translate_snippet(partners["australia"], "ar", name="حكومة أستراليا")

    soup = parse(client.get("/ar/partners/"))
    assert soup.html["dir"] == "rtl"
    letters = [link.get_text(strip=True) for link in soup.select(".partner-letters__list a")]
    assert "ح" in letters
    assert card_names(parse(client.get("/ar/partners/", {"letter": "ح"}))) == ["حكومة أستراليا"]

    soup = parse(client.get("/zh-hans/partners/"))
    assert soup.select_one(".partner-letters") is None
    assert len(card_names(soup)) == 5


def test_sorting_by_name_descending(client, directories, partners):
    soup = parse(client.get("/en/partners/", {"sort": "-name"}))

    assert card_names(soup)[0] == "Government of Australia"
    assert card_names(soup)[-1] == "ARM"
    assert selected(soup, "sort") == "-name"


def test_unknown_filter_values_are_ignored(client, directories, partners):
    response = client.get(
        "/en/partners/", {"kind": "spaceship", "area": "<script>", "letter": "ABC", "sort": "x"}
    )

    assert response.status_code == 200
    assert len(card_names(parse(response))) == 5
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_pages_of_results_keep_the_filters(client, directories, vocab):
    for number in range(PAGE_SIZE + 6):
        data.make_partner(vocab, f"Agency {number:02d}", kind="foundation")
    data.make_partner(vocab, "Ministry of Finance")

    soup = parse(client.get("/en/partners/", {"kind": "foundation"}))
    assert len(card_names(soup)) == PAGE_SIZE
    assert card_names(soup)[0] == "Agency 00"
    nav = soup.select_one("nav.pagination")
    assert nav["aria-label"] == "Pages of results"
    current = nav.select_one('[aria-current="page"]')
    assert current.select_one(".visually-hidden").get_text(strip=True) == "Page 1"
    next_link = nav.select_one('a[rel="next"]')["href"]
    assert "kind=foundation" in next_link
    assert "page=2" in next_link

    soup = parse(client.get("/en/partners/" + next_link))
    assert card_names(soup) == [
        f"Agency {number:02d}" for number in range(PAGE_SIZE, PAGE_SIZE + 6)
    ]
    assert soup.select_one('nav.pagination a[rel="prev"]')
    # A page past the end shows the last one rather than an error.
    soup = parse(client.get("/en/partners/", {"kind": "foundation", "page": 99}))
    assert card_names(soup)[0] == f"Agency {PAGE_SIZE:02d}"


def test_every_filter_has_a_label(client, directories, partners):
    soup = parse(client.get("/en/partners/"))

    form = soup.select_one("form.partner-filters")
    assert form["method"] == "get"
    for control in form.select("input:not([type=hidden]), select"):
        assert form.select_one(f'label[for="{control["id"]}"]'), control["name"]
    assert soup.select_one("main h2")


def test_the_directory_page_type_is_creatable_once_under_a_home_page(home_page, directories):
    assert not PartnerDirectoryPage.can_create_at(home_page)

"""The opportunity index as a visitor uses it: filters with the number of results next to
each value, sorting, pages, addresses to share, and no error whatever the address says."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.pages.context.opportunity import PER_PAGE
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pages.models import OpportunityPage

from .html import parse
from .opportunity_data import make_vocabularies

pytestmark = pytest.mark.django_db

Kind = OpportunityPage.Kind
Status = OpportunityPage.Status


@pytest.fixture
def vocabularies(locales):
    return make_vocabularies(locales)


@pytest.fixture
def index(home_page):
    return OpportunityIndexPageFactory(parent=home_page)


def published(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


@pytest.fixture
def catalogue(index, vocabularies):
    """Four opportunities that differ in every facet:

    | title   | areas          | region | country | SDG | kind     | status        | budget |
    | Alpha   | cyber          | afr    | KE      | 9   | project  | open          | 0.5 M  |
    | Bravo   | cyber          | arb    | EG      | 17  | concept  | funded        | 3 M    |
    | Charlie | infra          | afr    | KE      | 9   | project  | open          | 8 M    |
    | Delta   | infra, cyber   | asp    | IN      | 17  | regional | in discussion | 25 M   |
    """
    areas, regions, goals = vocabularies.areas, vocabularies.regions, vocabularies.goals
    countries = vocabularies.countries

    def make(title, areas_, region, country, goal, kind, status, budget, gap, days_ago):
        return OpportunityPageFactory(
            parent=index,
            title=title,
            slug=title.lower(),
            thematic_areas=[areas[code] for code in areas_],
            regions=[regions[region]],
            countries=[countries[country]],
            sdgs=[goals[goal]],
            kind=kind,
            status=status,
            budget_usd=Decimal(budget),
            funding_gap_usd=Decimal(gap),
            first_published_at=published(days_ago),
        )

    return {
        "alpha": make(
            "Alpha", ["cybersecurity"], "afr", "KE", 9, Kind.PROJECT, Status.OPEN, 500_000,
            100_000, 4,
        ),
        "bravo": make(
            "Bravo", ["cybersecurity"], "arb", "EG", 17, Kind.CONCEPT, Status.FUNDED, 3_000_000,
            0, 3,
        ),
        "charlie": make(
            "Charlie", ["infrastructure"], "afr", "KE", 9, Kind.PROJECT, Status.OPEN, 8_000_000,
            6_000_000, 2,
        ),
        "delta": make(
            "Delta", ["infrastructure", "cybersecurity"], "asp", "IN", 17,
            Kind.REGIONAL_INITIATIVE, Status.IN_DISCUSSION, 25_000_000, 2_000_000, 1,
        ),
    }  # fmt: skip


def titles(soup):
    return [link.get_text(strip=True) for link in soup.select(".opportunity-card__title a")]


def facet_counts(soup, param):
    """{value: (count, checked)} of one facet of the filter form."""
    fieldset = soup.select_one(f"fieldset.facet--{param}")
    if fieldset is None:
        return {}
    return {
        box["value"]: (
            int(fieldset.select_one(f'label[for="{box["id"]}"] .facet__count').get_text()),
            box.has_attr("checked"),
        )
        for box in fieldset.select("input[type=checkbox]")
    }


def get(client, index, query=""):
    response = client.get(index.url + query)
    assert response.status_code == 200
    return parse(response)


def test_lists_every_live_public_opportunity_of_the_index(client, index, catalogue):
    other_index = OpportunityIndexPageFactory(parent=index.get_parent(), slug="other")
    OpportunityPageFactory(parent=other_index, title="Elsewhere")
    OpportunityPageFactory(parent=index, title="Draft", live=False)
    private = OpportunityPageFactory(parent=index, title="Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    soup = get(client, index)

    assert titles(soup) == ["Delta", "Charlie", "Bravo", "Alpha"]  # newest first
    assert soup.select_one("#results-heading").get_text(strip=True) == "4 opportunities"
    assert facet_counts(soup, "status") == {
        "open": (2, False),
        "in_discussion": (1, False),
        "funded": (1, False),
    }


def test_cards_show_kind_status_terms_and_amounts(client, index, catalogue):
    soup = get(client, index)

    card = soup.select(".opportunity-card")[0]
    text = " ".join(card.get_text(" ", strip=True).split())
    assert "Regional initiative" in text
    assert "In discussion" in text
    assert "Infrastructure, Cybersecurity" in text
    assert "Asia-Pacific" in text
    assert "USD 25,000,000" in text
    assert "USD 2,000,000" in text
    assert card.select_one("a")["href"] == catalogue["delta"].url


def test_facet_counts_without_filters(client, index, catalogue):
    soup = get(client, index)

    assert facet_counts(soup, "area") == {
        "cybersecurity": (3, False),
        "infrastructure": (2, False),
    }
    assert facet_counts(soup, "region") == {"afr": (2, False), "arb": (1, False), "asp": (1, False)}
    assert facet_counts(soup, "country") == {"EG": (1, False), "IN": (1, False), "KE": (2, False)}
    assert facet_counts(soup, "sdg") == {"sdg-9": (2, False), "sdg-17": (2, False)}
    assert facet_counts(soup, "kind") == {
        "concept": (1, False),
        "project": (2, False),
        "regional_initiative": (1, False),
    }
    assert facet_counts(soup, "budget") == {
        "under-1m": (1, False),
        "1m-5m": (1, False),
        "5m-20m": (1, False),
        "20m-plus": (1, False),
    }


def test_one_filter_counts_the_other_facets_among_its_results(client, index, catalogue):
    soup = get(client, index, "?area=cybersecurity")

    assert titles(soup) == ["Delta", "Bravo", "Alpha"]
    # The area facet itself still offers the alternatives, counted without its own filter.
    assert facet_counts(soup, "area") == {
        "cybersecurity": (3, True),
        "infrastructure": (2, False),
    }
    assert facet_counts(soup, "region") == {"afr": (1, False), "arb": (1, False), "asp": (1, False)}
    assert facet_counts(soup, "status") == {
        "open": (1, False),
        "in_discussion": (1, False),
        "funded": (1, False),
    }


def test_filters_of_two_facets_all_apply(client, index, catalogue):
    soup = get(client, index, "?area=cybersecurity&region=afr")

    assert titles(soup) == ["Alpha"]
    assert facet_counts(soup, "area") == {"cybersecurity": (1, True), "infrastructure": (1, False)}
    assert facet_counts(soup, "region") == {"afr": (1, True), "arb": (1, False), "asp": (1, False)}
    assert facet_counts(soup, "kind") == {"project": (1, False)}


def test_values_of_one_facet_are_alternatives(client, index, catalogue):
    assert titles(get(client, index, "?region=afr&region=asp")) == ["Delta", "Charlie", "Alpha"]
    assert titles(get(client, index, "?status=open&status=funded")) == [
        "Charlie",
        "Bravo",
        "Alpha",
    ]
    assert titles(get(client, index, "?budget=5m-20m&budget=20m-plus")) == ["Delta", "Charlie"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?country=KE", ["Charlie", "Alpha"]),
        ("?country=ke", ["Charlie", "Alpha"]),
        ("?sdg=sdg-17", ["Delta", "Bravo"]),
        ("?kind=concept", ["Bravo"]),
        ("?status=in_discussion", ["Delta"]),
        ("?budget=under-1m", ["Alpha"]),
        ("?budget=1m-5m", ["Bravo"]),
        ("?area=infrastructure&status=open", ["Charlie"]),
        ("?area=infrastructure&sdg=sdg-9&kind=project&country=KE&budget=5m-20m", ["Charlie"]),
    ],
)
def test_each_facet_filters(client, index, catalogue, query, expected):
    assert titles(get(client, index, query)) == expected


def test_a_selected_value_without_results_stays_in_the_form(client, index, catalogue):
    soup = get(client, index, "?status=funded&region=afr")

    assert titles(soup) == []
    # Bravo is the funded one, in the Arab States: the visitor can still untick either.
    assert facet_counts(soup, "status")["funded"] == (0, True)
    assert facet_counts(soup, "region")["afr"] == (0, True)


def test_empty_result_offers_to_clear_the_filters(client, index, catalogue):
    soup = get(client, index, "?status=funded&region=afr&sort=title")

    empty = soup.select_one(".results__empty")
    assert empty is not None
    clear = empty.select_one("a")
    assert clear["href"] == index.url + "?sort=title"
    assert titles(get(client, index, clear["href"].removeprefix(index.url))) == [
        "Alpha",
        "Bravo",
        "Charlie",
        "Delta",
    ]


def test_active_filters_can_be_removed_one_by_one(client, index, catalogue):
    soup = get(client, index, "?area=cybersecurity&region=afr")

    chips = {
        chip.get_text(" ", strip=True): chip["href"]
        for chip in soup.select(".active-filters__chip")
    }
    assert len(chips) == 2
    remove_region = next(href for text, href in chips.items() if "Africa" in text)
    assert remove_region == index.url + "?area=cybersecurity"
    assert titles(get(client, index, "?area=cybersecurity")) == ["Delta", "Bravo", "Alpha"]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Delta", "Charlie", "Bravo", "Alpha"]),
        ("newest", ["Delta", "Charlie", "Bravo", "Alpha"]),
        ("budget", ["Delta", "Charlie", "Bravo", "Alpha"]),
        ("gap", ["Charlie", "Delta", "Alpha", "Bravo"]),
        ("title", ["Alpha", "Bravo", "Charlie", "Delta"]),
        ("nonsense", ["Delta", "Charlie", "Bravo", "Alpha"]),
    ],
)
def test_sort_orders(client, index, catalogue, sort, expected):
    soup = get(client, index, f"?sort={sort}")

    assert titles(soup) == expected
    selected = soup.select_one("#opportunity-sort option[selected]")["value"]
    assert selected == (sort if sort in {"budget", "gap", "title"} else "newest")


def test_opportunities_without_budget_come_last_by_budget(client, index, catalogue):
    OpportunityPageFactory(parent=index, title="Zulu", budget_usd=None, funding_gap_usd=None)

    assert titles(get(client, index, "?sort=budget"))[-1] == "Zulu"
    assert titles(get(client, index, "?sort=gap"))[-1] == "Zulu"
    # No budget: in no budget range.
    assert "Zulu" not in titles(get(client, index, "?budget=under-1m"))


@pytest.fixture
def many(index, vocabularies):
    """PER_PAGE + 3 open projects in Africa, the first one the newest."""
    return [
        OpportunityPageFactory(
            parent=index,
            title=f"Project {number:02d}",
            regions=[vocabularies.regions["afr"]],
            first_published_at=published(number),
        )
        for number in range(PER_PAGE + 3)
    ]


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


def test_no_pagination_when_everything_fits(client, index, catalogue):
    assert get(client, index).select_one("nav.pagination") is None


@pytest.mark.parametrize(
    "query",
    [
        "?page=0",
        "?page=-3",
        "?page=abc",
        "?page=1e3",
        "?page=99999999999999999999999999999",
        "?page=2.5",
        "?area=no-such-area",
        "?area=%3Cscript%3E",
        "?area=" + "x" * 500,
        "?region=AFR",
        "?country=XX",
        "?country=KEN",
        "?sdg=sdg-99",
        "?kind=treaty",
        "?status=OPEN",
        "?budget=lots",
        "?sort=-title",
        "?sort=title&sort=budget",
        "?" + "&".join(f"area=a{n}" for n in range(300)),
        "?area=",
        "?%FF=%FF",
    ],
)
def test_bad_addresses_never_fail(client, index, catalogue, query):
    response = client.get(index.url + query)

    assert response.status_code == 200
    assert parse(response).select(".opportunity-card")


def test_unknown_values_are_ignored(client, index, catalogue):
    soup = get(client, index, "?area=no-such-area&country=XX&budget=lots&kind=treaty")

    assert len(titles(soup)) == 4
    assert soup.select(".active-filters__chip") == []


def test_a_huge_page_number_shows_the_last_page(client, index, many):
    soup = get(client, index, "?page=99999999999999999999")

    assert titles(soup) == [f"Project {number:02d}" for number in range(PER_PAGE, PER_PAGE + 3)]


def test_uppercase_region_code_is_read(client, index, catalogue):
    assert titles(get(client, index, "?region=AFR")) == ["Charlie", "Alpha"]


def test_filter_form_is_accessible_without_javascript(client, index, catalogue):
    soup = get(client, index, "?area=cybersecurity")

    form = soup.select_one("form#opportunity-filters")
    for fieldset in form.select("fieldset.facet"):
        assert fieldset.legend.get_text(strip=True)
        for box in fieldset.select("input[type=checkbox]"):
            assert form.select_one(f'label[for="{box["id"]}"]')
    assert form.select_one('button[type="submit"]')
    assert soup.select_one('label[for="opportunity-sort"]')
    assert soup.select_one('script[src$="js/opportunity-filters.js"]')


# --- Languages ---------------------------------------------------------------------------


@pytest.fixture
def french(index, catalogue, translated_home, translate):
    french_index = translate(index, "fr", slug="opportunites")
    pages = {
        key: translate(page, "fr", title=f"{page.title} FR") for key, page in catalogue.items()
    }
    return french_index, pages


def test_french_index_lists_french_pages_with_french_terms(client, french):
    french_index, pages = french

    response = client.get(french_index.url + "?area=cybersecurity")
    soup = parse(response)

    assert soup.html["lang"] == "fr"
    assert sorted(titles(soup)) == ["Alpha FR", "Bravo FR", "Delta FR"]
    labels = {
        box["value"]: soup.select_one(f'label[for="{box["id"]}"] .facet__name').get_text()
        for box in soup.select("fieldset.facet--region input")
    }
    assert labels == {"afr": "Afrique", "arb": "États arabes", "asp": "Asie-Pacifique"}
    card_text = soup.select_one(".opportunity-card").get_text(" ", strip=True)
    assert "Cybersécurité" in card_text
    assert facet_counts(soup, "area")["cybersecurity"] == (3, True)


def test_a_draft_translation_is_not_listed(client, index, catalogue, translated_home, translate):
    french_index = translate(index, "fr", slug="opportunites")
    translate(catalogue["alpha"], "fr", title="Alpha FR")
    translate(catalogue["bravo"], "fr", title="Bravo FR", live=False)

    soup = parse(client.get(french_index.url))

    assert titles(soup) == ["Alpha FR"]


def test_arabic_index_names_countries_in_arabic(
    client, index, catalogue, translated_home, translate
):
    arabic_index = translate(index, "ar", slug="opportunities-ar")
    for page in catalogue.values():
        translate(page, "ar")

    soup = parse(client.get(arabic_index.url))

    assert soup.html["dir"] == "rtl"
    names = [name.get_text() for name in soup.select("fieldset.facet--country .facet__name")]
    assert "كينيا" in names
    assert "Kenya" not in names


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


def test_facet_counts_follow_new_and_restricted_opportunities(
    client, index, catalogue, vocabularies
):
    """The facets are kept in the shared cache per language and filters (the page cache is
    off in this module): a new opportunity and a view restriction show in the next counts,
    with or without filters."""
    assert facet_counts(get(client, index), "area")["cybersecurity"] == (3, False)
    filtered = get(client, index, "?region=afr")
    assert facet_counts(filtered, "area") == {
        "cybersecurity": (1, False),
        "infrastructure": (1, False),
    }

    OpportunityPageFactory(
        parent=index,
        title="Echo",
        slug="echo",
        thematic_areas=[vocabularies.areas["cybersecurity"]],
        regions=[vocabularies.regions["afr"]],
    )
    assert facet_counts(get(client, index), "area")["cybersecurity"] == (4, False)
    assert facet_counts(get(client, index, "?region=afr"), "area")["cybersecurity"] == (2, False)

    PageViewRestriction.objects.create(
        page=catalogue["alpha"], restriction_type=PageViewRestriction.LOGIN
    )
    assert facet_counts(get(client, index), "area")["cybersecurity"] == (3, False)
    assert facet_counts(get(client, index, "?region=afr"), "area")["cybersecurity"] == (1, False)

"""The opportunity index as a visitor uses it: filters with the number of results next to
each value, sorting, pages, addresses to share, and no error whatever the address says."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site

from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pages.models import OpportunityPage
from tests.rollback import refetched, rolled_back

from .html import parse
from .opportunity_data import make_vocabularies

pytestmark = pytest.mark.django_db

Kind = OpportunityPage.Kind
Status = OpportunityPage.Status


@pytest.fixture(autouse=True)
def _without_page_cache(settings):
    """Off in this module, as in the modules that count queries (tests/conftest.py): it
    counted the index's queries before they moved to test_opportunity_index_pages.py, and
    its facet counts are read from the shared cache, not from a cached page."""
    settings.PAGE_CACHE_ENABLED = False


def published(days_ago):
    return timezone.now() - datetime.timedelta(days=days_ago)


def make_catalogue(index, vocabularies):
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


def build_catalogue_site():
    """The vocabularies, an index under the English home page and the catalogue in it."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    vocabularies = make_vocabularies(locales)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = OpportunityIndexPageFactory(parent=home)
    return vocabularies, index, make_catalogue(index, vocabularies)


# Built once for the module, each test in a savepoint of its own and given fresh copies. The
# tests that need an index without the catalogue are in test_opportunity_index_pages.py.
@pytest.fixture(scope="module")
def catalogue_site(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build_catalogue_site)


@pytest.fixture
def vocabularies(db, catalogue_site):
    return refetched(catalogue_site[0])


@pytest.fixture
def index(db, catalogue_site):
    return refetched(catalogue_site[1])


@pytest.fixture
def catalogue(db, catalogue_site):
    return refetched(catalogue_site[2])


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

"""The language switcher and the hreflang links keep the visitor's place: on every public
page type, in every language, each link leads to the same content in that language (the same
page's translation, the same partner's profile, the same view) with the same query string
(filters, sort, period, search words), the page number aside. A partner not translated into a
language is shown in English under that language's directory, never replaced by the
directory itself. A page without a live translation in a language is still offered in it:
the link leads to its fallback address (the English page under that language's prefix, with
the notice), while hreflang announces only the real translations. Pages kept from search
engines announce no alternates."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.rollback import rolled_back

from .html import alternate_links, languages, parse, switcher_entries
from .language_site import (
    ENGLISH_ONLY_PARTNER,
    LANGUAGES,
    PARTNER_NAMES,
    build_language_site,
    view_path,
)

pytestmark = pytest.mark.django_db

NAMES = dict(settings.LANGUAGES)
BASE = "http://testserver"


@pytest.fixture(scope="module")
def language_site(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build_language_site)


def page_path(name, sub_path=""):
    """The address of the page `name` in a language, with a route of its own appended."""
    return lambda site, code: site.pages[name][code].url + sub_path


def profile_path(attribute, slug):
    """The address of a partner's profile under the directory of a language."""
    return lambda site, code: (
        site.pages["directory"][code].url + f"{getattr(site, attribute)}/{slug}/"
    )


def title_of(name):
    """The page `name` is shown in the language asked for: its title there is the <h1>."""

    def check(soup, site, code):
        assert soup.h1.get_text(strip=True) == site.pages[name][code].title

    return check


def partner_named(names):
    """The profile shows the partner's name in the language of its row: the visitor's if it
    is translated, English (marked as such) otherwise."""

    def check(soup, site, code):
        name = soup.h1.select_one("[lang]")
        expected_language = code if code in names else "en"
        assert name.get_text() == names.get(code, names["en"])
        assert name["lang"] == expected_language

    return check


def field_values(**expected):
    """The page shows the state the query string asks for: {field name: value} of its form
    fields (text inputs and the selected option of selects)."""

    def check(soup, site, code):
        for name, value in expected.items():
            element = soup.main.select_one(f'[name="{name}"]')
            if element.name == "select":
                assert element.select_one("option[selected]")["value"] == value, name
            else:
                assert element["value"] == value, name

    return check


@dataclass(frozen=True)
class Place:
    """A kind of public page: its address in each language, the query string it is visited
    with and the part of it that every language link must keep."""

    name: str
    path: Callable
    query: str = ""
    kept: str = ""
    indexable: bool = True
    languages: tuple = tuple(LANGUAGES)
    check: Callable | None = None

    @property
    def fallbacks(self):
        """The languages in which the page has no live translation: offered at the fallback
        address, where the English page is shown."""
        return tuple(code for code in LANGUAGES if code not in self.languages)

    def address(self, site, code):
        """The address the switcher gives for language `code`: the translation's, or the
        English address under that language's prefix."""
        if code in self.languages:
            return self.path(site, code)
        return f"/{code}/" + self.path(site, "en").removeprefix("/en/")


PLACES = [
    Place("home", page_path("home"), "?utm_source=newsletter", "?utm_source=newsletter"),
    Place("standard page", page_path("how_to_partner"), check=title_of("how_to_partner")),
    Place(
        "page in three languages",
        page_path("about"),
        languages=("en", "fr", "ar"),
        check=title_of("about"),
    ),
    Place(
        "opportunity index",
        page_path("opportunities"),
        "?area=cybersecurity&region=arb&sort=budget&page=2",
        "?area=cybersecurity&region=arb&sort=budget",
        check=field_values(sort="budget"),
    ),
    Place("opportunity", page_path("opportunity"), check=title_of("opportunity")),
    Place(
        "directory",
        page_path("directory"),
        "?kind=government&area=cybersecurity&region=afr&letter=A&sort=-name&page=2",
        "?kind=government&area=cybersecurity&region=afr&letter=A&sort=-name",
        check=field_values(kind="government", area="cybersecurity", region="afr", sort="-name"),
    ),
    Place(
        "partner profile",
        profile_path("partner_id", "african-development-bank"),
        check=partner_named(PARTNER_NAMES),
    ),
    Place(
        "profile of a partner in English only",
        profile_path("english_only_partner_id", "gates-foundation"),
        check=partner_named({"en": ENGLISH_ONLY_PARTNER}),
    ),
    Place("recognitions", page_path("recognitions")),
    Place(
        "statistics",
        page_path("statistics"),
        "?start=2014&end=2017",
        "?start=2014&end=2017",
        check=field_values(start="2014", end="2017"),
    ),
    Place(
        "agreements list",
        page_path("statistics", "agreements/"),
        "?start=2014&end=2017&page=3",
        "?start=2014&end=2017",
        check=field_values(start="2014", end="2017"),
    ),
    Place("sponsorship", page_path("sponsorship")),
    Place("event", page_path("event"), check=title_of("event")),
    Place("sponsors", page_path("sponsorship", "sponsors/")),
    Place("registration", page_path("registration"), check=title_of("registration")),
    Place(
        "subscriber's page",
        lambda site, code: view_path("alerts:manage", code, value=site.manage_token),
        "?done=saved",
        "?done=saved",
        indexable=False,
    ),
    Place("search", lambda site, code: view_path("site_search", code)),
    Place(
        "search results",
        lambda site, code: view_path("site_search", code),
        "?q=%D8%A8%D9%86%D9%83&type=partner&area=cybersecurity&area=infrastructure&page=2",
        "?q=%D8%A8%D9%86%D9%83&type=partner&area=cybersecurity&area=infrastructure",
        indexable=False,
        check=field_values(q="بنك", type="partner"),
    ),
    Place("open data", lambda site, code: view_path("open_data_index", code)),
]


@pytest.mark.parametrize("place", PLACES, ids=[place.name for place in PLACES])
def test_every_language_link_leads_to_the_same_place(client, language_site, place):
    for code in LANGUAGES:
        address = place.address(language_site, code) + place.query
        response = client.get(address)

        assert response.status_code == 200, address
        soup = parse(response)
        # At a fallback address the page is the English one, under the notice.
        shown = code if code in place.languages else "en"
        assert languages(soup)[0] == code, address
        assert languages(soup)[1][0] == shown, address
        assert (soup.select_one(".translation-notice") is not None) == (shown != code), address
        if place.check:
            place.check(soup, language_site, shown)
        links = {other: place.address(language_site, other) + place.kept for other in LANGUAGES}
        assert switcher_entries(soup) == [
            (other, NAMES[other], url, other == code) for other, url in links.items()
        ], address
        expected_alternates = {
            other: BASE + url for other, url in links.items() if other in place.languages
        }
        expected_alternates["x-default"] = expected_alternates["en"]
        assert alternate_links(soup) == (expected_alternates if place.indexable else {}), address


def test_pages_kept_from_search_engines_say_so(client, language_site):
    for address in (
        view_path("site_search", "fr") + "?q=banque",
        view_path("alerts:manage", "ar", value=language_site.manage_token),
    ):
        soup = parse(client.get(address))

        assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_a_missing_partner_offers_the_home_pages_and_no_alternates(client, language_site):
    response = client.get(language_site.pages["directory"]["fr"].url + "999999/nobody/")

    assert response.status_code == 404
    soup = parse(response)
    assert [url for _code, _name, url, _current in switcher_entries(soup)] == [
        f"/{code}/" for code in LANGUAGES
    ]
    assert alternate_links(soup) == {}


def test_a_profile_costs_no_query_per_language(client, language_site):
    """The links of a profile in six languages cost what they cost in two: the directory's
    translations are read in one query, and the routes are reversed without any."""
    directory = language_site.pages["directory"]
    address = profile_path("partner_id", "african-development-bank")(language_site, "en")

    def queries():
        client.get(address)  # warm Wagtail's caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(address).status_code == 200
        return len(captured)

    with_six = queries()
    for code in ("es", "ru", "ar", "zh-hans"):
        directory[code].unpublish()
    with_two = queries()

    # Every language is still offered: four of them at the fallback address of the profile,
    # which shows the English directory's profile with the notice, canonical in English.
    entries = switcher_entries(parse(client.get(address)))
    fallbacks = [url for _code, _name, url, _current in entries][2:]
    assert fallbacks == [
        f"/{code}/partners/{language_site.partner_id}/african-development-bank/"
        for code in ("es", "ru", "ar", "zh-hans")
    ]
    assert with_six == with_two
    soup = parse(client.get(fallbacks[0]))
    assert soup.select_one("main .translation-notice")["lang"] == "es"
    assert soup.select_one('link[rel="canonical"]')["href"] == BASE + address
    assert set(alternate_links(soup)) == {"en", "fr", "x-default"}

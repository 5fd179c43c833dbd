"""A page without a live translation in the visitor's language is still there in that
language: its English address under the visitor's prefix (the fallback address) shows the
English page with the notice in the visitor's language, never a 404 nor a section's root.
The switcher offers every language (the fallback address where there is no translation),
search engines are sent to the English address (canonical) and told of real translations
only (hreflang), and nothing private or unpublished is ever shown through it. An alias of
the English page under another language is English content too, and says so."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from tests.module_records import built_records, from_records, records  # noqa: F401

from .directory.data import translate_page
from .html import alternate_links, parse, switcher_entries

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
BASE = "http://testserver"
FRENCH_NOTICE = (
    "Cette page n’est pas encore disponible dans votre langue (Français)\u202f; "
    "elle est affichée en version originale (Anglais)."
)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_section():
    """The opportunities section, live in English and in French (under a French slug), with
    the home page live in every language; and an English opportunity in it."""
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    for code in LANGUAGES[1:]:
        translate_page(home_page, code, title=f"Accueil [{code}]")
    index = publish(OpportunityIndexPageFactory(parent=home_page, slug="opportunities"))
    french = translate_page(index, "fr", title="Opportunités", slug="opportunites")
    opportunity = publish(
        OpportunityPageFactory(
            parent=index, title="Island cyber resilience", slug="island-cyber-resilience"
        )
    )
    return {"section": {"en": index, "fr": french}, "opportunity": opportunity}


@pytest.fixture(scope="module")
def built_once():
    """Built once for the module: each test makes its change (a translation, a restriction,
    an alias) in a savepoint of its own, from fresh copies of the pages; the tests that ask
    for the section only find the opportunity there all the same."""
    return make_section


section = from_records("section")
opportunity = from_records("opportunity")


FALLBACK = "/fr/opportunities/island-cyber-resilience/"


def notice(soup):
    box = soup.select_one("main .translation-notice")
    return box and (box["lang"], box.get_text(strip=True))


def assert_english_content_in_a_french_site(soup):
    """The site around the page (menu, skip link, footer) is French; the page is English."""
    assert soup.html["lang"] == "fr"
    assert soup.select_one(".skip-link").get_text(strip=True) == "Aller au contenu principal"
    main = soup.select_one("main")
    assert (main["lang"], main["dir"]) == ("en", "ltr")
    # The brand leads to the French home page, the menu is its menu.
    assert soup.select_one("header a.brand")["href"] == "/fr/"
    assert soup.select_one(".brand__tagline").get_text(strip=True) == (
        "Partenariats et mobilisation de ressources"
    )


def assert_english_page_with_french_notice(response, opportunity):
    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == opportunity.title
    assert_english_content_in_a_french_site(soup)
    assert notice(soup) == ("fr", FRENCH_NOTICE)
    # Search engines are sent to the English address, and told of real translations only.
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical == BASE + "/en/opportunities/island-cyber-resilience/"
    assert alternate_links(soup) == {"en": canonical, "x-default": canonical}
    return soup


def test_a_draft_translation_gives_the_english_page_with_the_french_notice(
    client, opportunity, translate
):
    draft = translate(opportunity, "fr", title="Résilience des îles", live=False)

    response = client.get(FALLBACK)

    assert_english_page_with_french_notice(response, opportunity)
    assert "Résilience" not in response.content.decode()
    # The draft's own address shows nothing either.
    assert client.get(f"/fr/opportunites/{draft.slug}/").status_code == 404


def test_a_missing_translation_gives_the_english_page_with_the_french_notice(client, opportunity):
    soup = assert_english_page_with_french_notice(client.get(FALLBACK), opportunity)

    # The switcher marks French as the visitor's language, and leads back to English.
    entries = {code: (url, current) for code, _name, url, current in switcher_entries(soup)}
    assert entries["fr"] == (FALLBACK, True)
    assert entries["en"] == ("/en/opportunities/island-cyber-resilience/", False)


def test_the_switcher_of_an_english_only_page_offers_every_language(client, opportunity):
    soup = parse(client.get("/en/opportunities/island-cyber-resilience/?utm_source=mail&page=2"))

    entries = switcher_entries(soup)
    assert [code for code, _name, _url, _current in entries] == LANGUAGES
    urls = {code: url for code, _name, url, _current in entries}
    assert urls == {
        code: f"/{code}/opportunities/island-cyber-resilience/?utm_source=mail"
        for code in LANGUAGES
    }
    # Each of them shows the English page, with the notice in that language.
    for code in LANGUAGES[1:]:
        response = client.get(urls[code])
        assert response.status_code == 200, code
        assert parse(response).select_one("main .translation-notice")["lang"] == code
    # hreflang announces the one real version.
    assert set(alternate_links(soup)) == {"en", "x-default"}


def test_a_translation_published_later_takes_over_the_fallback_address(
    client, opportunity, translate
):
    french = translate(opportunity, "fr", title="Résilience des îles", slug="resilience-des-iles")

    response = client.get(FALLBACK + "?area=cybersecurity")

    assert response.status_code == 302
    assert response["Location"] == "/fr/opportunites/resilience-des-iles/?area=cybersecurity"
    assert parse(client.get(response["Location"])).h1.get_text(strip=True) == french.title
    # The switcher of the English page now leads to it.
    soup = parse(client.get("/en/opportunities/island-cyber-resilience/"))
    urls = {code: url for code, _name, url, _current in switcher_entries(soup)}
    assert urls["fr"] == "/fr/opportunites/resilience-des-iles/"


def test_a_private_english_page_is_not_shown_through_the_fallback(client, opportunity):
    PageViewRestriction.objects.create(page=opportunity, restriction_type="login")

    response = client.get(FALLBACK)

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert opportunity.title not in response.content.decode()


def test_a_private_english_page_does_not_lead_to_its_translation(client, opportunity, translate):
    # The English page asks for a login (and its translations with it): the fallback address
    # must not say that the page exists, nor where its translation is.
    translate(opportunity, "fr", title="Résilience des îles", slug="resilience-des-iles")
    PageViewRestriction.objects.create(page=opportunity, restriction_type="login")

    response = client.get(FALLBACK)

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert "resilience-des-iles" not in response["Location"]


def test_a_private_english_page_is_shown_to_who_may_read_it(client, opportunity, officer):
    PageViewRestriction.objects.create(page=opportunity, restriction_type="login")
    client.force_login(officer)

    response = client.get(FALLBACK)

    assert response.status_code == 200
    assert parse(response).h1.get_text(strip=True) == opportunity.title


def test_a_draft_english_page_has_no_fallback(client, section):
    draft = OpportunityPageFactory(parent=section["en"], slug="not-yet", live=False)

    assert client.get(f"/en/opportunities/{draft.slug}/").status_code == 404
    assert client.get(f"/fr/opportunities/{draft.slug}/").status_code == 404
    assert client.get("/fr/opportunities/nothing-here/").status_code == 404


def test_the_section_of_the_visitors_language_is_still_served(client, section):
    response = client.get("/fr/opportunites/")

    assert response.status_code == 200
    assert notice(parse(response)) is None


def test_a_fallback_costs_no_query_per_language(client, opportunity, home_page):
    """The fallback address costs the same whatever the number of live languages."""

    def queries():
        client.get(FALLBACK)  # warm Wagtail's caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(FALLBACK).status_code == 200
        return len(captured)

    with_six = queries()
    for translation in home_page.get_translations().exclude(locale__language_code="fr"):
        translation.unpublish()
    with_two = queries()

    assert with_six == with_two


def test_an_alias_of_the_english_page_shows_the_notice(client, opportunity, section, locales):
    # As wagtail-localize makes them: the alias is the page's French "translation".
    alias = opportunity.create_alias(
        parent=section["fr"], update_locale=locales["fr"], reset_translation_key=False
    )

    response = client.get(f"/fr/opportunites/{alias.slug}/")

    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == opportunity.title
    # The content is English, and marked so; the notice and the site around it are French.
    assert_english_content_in_a_french_site(soup)
    assert notice(soup) == ("fr", FRENCH_NOTICE)
    # A copy of the English page for search engines: not announced as a French version.
    canonical = soup.select_one('link[rel="canonical"]')["href"]
    assert canonical == BASE + "/en/opportunities/island-cyber-resilience/"
    assert alternate_links(soup) == {"en": canonical, "x-default": canonical}
    # The switcher leads French visitors to it.
    urls = {code: url for code, _name, url, _current in switcher_entries(soup)}
    assert urls["fr"] == f"/fr/opportunites/{alias.slug}/"


def test_an_alias_in_its_own_language_has_no_notice(client, opportunity, section):
    alias = opportunity.create_alias(parent=section["en"], update_slug="island-copy")

    soup = parse(client.get(f"/en/opportunities/{alias.slug}/"))

    assert soup.html["lang"] == "en"
    assert not soup.select_one("main").has_attr("lang")
    assert notice(soup) is None

"""The hreflang alternates announce exactly the languages in which the page itself is
published, with the address of each translation (its own slug); the language switcher offers
those and, for every other language, the page's fallback address (its English address under
that language's prefix, where the English page is shown with the notice)."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .html import alternate_links, parse, switcher_entries

pytestmark = pytest.mark.django_db

NAMES = dict(settings.LANGUAGES)


@pytest.fixture
def partner_page(standard_page, translate):
    """The "How to partner" page in English, French and Arabic, each under its own slug;
    a Spanish translation exists as a draft only, Russian and Chinese not at all."""
    home = standard_page.get_parent().specific
    for code in ("fr", "es", "ar"):
        translate(home, code)
    return {
        "en": standard_page,
        "fr": translate(standard_page, "fr", title="Devenir partenaire", slug="partenaire"),
        "ar": translate(standard_page, "ar", title="كيف تصبح شريكا", slug="sharik"),
        "es": translate(standard_page, "es", title="Cómo asociarse", slug="socio", live=False),
    }


def test_switcher_lists_the_live_translations_and_the_fallbacks(client, partner_page):
    soup = parse(client.get("/fr/partenaire/"))

    # A draft (Spanish) or missing (Russian, Chinese) translation: the fallback address.
    assert switcher_entries(soup) == [
        ("en", "English", "/en/how-to-partner/", False),
        ("fr", "Français", "/fr/partenaire/", True),
        ("es", "Español", "/es/how-to-partner/", False),
        ("ru", "Русский", "/ru/how-to-partner/", False),
        ("ar", "العربية", "/ar/sharik/", False),
        ("zh-hans", "中文", "/zh-hans/how-to-partner/", False),
    ]


def test_switcher_links_declare_their_language(client, partner_page):
    links = parse(client.get("/ar/sharik/")).select("nav.language-switcher a")

    assert [(link["lang"], link["hreflang"]) for link in links] == [(code, code) for code in NAMES]
    assert [link.get("aria-current") for link in links] == [None] * 4 + ["page", None]


def test_hreflang_alternates_are_the_live_translations_and_x_default(client, partner_page):
    soup = parse(client.get("/en/how-to-partner/"))

    assert alternate_links(soup) == {
        "en": "http://testserver/en/how-to-partner/",
        "fr": "http://testserver/fr/partenaire/",
        "ar": "http://testserver/ar/sharik/",
        "x-default": "http://testserver/en/how-to-partner/",
    }
    assert (
        soup.select_one('link[rel="canonical"]')["href"] == "http://testserver/en/how-to-partner/"
    )


def test_unpublished_translation_disappears_from_switcher_and_hreflang(client, partner_page):
    partner_page["fr"].unpublish()

    soup = parse(client.get("/en/how-to-partner/"))

    entries = {code: url for code, _name, url, _current in switcher_entries(soup)}
    assert entries["fr"] == "/fr/how-to-partner/"
    assert set(alternate_links(soup)) == {"en", "ar", "x-default"}


def test_page_without_translations_is_offered_in_every_language(client, standard_page):
    soup = parse(client.get("/en/how-to-partner/"))

    assert switcher_entries(soup) == [
        (code, name, f"/{code}/how-to-partner/", code == "en") for code, name in NAMES.items()
    ]
    assert alternate_links(soup) == {
        "en": "http://testserver/en/how-to-partner/",
        "x-default": "http://testserver/en/how-to-partner/",
    }


def test_home_switcher_names_every_language_in_its_own_language(client, translated_home):
    soup = parse(client.get("/zh-hans/"))

    entries = switcher_entries(soup)
    assert [(code, name) for code, name, _url, _current in entries] == list(settings.LANGUAGES)
    assert [url for _code, _name, url, _current in entries] == [f"/{code}/" for code in NAMES]
    assert [code for code, _name, _url, current in entries if current] == ["zh-hans"]


def test_header_links_to_the_home_page_of_the_page_language(client, partner_page):
    soup = parse(client.get("/ar/sharik/"))

    assert soup.select_one("a.brand")["href"] == "/ar/"


def test_translations_are_fetched_in_one_query(client, home_page, translate):
    """Rendering a page costs the same number of queries whatever its number of
    translations: no query per language."""
    translate(home_page, "fr")

    def queries_for(path):
        client.get(path)  # warm Wagtail's caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    with_two_languages = queries_for("/en/")
    for code in ("es", "ru", "ar", "zh-hans"):
        translate(home_page, code)
    with_six_languages = queries_for("/en/")

    assert len(switcher_entries(parse(client.get("/en/")))) == 6
    assert with_six_languages == with_two_languages

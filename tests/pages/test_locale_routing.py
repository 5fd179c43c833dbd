"""Each language has its own address (/en/, /fr/, ... /zh-hans/), `/` sends visitors to
their browser's language, and every page says which language and direction it is in."""

import pytest

from .html import languages, parse

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_language_home_is_served_in_its_language(client, translated_home, code):
    response = client.get(f"/{code}/")

    assert response.status_code == 200
    soup = parse(response)
    html = soup.html
    assert html["lang"] == code
    assert html["dir"] == ("rtl" if code == "ar" else "ltr")
    assert soup.h1.get_text(strip=True) == translated_home[code].title


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("fr-FR,fr;q=0.9,en;q=0.8", "/fr/"),
        ("es-419,es;q=0.9", "/es/"),
        ("ru-RU,ru;q=0.9", "/ru/"),
        ("ar-EG,ar;q=0.9,en;q=0.5", "/ar/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("en-GB,en;q=0.9", "/en/"),
        # Languages the site does not offer, or none at all: English.
        ("de-DE,de;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_browser_language(client, translated_home, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})

    assert response.status_code == 302
    assert response["Location"] == expected
    assert client.get(expected).status_code == 200


def test_root_redirect_prefers_the_language_chosen_earlier(client, translated_home, settings):
    # set_language (or a visitor's earlier choice) stores the language in a cookie, which
    # wins over the browser's preferences.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"

    response = client.get("/", headers={"accept-language": "fr"})

    assert response["Location"] == "/ar/"


def test_untranslated_language_serves_the_english_page_in_english(client, home_page, translate):
    # A draft French translation is not shown: /fr/ falls back to the English home page,
    # in a French site: the content says it is English, left to right.
    translate(home_page, "fr", title="Partenariats", live=False)
    translate(home_page, "ar", title="شراكات")

    response = client.get("/fr/")

    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == home_page.title
    assert languages(soup) == ("fr", ("en", "ltr"))


def test_translated_page_is_served_at_its_own_slug(client, standard_page, translate):
    translate(standard_page.get_parent().specific, "fr", title="Accueil")
    french = translate(standard_page, "fr", title="Devenir partenaire", slug="devenir-partenaire")

    response = client.get("/fr/devenir-partenaire/")

    assert response.status_code == 200
    assert parse(response).h1.get_text(strip=True) == french.title
    assert client.get("/en/how-to-partner/").status_code == 200

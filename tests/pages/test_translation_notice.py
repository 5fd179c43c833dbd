"""A page not yet translated into the visitor's language is shown in English, with a notice
in the visitor's language (and direction) saying so: never a dead end."""

import pytest

from .html import languages, parse

pytestmark = pytest.mark.django_db


def notice(response):
    return parse(response).select_one(".translation-notice")


def test_untranslated_page_shows_a_french_notice_on_the_french_address(client, standard_page):
    response = client.get("/fr/how-to-partner/")

    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(strip=True) == standard_page.title
    # The page stays English, in a French site, under a French notice.
    assert languages(soup) == ("fr", ("en", "ltr"))
    box = soup.select_one("main .translation-notice")
    assert (box["lang"], box["dir"]) == ("fr", "ltr")
    assert box.get_text(strip=True) == (
        "Cette page n’est pas encore disponible dans votre langue (Français)\u202f; "
        "elle est affichée en version originale (Anglais)."
    )


def test_untranslated_page_shows_an_arabic_notice_right_to_left(client, standard_page):
    response = client.get("/ar/how-to-partner/")

    soup = parse(response)
    assert languages(soup) == ("ar", ("en", "ltr"))
    assert soup.html["dir"] == "rtl"
    box = soup.select_one("main .translation-notice")
    assert (box["lang"], box["dir"]) == ("ar", "rtl")
    assert box.get_text(strip=True) == (
        "هذه الصفحة غير متاحة بعد بلغتك (العربية)؛ وهي معروضة بلغتها الأصلية (الإنكليزية)."
    )


def test_draft_translation_still_shows_the_notice(client, home_page, translate):
    translate(home_page, "ru", title="Партнёрства", live=False)

    box = notice(client.get("/ru/"))

    assert box is not None
    assert box["lang"] == "ru"
    assert "(Русский)" in box.get_text()


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_no_notice_when_the_page_is_in_the_visitors_language(client, translated_home, code):
    response = client.get(f"/{code}/")

    assert response.status_code == 200
    assert notice(response) is None

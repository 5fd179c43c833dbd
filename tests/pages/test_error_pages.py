"""Error pages speak the visitor's language: a missing page under /fr/ answers in French,
and the server-error page needs nothing but static files."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from .html import alternate_links, parse, switcher_entries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("code", "direction"), [("fr", "ltr"), ("ar", "rtl"), ("zh-hans", "ltr")])
def test_missing_page_answers_404_in_the_language_of_its_address(
    client, translated_home, code, direction
):
    response = client.get(f"/{code}/no-such-page/")

    assert response.status_code == 404
    soup = parse(response)
    assert soup.html["lang"] == code
    assert soup.html["dir"] == direction
    assert soup.select_one("a.brand")["href"] == f"/{code}/"
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"


def test_404_offers_the_home_page_of_each_published_language(client, home_page, translate):
    translate(home_page, "fr")
    translate(home_page, "ar")
    translate(home_page, "es", live=False)

    soup = parse(client.get("/fr/no-such-page/"))

    assert switcher_entries(soup) == [
        ("en", "English", "/en/", False),
        ("fr", "Français", "/fr/", True),
        ("ar", "العربية", "/ar/", False),
    ]
    # The home pages are not alternates of a missing page.
    assert alternate_links(soup) == {}


def test_address_without_language_is_redirected_then_answers_404(client, translated_home):
    response = client.get("/no-such-page/", headers={"accept-language": "ru"})

    assert response.status_code == 302
    assert response["Location"] == "/ru/no-such-page/"
    assert client.get(response["Location"]).status_code == 404


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_server_error_page_renders_without_a_request_context(code, direction):
    request = RequestFactory().get(f"/{code}/")

    with translation.override(code):
        response = server_error(request)

    assert response.status_code == 500
    soup = parse(response)
    assert soup.html["lang"] == code
    assert soup.html["dir"] == direction
    assert soup.select_one('link[rel="stylesheet"]')["href"] == "/static/css/site.css"
    assert soup.h1.get_text(strip=True)

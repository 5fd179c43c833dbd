"""Search engines find every public page in every language through /sitemap.xml, an index
of one sitemap per language, and learn each page's translations from it; drafts, unpublished
translations and private pages are never listed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.pages.models import StandardPage

from .conftest import LANGUAGE_CODES, add_page, translate
from .xml import sitemap_index, sitemap_lastmods, sitemap_urls

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
RESTRICTIONS = [
    PageViewRestriction.PASSWORD,
    PageViewRestriction.LOGIN,
    PageViewRestriction.GROUPS,
]


def test_sitemap_index_lists_one_sitemap_per_language(client, tree):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert sitemap_index(response) == [f"{BASE}/sitemap-{code}.xml" for code in LANGUAGE_CODES]


def test_language_whose_home_page_is_a_draft_has_no_sitemap(client, tree):
    tree["ru"]["home"].unpublish()

    assert f"{BASE}/sitemap-ru.xml" not in sitemap_index(client.get("/sitemap.xml"))
    assert client.get("/sitemap-ru.xml").status_code == 404
    assert client.get("/sitemap-xx.xml").status_code == 404


def test_english_sitemap_lists_exactly_the_public_english_pages(client, tree):
    urls = sitemap_urls(client.get("/sitemap-en.xml"))

    assert set(urls) == {
        f"{BASE}/en/",
        f"{BASE}/en/how-to-partner/",
        f"{BASE}/en/about/",
        f"{BASE}/en/opportunities/",
        f"{BASE}/en/opportunities/water/",
        f"{BASE}/en/opportunities/schools/",
        f"{BASE}/en/opportunities/clinics/",
        f"{BASE}/en/open-data/",
    }


def test_each_language_sitemap_lists_the_pages_of_that_language(client, tree):
    assert set(sitemap_urls(client.get("/sitemap-fr.xml"))) == {
        f"{BASE}/fr/",
        f"{BASE}/fr/partenaire/",
        f"{BASE}/fr/opportunites/",
        f"{BASE}/fr/opportunites/water/",
        f"{BASE}/fr/opportunites/clinics/",
        f"{BASE}/fr/open-data/",
    }
    assert set(sitemap_urls(client.get("/sitemap-ar.xml"))) == {
        f"{BASE}/ar/",
        f"{BASE}/ar/sharik/",
        f"{BASE}/ar/open-data/",
    }
    # The Spanish translation of "How to partner" is a draft.
    assert set(sitemap_urls(client.get("/sitemap-es.xml"))) == {
        f"{BASE}/es/",
        f"{BASE}/es/open-data/",
    }
    assert set(sitemap_urls(client.get("/sitemap-zh-hans.xml"))) == {
        f"{BASE}/zh-hans/",
        f"{BASE}/zh-hans/open-data/",
    }


def test_alternates_are_the_live_translations_with_x_default(client, tree):
    english = sitemap_urls(client.get("/sitemap-en.xml"))
    arabic = sitemap_urls(client.get("/sitemap-ar.xml"))

    expected = {
        "en": f"{BASE}/en/how-to-partner/",
        "fr": f"{BASE}/fr/partenaire/",
        "ar": f"{BASE}/ar/sharik/",
        "x-default": f"{BASE}/en/how-to-partner/",
    }
    assert english[f"{BASE}/en/how-to-partner/"] == expected
    assert arabic[f"{BASE}/ar/sharik/"] == expected
    assert english[f"{BASE}/en/about/"] == {
        "en": f"{BASE}/en/about/",
        "x-default": f"{BASE}/en/about/",
    }
    assert set(english[f"{BASE}/en/"]) == {*LANGUAGE_CODES, "x-default"}


def test_every_page_has_its_last_publication_date(client, tree):
    lastmods = sitemap_lastmods(client.get("/sitemap-fr.xml"))

    assert lastmods[f"{BASE}/fr/opportunites/water/"] == "2026-01-12"
    # Every page has one; the open-data page, a view and not a page, has none to give.
    assert all(lastmod for url, lastmod in lastmods.items() if not url.endswith("/open-data/"))


def test_draft_and_unpublished_pages_are_absent(client, tree):
    tree["fr"]["partner"].unpublish()

    english = sitemap_urls(client.get("/sitemap-en.xml"))
    french = sitemap_urls(client.get("/sitemap-fr.xml"))

    assert f"{BASE}/en/coming-soon/" not in english
    assert f"{BASE}/fr/partenaire/" not in french
    assert "fr" not in english[f"{BASE}/en/how-to-partner/"]


@pytest.mark.parametrize("kind", RESTRICTIONS)
def test_private_pages_and_their_children_are_absent(client, tree, restrict, kind):
    members = add_page(tree["en"]["home"], StandardPage(title="Members", slug="members"))
    add_page(members, StandardPage(title="Members' news", slug="news"))
    restrict(members, kind)
    restrict(tree["fr"]["partner"], kind)

    english = sitemap_urls(client.get("/sitemap-en.xml"))
    french = sitemap_urls(client.get("/sitemap-fr.xml"))

    assert f"{BASE}/en/members/" not in english
    assert f"{BASE}/en/members/news/" not in english
    assert f"{BASE}/fr/partenaire/" not in french
    # Nor is a private translation given as an alternate of a public page.
    assert set(english[f"{BASE}/en/how-to-partner/"]) == {"en", "ar", "x-default"}


def test_restricting_a_language_home_page_hides_that_language(client, tree, restrict):
    restrict(tree["fr"]["home"], PageViewRestriction.LOGIN)

    assert sitemap_urls(client.get("/sitemap-fr.xml")) == {}
    english = sitemap_urls(client.get("/sitemap-en.xml"))
    assert "fr" not in english[f"{BASE}/en/how-to-partner/"]


def test_sitemap_costs_the_same_queries_whatever_the_number_of_pages(client, tree):
    """No query per page, nor per translation: the alternates of all pages come at once."""

    def add_translated_pages(start, count):
        for number in range(start, start + count):
            page = add_page(
                tree["en"]["home"], StandardPage(title=f"Topic {number}", slug=f"topic-{number}")
            )
            translate(page, "fr")
            translate(page, "ar")

    def queries_for(path):
        client.get(path)  # warm Wagtail's caches (site root paths)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        assert response.status_code == 200
        return len(captured), len(sitemap_urls(response))

    add_translated_pages(0, 2)
    few_queries, few_urls = queries_for("/sitemap-en.xml")
    add_translated_pages(2, 8)
    many_queries, many_urls = queries_for("/sitemap-en.xml")

    assert many_urls == few_urls + 8
    assert many_queries == few_queries


def test_pages_may_add_their_own_addresses(client, tree, monkeypatch):
    """A page type that lists sub-pages of its own through Wagtail's get_sitemap_urls (the
    partner directory's profiles) gets them into the sitemap, on the sitemap's host."""

    def get_sitemap_urls(self, request=None):
        own = {"location": self.get_full_url(request), "lastmod": self.last_published_at}
        if self.slug != "about":
            return [own]
        return [own, {"location": self.get_full_url(request) + "team/", "lastmod": None}]

    monkeypatch.setattr(StandardPage, "get_sitemap_urls", get_sitemap_urls)

    urls = sitemap_urls(client.get("/sitemap-en.xml"))

    assert f"{BASE}/en/about/team/" in urls
    assert list(urls).count(f"{BASE}/en/about/") == 1
    assert f"{BASE}/en/about/" in urls


def test_robots_txt_announces_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, db):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines

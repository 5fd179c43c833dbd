"""Agreement pages are found from where agreements are listed: a partner's profile (its
public agreements), the list of agreements of the statistics page (with the value in US
dollars beside an amount in another currency), the open-data page and the site footer (the
JSON API); and the sitemap of every language lists every public agreement's page."""

import pytest

from cms.reports.models import StatisticsPage
from tests.module_records import from_records
from tests.pages.directory import data
from tests.pages.html import parse
from tests.publishing.seo.xml import sitemap_urls

from .fixtures import CONFIDENTIAL, REFERENCE, make_agreement_site

BASE = "http://testserver"


def build():
    site = make_agreement_site()
    statistics = StatisticsPage(title="Statistics", slug="statistics")
    site["homes"]["en"].add_child(instance=statistics)
    statistics.save_revision().publish()
    statistics.refresh_from_db()
    site["statistics"] = statistics
    site["statistics_fr"] = data.translate_page(statistics, "fr", title="Statistiques")
    return site


@pytest.fixture(scope="module")
def built_once():
    return build


statistics = from_records("statistics")
statistics_fr = from_records("statistics_fr")


def test_a_partners_profile_links_its_public_agreements(client, main, korea):
    soup = parse(client.get(f"/fr/partners/{korea.pk}/government-of-the-republic-of-korea/"))

    links = {a.get_text(): a["href"] for a in soup.select(".partner-agreements__reference a")}
    assert links == {
        REFERENCE: f"/fr/agreements/{REFERENCE}/",
        "KOR-2017-0043": "/fr/agreements/KOR-2017-0043/",
    }
    assert CONFIDENTIAL not in soup.get_text()


def test_the_list_of_agreements_links_them_and_shows_usd_beside_other_currencies(
    client, main, statistics_fr
):
    url = statistics_fr.get_url() + "agreements/?start=2016&end=2017"
    soup = parse(client.get(url))

    row = soup.find("a", string=REFERENCE).find_parent("tr")
    assert row.find("a")["href"] == f"/fr/agreements/{REFERENCE}/"
    amount = row.select_one(".agreement-table__amount").get_text(" ", strip=True)
    assert amount.replace("\xa0", " ").replace("\u202f", " ") == "249 000 000 KRW (214 389 USD)"
    # An amount in US dollars is not repeated.
    addendum = soup.find("a", string="KOR-2017-0043").find_parent("tr")
    usd = addendum.select_one(".agreement-table__amount").get_text(" ", strip=True)
    assert usd.replace("\xa0", " ").replace("\u202f", " ") == "50 000 USD"
    assert CONFIDENTIAL not in soup.get_text()


def test_the_statistics_breadcrumbs_lead_back_to_the_list(client, main, statistics_fr):
    soup = parse(client.get(f"/fr/agreements/{REFERENCE}/"))

    crumbs = [(a.get_text(), a["href"]) for a in soup.select(".breadcrumbs a")]
    assert crumbs == [
        ("Home [fr]", "/fr/"),
        ("Statistiques", statistics_fr.get_url()),
        ("Liste des accords", statistics_fr.get_url() + "agreements/"),
    ]


def test_the_open_data_page_and_the_footer_link_the_api(client, main):
    soup = parse(client.get("/fr/open-data/"))

    api = soup.select_one("#open-data-api")
    assert api.h2.get_text() == "API JSON"
    hrefs = [a["href"] for a in api.select("a")]
    assert f"{BASE}/api/v1/agreements/?lang=fr" in hrefs
    assert f"{BASE}/api/v1/openapi.json" in hrefs
    footer = soup.select_one("footer.site-footer")
    assert footer.find("a", string="API JSON")["href"] == "/fr/open-data/#open-data-api"
    assert client.get(f"{BASE}/api/v1/agreements/?lang=fr").status_code == 200


@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh-hans"])
def test_every_public_agreement_is_in_every_languages_sitemap(client, main, language):
    urls = sitemap_urls(client.get(f"/sitemap-{language}.xml"))

    agreements = {url for url in urls if "/agreements/" in url and "/statistics" not in url}
    assert agreements == {
        f"{BASE}/{language}/agreements/{reference}/"
        for reference in (REFERENCE, "KOR-2017-0043", "AUS-2016-001", "AUS-2017-002")
    }
    alternates = urls[f"{BASE}/{language}/agreements/{REFERENCE}/"]
    assert alternates["x-default"] == f"{BASE}/en/agreements/{REFERENCE}/"
    assert set(alternates) == {"en", "fr", "ar", "zh-hans", "x-default"}
    assert not any(CONFIDENTIAL in url or "CONF-" in url for url in urls)


def test_an_agreement_made_confidential_leaves_the_sitemap(client, main):
    assert f"{BASE}/en/agreements/{REFERENCE}/" in sitemap_urls(client.get("/sitemap-en.xml"))
    main.is_confidential = True
    main.save()

    assert f"{BASE}/en/agreements/{REFERENCE}/" not in sitemap_urls(client.get("/sitemap-en.xml"))

"""The sitemaps list every public address a search engine should find, not only the pages:
each funding partner's profile (a route of the partner directory), the list of agreements of
the statistics page, the sponsors page and the open-data page, in every language, each with
the same address in the other languages; the site search is never listed. Their cost does
not grow with the number of partners."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.publishing.sitemaps import language_sitemap
from cms.reports.models import StatisticsPage
from cms.sponsorship.models import SponsorshipIndexPage
from tests.pages.directory import data
from tests.pages.directory.fixtures import _clear_cache, make_site  # noqa: F401 (fixture)
from tests.publishing.seo.xml import sitemap_urls
from tests.rollback import rolled_back

pytestmark = pytest.mark.django_db

BASE = "http://testserver"
#: The queries of a language's sitemap, warm: the public pages counted, their types, the pages
#: of each type (home, directory, statistics, sponsorship: 4), their public translations, the
#: funding partners for the profiles, the public home pages for the open-data page, and the
#: references of the public agreements for their pages.
PINNED_QUERIES = 10
DIRECTORY = {"en": "partners", "fr": "partenaires", "ar": "partners", "zh-hans": "partners"}


def publish_under(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def build():
    site = make_site()
    homes, vocab = site["homes"], site["vocab"]
    site["directories"]["fr"].slug = "partenaires"
    site["directories"]["fr"].save_revision().publish()
    statistics = publish_under(homes["en"], StatisticsPage(title="Statistics", slug="statistics"))
    sponsorship = publish_under(
        homes["en"], SponsorshipIndexPage(title="Sponsorship", slug="sponsorship")
    )
    for code in ("fr", "ar"):
        data.translate_page(statistics, code)
        data.translate_page(sponsorship, code)
    partners = [
        data.make_partner(vocab, "Government of Kenya"),
        data.make_partner(vocab, "Gates Foundation", kind="foundation"),
    ]
    hidden = data.make_partner(vocab, "Acme Supplies", kind="company", is_funding_partner=False)
    return {"homes": homes, "vocab": vocab, "partners": partners, "hidden": hidden}


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def site(built, db):
    return built


def profile(code, partner, slug):
    return f"{BASE}/{code}/{DIRECTORY[code]}/{partner.pk}/{slug}/"


def test_every_funding_partners_profile_is_listed_in_every_language(client, site):
    kenya, gates = site["partners"]
    for code in ("en", "fr", "ar", "zh-hans"):
        urls = sitemap_urls(client.get(f"/sitemap-{code}.xml"))
        assert profile(code, kenya, "government-of-kenya") in urls
        assert profile(code, gates, "gates-foundation") in urls
        assert not any(f"/{site['hidden'].pk}/" in url for url in urls), code

    # Each profile names its address in the other languages, the same partner in each.
    alternates = sitemap_urls(client.get("/sitemap-fr.xml"))[
        profile("fr", kenya, "government-of-kenya")
    ]
    assert alternates == {
        "en": profile("en", kenya, "government-of-kenya"),
        "fr": profile("fr", kenya, "government-of-kenya"),
        "ar": profile("ar", kenya, "government-of-kenya"),
        "zh-hans": profile("zh-hans", kenya, "government-of-kenya"),
        "x-default": profile("en", kenya, "government-of-kenya"),
    }
    # The profiles listed are pages a visitor can open.
    response = client.get(profile("en", kenya, "government-of-kenya").removeprefix(BASE))
    assert response.status_code == 200


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_lists_sponsors_and_open_data_are_listed(client, site, code):
    urls = sitemap_urls(client.get(f"/sitemap-{code}.xml"))
    for path in ("statistics/agreements/", "sponsorship/sponsors/", "open-data/"):
        url = f"{BASE}/{code}/{path}"
        assert url in urls, url
        assert set(urls[url]) == {"en", "fr", "ar", "zh-hans", "x-default"} - (
            {"zh-hans"} if path != "open-data/" else set()
        )
        assert client.get(url.removeprefix(BASE)).status_code == 200
    # The site search is kept from search engines.
    assert not any("/search/" in url for url in urls)


def test_a_new_partner_is_listed_at_once(client, site):
    before = sitemap_urls(client.get("/sitemap-en.xml"))
    newcomer = data.make_partner(site["vocab"], "Government of Norway")
    after = sitemap_urls(client.get("/sitemap-en.xml"))
    assert profile("en", newcomer, "government-of-norway") in after
    assert len(after) == len(before) + 1


def test_queries_do_not_grow_with_the_number_of_partners(rf, site):
    """The sitemap view itself (the page cache in front of it would answer without any)."""

    def queries_for(code):
        language_sitemap(rf.get(f"/sitemap-{code}.xml"), section=code).render()  # warm
        with CaptureQueriesContext(connection) as captured:
            response = language_sitemap(rf.get(f"/sitemap-{code}.xml"), section=code)
            response.render()
        return len(captured), len(sitemap_urls(response))

    few_queries, few_urls = queries_for("en")
    for number in range(20):
        data.make_partner(site["vocab"], f"Foundation number {number}", kind="foundation")
    many_queries, many_urls = queries_for("en")

    assert many_urls == few_urls + 20
    assert many_queries == few_queries == PINNED_QUERIES

"""The anonymous page cache shows every change on the next visit, in every language
concerned, and keeps the pages the change does not touch (cms/core/page_cache,
cms/publishing/page_cache.py).

Each visit is a new client without cookies, as a new anonymous visitor; `X-Cache` says
whether the page came from the cache.

The site is built once for the module (`make_cached_site`); each test makes its own change in
a savepoint of its own, from fresh copies of the records, with an empty cache.
"""

import datetime
import re
from decimal import Decimal

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from cms.core.page_cache import HIT_HEADER
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pages.models import StandardPage
from cms.publishing.page_cache import changes_in_bulk
from cms.snippets.models import Agreement, Recognition
from tests.pages.directory import data
from tests.pages.directory.fixtures import (  # noqa: F401 (fixtures)
    built_records,
    from_records,
    make_site_with_australia,
    records,
)

pytestmark = pytest.mark.django_db


def visit(url):
    """A new anonymous visitor's GET (no cookie), which must succeed."""
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


#: The Content-Security-Policy nonce and the signed moment a form was shown: new in every
#: response, a cached one included.
PER_RESPONSE = re.compile(r'nonce="[^"]*"|name="shown_at" value="[^"]*"')


def cached(url):
    """Visit twice; the second visit must come from the cache. Its text."""
    first = visit(url)
    second = visit(url)
    assert second[HIT_HEADER] == "hit", url
    assert PER_RESPONSE.sub("", second.content.decode()) == PER_RESPONSE.sub(
        "", first.content.decode()
    )
    return second.content.decode()


def is_hit(url):
    return visit(url)[HIT_HEADER] == "hit"


def make_cached_site():
    """Home pages, directories, an opportunity index and an opportunity in English, French
    and Arabic, and an unrelated content page (English only); the vocabularies and the
    Government of Australia (`make_site_with_australia`)."""
    built = make_site_with_australia()
    homes, directories = built["homes"], built["directories"]
    index = data.publish(homes["en"], OpportunityIndexPageFactory, title="Opportunities")
    opportunity = data.publish(
        index, OpportunityPageFactory, title="Smart villages in the Sahel", slug="smart-villages"
    )
    pages = {"index": {"en": index}, "opportunity": {"en": opportunity}}
    for code in ("fr", "ar"):
        pages["index"][code] = data.translate_page(index, code, title=f"Opportunities [{code}]")
        pages["opportunity"][code] = data.translate_page(
            opportunity, code, title=f"Smart villages [{code}]"
        )
    about = StandardPage(title="About the Bureau", slug="about")
    homes["en"].add_child(instance=about)
    about.save_revision().publish()
    pages["about"] = {"en": about}
    pages["directory"] = directories
    pages["home"] = homes
    built["pages"] = pages
    return built


@pytest.fixture(scope="module")
def built_once():
    """Every test starts from the same site: built once for the module (2.5 s a test on
    PostgreSQL when each test built its own)."""
    return make_cached_site


vocab = from_records("vocab")
homes = from_records("homes")
australia = from_records("australia")
site = from_records("pages")


def url(page):
    return page.url


def test_a_published_change_shows_in_its_language_and_in_the_others_switchers(site):
    english = site["opportunity"]["en"]
    urls = [url(site["opportunity"][code]) for code in ("en", "fr", "ar")]
    for address in urls:
        cached(address)
    unrelated = url(site["about"]["en"])
    cached(unrelated)

    english.title = "Smart villages of the Sahel and the Sahara"
    english.save_revision().publish()

    assert "Smart villages of the Sahel and the Sahara" in visit(urls[0]).content.decode()
    for address in urls[1:]:
        # The French and Arabic pages were built again (their hreflang and switcher name
        # the English address, which could have changed with its slug).
        assert visit(address)[HIT_HEADER] == "miss"
    assert is_hit(unrelated)


def test_a_new_translation_shows_in_the_switcher_of_every_language(site):
    about = site["about"]["en"]
    assert "/fr/a-propos/" not in cached(url(about))
    others = [url(site["directory"][code]) for code in ("fr", "ar")]
    for address in others:
        cached(address)

    french = data.translate_page(about, "fr", title="À propos du Bureau", slug="a-propos")

    english_page = visit(url(about)).content.decode()
    assert french.url in english_page  # the switcher and hreflang name the French page
    assert "À propos du Bureau" in visit(french.url).content.decode()
    for address in others:
        assert is_hit(address)  # the directories show nothing of it


def test_an_unpublished_page_is_gone_from_its_address_and_from_the_listings(site):
    opportunity = site["opportunity"]["en"]
    index_urls = [url(site["index"][code]) for code in ("en", "fr")]
    assert "Smart villages in the Sahel" in cached(index_urls[0])
    cached(index_urls[1])
    cached(url(opportunity))
    unrelated = url(site["directory"]["fr"])
    cached(unrelated)

    opportunity.unpublish()

    assert Client().get(url(opportunity)).status_code == 404
    assert "Smart villages in the Sahel" not in visit(index_urls[0]).content.decode()
    assert visit(index_urls[1])[HIT_HEADER] == "miss"
    assert is_hit(unrelated)


def test_a_moved_page_answers_at_its_new_address_and_leaves_its_old_one(site, homes):
    about = site["about"]["en"]
    old_url = url(about)
    cached(old_url)
    parent = StandardPage(title="Who we are", slug="who-we-are")
    homes["en"].add_child(instance=parent)
    parent.save_revision().publish()

    about.move(parent, pos="last-child")
    about.refresh_from_db()

    assert about.url == "/en/who-we-are/about/"
    assert "About the Bureau" in visit(about.url).content.decode()
    # The old address is no longer the page: Wagtail's redirect to the new one.
    old = Client().get(old_url)
    assert old.status_code == 301
    assert old["Location"].endswith("/en/who-we-are/about/")


def test_a_deleted_page_is_gone_and_the_menu_of_every_page_follows(site, homes):
    about = site["about"]["en"]
    about.show_in_menus = True
    about.save_revision().publish()
    home_url = url(homes["en"])
    assert about.url in cached(home_url)
    cached(about.url)

    about.delete()

    assert Client().get("/en/about/").status_code == 404
    assert 'href="/en/about/"' not in visit(home_url).content.decode()


def test_a_partner_renamed_shows_in_the_directory_and_the_profile_in_every_language(
    site, australia
):
    directory = {code: url(site["directory"][code]) for code in ("en", "fr", "ar")}
    for address in directory.values():
        cached(address)
    unrelated = url(site["opportunity"]["fr"])
    cached(unrelated)

    australia.name = "Commonwealth of Australia"
    australia.save()

    assert "Commonwealth of Australia" in visit(directory["en"]).content.decode()
    # The French directory shows the French name, the Arabic one the English record.
    assert "Commonwealth of Australia" in visit(directory["ar"]).content.decode()
    assert visit(directory["fr"])[HIT_HEADER] == "miss"
    assert is_hit(unrelated)


def test_a_vocabulary_term_renamed_shows_on_the_opportunity_pages(site, vocab):
    opportunity = site["opportunity"]["en"]
    opportunity.thematic_areas.create(area=vocab.areas["cybersecurity"])
    opportunity.save_revision().publish()
    address = url(opportunity)
    assert "Cybersecurity" in cached(address)

    area = vocab.areas["cybersecurity"]
    area.name = "Cybersecurity and trust"
    area.save()

    assert "Cybersecurity and trust" in visit(address).content.decode()


def test_an_agreement_s_value_shows_in_the_home_figures(site, australia, vocab, homes):
    data.add_public_agreement(
        australia, vocab, 7, signature_date=datetime.date(2016, 5, 1), amount=Decimal("1000")
    )
    home_urls = [url(homes[code]) for code in ("en", "fr", "ar")]
    before = {address: cached(address) for address in home_urls}
    unrelated = url(site["about"]["en"])
    cached(unrelated)

    agreement = Agreement.objects.get(reference=f"PUB-{australia.pk}-007")
    agreement.amount_usd = Decimal("1000000000")  # a billion dollars more
    agreement.save()

    for address in home_urls:
        after = visit(address)
        assert after[HIT_HEADER] == "miss"
        assert after.content.decode() != before[address]
    assert is_hit(unrelated)


def test_a_view_restriction_takes_the_page_out_of_the_cache_and_the_listings(site):
    opportunity = site["opportunity"]["en"]
    index = url(site["index"]["en"])
    assert "Smart villages in the Sahel" in cached(index)
    cached(url(opportunity))

    PageViewRestriction.objects.create(
        page=opportunity, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )

    assert "Smart villages in the Sahel" not in visit(index).content.decode()
    shown = Client().get(url(opportunity))
    assert HIT_HEADER not in shown  # the password form is never kept
    assert "Smart villages in the Sahel" not in shown.content.decode()


def test_a_recognition_changed_shows_on_the_partner_profile(site, australia):
    profile = site["directory"]["fr"].url + f"{australia.pk}/"
    profile = Client().get(profile, follow=True).redirect_chain[-1][0]
    cached(profile)
    recognition = Recognition.objects.get(partner=australia, locale__language_code="en")
    recognition.award_title = "Partner of the decade"
    recognition.save()

    assert visit(profile)[HIT_HEADER] == "miss"


def test_the_home_figures_follow_the_archive_by_themselves(australia, vocab):
    """The figures keep a cached value of their own (used by the home page whether it comes
    from the page cache or not): it follows the same versions."""
    from cms.reports.home_figures import key_figures

    agreement = data.add_public_agreement(
        australia, vocab, 8, signature_date=datetime.date(2016, 5, 1), amount=Decimal("1000")
    )
    before = key_figures()["value_usd"]
    assert key_figures()["value_usd"] == before

    agreement.amount_usd = (agreement.amount_usd or Decimal("0")) + Decimal("1000000000")
    agreement.save()

    assert key_figures()["value_usd"] - before == Decimal("1000000000")


def test_the_feed_and_the_sitemap_show_a_new_opportunity(site):
    feed = "/feeds/en/opportunities.xml"
    sitemap = "/sitemap-en.xml"
    cached(feed)
    cached(sitemap)

    new = data.publish(
        site["index"]["en"], OpportunityPageFactory, title="Solar schools", slug="solar-schools"
    )

    assert "Solar schools" in visit(feed).content.decode()
    assert f"http://testserver{new.url}" in visit(sitemap).content.decode()


def test_changes_in_bulk_show_everywhere_once_the_bulk_ends(site, australia, homes):
    """A loader's changes (cms.publishing.page_cache.changes_in_bulk) invalidate nothing row
    by row, and everything at the end: the pages and the cached values they show."""
    directory = url(site["directory"]["en"])
    opportunity = url(site["opportunity"]["fr"])
    home = url(homes["en"])
    for address in (directory, opportunity, home):
        cached(address)

    with changes_in_bulk():
        australia.name = "Commonwealth of Australia"
        australia.save()
        page = site["opportunity"]["fr"]
        page.title = "Villages intelligents du Sahel"
        page.save_revision().publish()
        # Inside the block, nothing was invalidated row by row.
        assert is_hit(directory)
        assert is_hit(opportunity)

    assert "Commonwealth of Australia" in visit(directory).content.decode()
    assert "Villages intelligents du Sahel" in visit(opportunity).content.decode()
    assert visit(home)[HIT_HEADER] == "miss"

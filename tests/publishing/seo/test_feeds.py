"""Partners follow new opportunities in their language with a feed reader: one Atom feed per
language, newest first, announced in the <head> of the pages of that language."""

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from cms.publishing.seo.meta import feed_title
from tests.pages.html import parse as parse_html

from .conftest import add_page, opportunity, published_on
from .xml import NAMESPACES, feed_entries, parse

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def test_feed_lists_the_opportunities_of_its_language_newest_first(client, tree):
    response = client.get("/feeds/en/opportunities.xml")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert feed_entries(response) == [
        ("Connected clinics", f"{BASE}/en/opportunities/clinics/"),
        ("Connected schools", f"{BASE}/en/opportunities/schools/"),
        ("Clean water", f"{BASE}/en/opportunities/water/"),
    ]


def test_each_language_has_its_own_feed(client, tree):
    # French "water" was published after French "clinics", whatever the English order.
    assert feed_entries(client.get("/feeds/fr/opportunities.xml")) == [
        ("Eau potable", f"{BASE}/fr/opportunites/water/"),
        ("Cliniques connectées", f"{BASE}/fr/opportunites/clinics/"),
    ]
    assert feed_entries(client.get("/feeds/ar/opportunities.xml")) == []


def test_feed_speaks_its_language(client, tree):
    feed = parse(client.get("/feeds/fr/opportunities.xml"))

    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    with translation.override("fr"):
        assert feed.findtext("atom:title", namespaces=NAMESPACES) == feed_title("PartnerHub")
    # The feed leads to the opportunity index of its language.
    alternate = feed.find("atom:link[@rel='alternate']", NAMESPACES)
    assert alternate.get("href") == f"{BASE}/fr/opportunites/"


def test_entries_keep_their_identity_when_the_address_changes(client, tree):
    def entry_ids():
        feed = parse(client.get("/feeds/en/opportunities.xml"))
        return [
            entry.findtext("atom:id", namespaces=NAMESPACES)
            for entry in feed.findall("atom:entry", NAMESPACES)
        ]

    before = entry_ids()
    water = tree["en"]["water"]
    water.slug = "clean-water"
    water.save_revision().publish()

    assert entry_ids() == before
    assert before[-1] == f"tag:testserver,2026-01-03:page-{water.pk}"


def test_drafts_and_private_opportunities_are_absent(client, tree, restrict):
    index = tree["en"]["index"]
    add_page(index, opportunity("Draft idea", "draft-idea"), live=False)
    secret = published_on(add_page(index, opportunity("Confidential", "confidential")), 20)
    restrict(secret, PageViewRestriction.LOGIN)
    tree["fr"]["water"].unpublish()

    assert [title for title, _link in feed_entries(client.get("/feeds/en/opportunities.xml"))] == [
        "Connected clinics",
        "Connected schools",
        "Clean water",
    ]
    assert [title for title, _link in feed_entries(client.get("/feeds/fr/opportunities.xml"))] == [
        "Cliniques connectées"
    ]


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]
)
def test_opportunities_under_a_private_index_are_absent(client, tree, restrict, kind):
    restrict(tree["fr"]["index"], kind)

    assert feed_entries(client.get("/feeds/fr/opportunities.xml")) == []
    assert len(feed_entries(client.get("/feeds/en/opportunities.xml"))) == 3


def test_feed_of_an_unknown_language_is_not_found(client, tree):
    assert client.get("/feeds/xx/opportunities.xml").status_code == 404


@pytest.mark.parametrize(
    ("path", "code"), [("/en/", "en"), ("/fr/opportunites/", "fr"), ("/ar/sharik/", "ar")]
)
def test_pages_announce_the_feed_of_their_language(client, tree, path, code):
    soup = parse_html(client.get(path))

    feeds = soup.select('link[rel="alternate"][type="application/atom+xml"]')
    assert [link["href"] for link in feeds] == [f"{BASE}/feeds/{code}/opportunities.xml"]
    assert feeds[0]["title"]


def test_feed_is_newest_first_across_many_opportunities(client, tree):
    index = tree["en"]["index"]
    for day in (11, 9, 13):
        published_on(add_page(index, opportunity(f"Day {day}", f"day-{day}")), day)

    titles = [title for title, _link in feed_entries(client.get("/feeds/en/opportunities.xml"))]

    assert titles[:3] == ["Day 13", "Day 11", "Day 9"]
    assert len(titles) == 6

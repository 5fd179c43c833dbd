"""Shared links look right and search engines understand each page: OpenGraph and Twitter
card meta, a canonical address, hreflang alternates and schema.org JSON-LD, which name only
the public language versions of a page."""

import json

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from cms.pages.models import OpportunityMaterial, StandardPage
from cms.publishing.seo.meta import _canonical_path, page_meta
from cms.snippets.models import Material
from tests.pages.html import alternate_links, parse

from .conftest import add_page

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


def og(soup):
    """{property: content} of the page's OpenGraph meta (og:locale:alternate as a list)."""
    found = {}
    for meta in soup.select('meta[property^="og:"]'):
        if meta["property"] == "og:locale:alternate":
            found.setdefault("og:locale:alternate", []).append(meta["content"])
        else:
            found[meta["property"]] = meta["content"]
    return found


def twitter(soup):
    """{name: content} of the page's Twitter card meta."""
    return {meta["name"]: meta["content"] for meta in soup.select('meta[name^="twitter:"]')}


def json_ld(soup):
    """The JSON-LD graph of the page, parsed as JSON."""
    scripts = soup.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def node(data, schema_type):
    """The node of `schema_type` in a JSON-LD graph."""
    return next(item for item in data["@graph"] if item["@type"] == schema_type)


def test_opengraph_describes_the_page_in_its_language(client, tree):
    soup = parse(client.get("/fr/partenaire/"))

    assert og(soup) == {
        "og:type": "article",
        "og:site_name": "PartnerHub",
        "og:title": "Devenir partenaire",
        "og:description": "How governments, agencies and companies partner with us.",
        "og:url": f"{BASE}/fr/partenaire/",
        "og:locale": "fr_FR",
        # Spanish is a draft: not announced.
        "og:locale:alternate": ["en_GB", "ar_AR"],
    }
    assert twitter(soup) == {
        "twitter:card": "summary",
        "twitter:title": "Devenir partenaire",
        "twitter:description": "How governments, agencies and companies partner with us.",
    }
    assert soup.select_one('link[rel="canonical"]')["href"] == f"{BASE}/fr/partenaire/"


@pytest.mark.parametrize(
    ("path", "locale"),
    [
        ("/en/", "en_GB"),
        ("/es/", "es_ES"),
        ("/ru/", "ru_RU"),
        ("/ar/", "ar_AR"),
        ("/zh-hans/", "zh_CN"),
    ],
)
def test_opengraph_locale_of_each_language(client, tree, path, locale):
    tags = og(parse(client.get(path)))

    assert tags["og:locale"] == locale
    assert tags["og:type"] == "website"
    assert len(tags["og:locale:alternate"]) == 5


@pytest.mark.parametrize(
    "kind", [PageViewRestriction.PASSWORD, PageViewRestriction.LOGIN, PageViewRestriction.GROUPS]
)
def test_private_translation_is_not_announced(client, tree, restrict, kind):
    restrict(tree["ar"]["partner"], kind)

    soup = parse(client.get("/en/how-to-partner/"))

    assert alternate_links(soup) == {
        "en": f"{BASE}/en/how-to-partner/",
        "fr": f"{BASE}/fr/partenaire/",
        "x-default": f"{BASE}/en/how-to-partner/",
    }
    assert og(soup)["og:locale:alternate"] == ["fr_FR"]


def test_unpublished_translation_is_not_announced(client, tree):
    tree["fr"]["partner"].unpublish()

    soup = parse(client.get("/ar/sharik/"))

    assert set(alternate_links(soup)) == {"en", "ar", "x-default"}
    assert og(soup)["og:locale:alternate"] == ["en_GB"]


def test_private_page_seen_by_a_member_is_kept_out_of_search_engines(client, tree, restrict):
    members = add_page(tree["en"]["home"], StandardPage(title="Members", slug="members"))
    restrict(members, PageViewRestriction.LOGIN)
    client.force_login(get_user_model().objects.create_user("officer", password="x"))

    soup = parse(client.get("/en/members/"))

    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert alternate_links(soup) == {}
    assert "og:locale:alternate" not in og(soup)


def test_public_page_may_be_indexed(client, tree):
    assert parse(client.get("/en/about/")).select_one('meta[name="robots"]') is None


def test_home_page_describes_the_website_and_the_organization(client, tree):
    data = json_ld(parse(client.get("/fr/")))

    assert data["@context"] == "https://schema.org"
    website = node(data, "WebSite")
    organization = node(data, "Organization")
    assert website["url"] == f"{BASE}/fr/"
    assert website["inLanguage"] == "fr"
    assert website["name"] == organization["name"] == "PartnerHub"
    assert website["publisher"] == {"@id": organization["@id"]}
    assert node(data, "WebPage")["isPartOf"] == {"@id": website["@id"]}


def test_opportunity_is_a_project_seeking_funding(client, tree):
    data = json_ld(parse(client.get("/fr/opportunites/clinics/")))

    page = node(data, "WebPage")
    assert page["url"] == f"{BASE}/fr/opportunites/clinics/"
    assert page["name"] == "Cliniques connectées"
    assert page["inLanguage"] == "fr"
    assert page["dateModified"].startswith("2026-01-10T09:00:00")
    project = page["mainEntity"]
    assert project["@type"] == "Project"
    assert project["name"] == "Cliniques connectées"
    assert project["description"] == "Partners wanted for Connected clinics."
    assert project["url"] == page["url"]
    # What still needs a partner: the funding gap.
    assert project["funding"]["amount"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": 750000,
    }
    assert [crumb["name"] for crumb in page["breadcrumb"]["itemListElement"]] == [
        "Home [fr]",
        "Opportunités",
        "Cliniques connectées",
    ]


def test_opportunity_without_gap_seeks_its_budget_and_without_budget_nothing(client, tree):
    water = node(json_ld(parse(client.get("/en/opportunities/water/"))), "WebPage")
    schools = node(json_ld(parse(client.get("/en/opportunities/schools/"))), "WebPage")

    assert water["mainEntity"]["funding"]["amount"]["value"] == 500000
    assert "funding" not in schools["mainEntity"]


@pytest.mark.parametrize(
    ("path", "schema_type"),
    [
        ("/en/", "WebPage"),
        ("/en/about/", "WebPage"),
        ("/ar/sharik/", "WebPage"),
        ("/en/opportunities/", "CollectionPage"),
        ("/zh-hans/", "WebPage"),
    ],
)
def test_every_page_has_valid_json_ld(client, tree, path, schema_type):
    data = json_ld(parse(client.get(path)))

    assert node(data, schema_type)["url"] == f"{BASE}{path}"


def test_markup_in_a_title_cannot_break_out_of_the_json_ld(client, tree):
    title = 'Broken </script><script>alert("x")</script> <!-- & co'
    add_page(tree["en"]["home"], StandardPage(title=title, slug="broken"))

    response = client.get("/en/broken/")
    html = response.content.decode()
    soup = parse(response)

    assert node(json_ld(soup), "WebPage")["name"] == title
    assert "<script>alert" not in html
    assert [script.get("type") for script in soup.select("script")].count(
        "application/ld+json"
    ) == 1
    assert og(soup)["og:title"] == title


def test_opportunity_image_is_shown_in_link_previews(client, tree):
    image = wagtail_factories.ImageFactory(
        title="Clinic", file__width=1600, file__height=1000, file__color="green"
    )
    material = Material.objects.create(
        title="A clinic in Kigali",
        kind=Material.Kind.IMAGE,
        image=image,
        locale=tree["en"]["home"].locale,
    )
    OpportunityMaterial.objects.create(page=tree["en"]["clinics"], material=material, sort_order=0)

    soup = parse(client.get("/en/opportunities/clinics/"))

    tags = og(soup)
    assert tags["og:image"].startswith(f"{BASE}/")
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"] == "A clinic in Kigali"
    assert twitter(soup)["twitter:card"] == "summary_large_image"
    assert twitter(soup)["twitter:image"] == tags["og:image"]
    assert node(json_ld(soup), "WebPage")["primaryImageOfPage"]["url"] == tags["og:image"]


def test_missing_page_has_no_previews_nor_structured_data(client, tree):
    soup = parse(client.get("/fr/no-such-page/"))

    assert og(soup) == {}
    assert soup.select('script[type="application/ld+json"]') == []
    assert soup.select_one('link[rel="canonical"]') is None


def test_sub_page_of_a_routable_page_is_its_own_canonical_address():
    """A partner profile is served by the directory page, at an address of its own."""
    factory = RequestFactory()
    profile = factory.get("/en/partners/12/who/")
    preview = factory.get("/admin/pages/3/edit/preview/")
    preview.is_preview = True

    assert _canonical_path(profile, "/en/partners/") == ("/en/partners/12/who/", True)
    assert _canonical_path(factory.get("/en/partners/"), "/en/partners/") == (
        "/en/partners/",
        False,
    )
    assert _canonical_path(preview, "/en/partners/") == ("/en/partners/", False)


def test_views_may_refine_what_a_page_says(rf, tree):
    request = rf.get("/en/about/team/")
    context = {
        "request": request,
        "page": tree["en"]["about"],
        "meta_title": "Our team",
        "meta_description": "The people behind the portal.",
        "meta_structured_data": {"@type": "Person", "name": "Amina Diallo"},
    }

    meta = page_meta(context, "PartnerHub")

    assert (meta.title, meta.description) == ("Our team", "The people behind the portal.")
    assert meta.canonical_url == f"{BASE}/en/about/team/"
    # A sub-page is not a translation of its page's translations.
    assert meta.versions == []
    assert node(json.loads(meta.structured_data), "Person")["name"] == "Amina Diallo"


@pytest.mark.parametrize(
    ("path", "og_type"),
    [
        ("/en/", "website"),
        ("/en/opportunities/", "website"),
        ("/en/opportunities/water/", "article"),
        ("/en/about/", "article"),
    ],
)
def test_lists_are_websites_and_pages_about_one_thing_articles(client, tree, path, og_type):
    assert og(parse(client.get(path)))["og:type"] == og_type

"""The frame of a page read once per request (cms.core.chrome) and the routing that starts
from the live home page already read (cms.core.serving): the same pages as Wagtail's own
routing, fewer queries, and the cached site and vocabularies follow their changes."""

import pytest
from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail.models import Page, Site

from cms.core import chrome, serving
from cms.pages.models import StandardPage
from cms.snippets.models import ThematicArea
from cms.snippets.terms import load_terms
from tests.sponsorship.records import make_event, publish

pytestmark = pytest.mark.django_db


def _request(language, path):
    return RequestFactory().get(f"/{language}/{path}")


def _described(route):
    """What a route decides: the page, and for a routable page the view and its arguments."""
    if route is None:
        return None
    page, args, kwargs = route
    if args:
        view, view_args, view_kwargs = args
        return page.pk, view.__name__, tuple(view_args), dict(view_kwargs)
    return page.pk, None, (), dict(kwargs)


def _wagtail_route(language, path):
    with translation.override(language):
        return _described(Page.route_for_request(_request(language, path), path))


def _project_route(language, path):
    request = _request(language, path)
    with translation.override(language):
        serving._route_from_live_home(request, path)
    return _described(request._wagtail_route_for_request)


@pytest.fixture
def tree(home_page, locales):
    """Content pages two deep, a draft, and a routable sponsorship index whose route
    `sponsors/` shadows an event page of the same slug; a French home page and page."""
    section = StandardPage(title="Section", slug="section", introduction="A section.")
    home_page.add_child(instance=section)
    publish(section)
    child = StandardPage(title="Child", slug="child", introduction="A child.")
    section.add_child(instance=child)
    publish(child)
    draft = StandardPage(title="Draft", slug="draft", introduction="Not yet.", live=False)
    home_page.add_child(instance=draft)
    event = make_event(home_page)
    shadowed = make_event(home_page, slug="sponsors", title="Shadowed by the route")
    french_home = home_page.copy_for_translation(locales["fr"])
    publish(french_home)
    french_section = section.copy_for_translation(locales["fr"])
    french_section.slug = "rubrique"
    french_section.save()
    publish(french_section)
    return {"event": event, "shadowed": shadowed}


PATHS = [
    "",
    "section/",
    "section/child/",
    "section/missing/",
    "missing/",
    "draft/",
    "sponsorship/",
    "sponsorship/sponsors/",
    "sponsorship/gsr-test/",
    "sponsorship/gsr-test/extra/",
    "rubrique/",
]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_routing_from_the_live_home_finds_what_wagtail_finds(tree, language):
    for path in PATHS:
        assert _project_route(language, path) == _wagtail_route(language, path), path
    # The route of the routable index wins over its child of the same slug, as in Wagtail.
    assert _project_route("en", "sponsorship/sponsors/")[0] != tree["shadowed"].pk
    assert _project_route("en", "sponsorship/gsr-test/")[0] == tree["event"].pk


def test_the_route_reads_the_ancestors_for_the_breadcrumbs(tree, django_assert_num_queries):
    request = _request("en", "section/child/")
    serving._route_from_live_home(request, "section/child/")
    page = request._wagtail_route_for_request[0]

    with django_assert_num_queries(0):
        trail = chrome.ancestors(request, page)
    assert [ancestor.slug for ancestor in trail] == [
        ancestor.slug for ancestor in page.get_ancestors().filter(depth__gte=2).live()
    ]


def test_the_frame_is_read_once_per_request(tree, django_assert_num_queries):
    request = _request("en", "section/child/")
    page = StandardPage.objects.get(slug="child")
    chrome.site(request)
    chrome.live_homes(request)
    chrome.public_translations(request, page)
    chrome.private_sections(request)

    with django_assert_num_queries(0):
        chrome.site(request)
        chrome.live_homes(request)
        chrome.public_translations(request, page)
        chrome.private_sections(request)
        chrome.home_for(request, "fr")


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_renamed_site_shows_on_the_next_page(client, tree):
    assert client.get("/en/section/").status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.site_name = "Partnerships portal renamed"
    site.save()

    assert "Partnerships portal renamed" in client.get("/en/section/").content.decode()


def test_a_renamed_term_shows_in_the_next_list_of_terms(locales):
    area = ThematicArea.objects.create(code="cyber", name="Cybersecurity", sort_order=1)
    french = area.copy_for_translation(locales["fr"])
    french.name = "Cybersécurité"
    french.save()
    assert load_terms(ThematicArea, "fr").get(area.pk).name == "Cybersécurité"

    french.name = "Sécurité numérique"
    french.save()
    assert load_terms(ThematicArea, "fr").get(area.pk).name == "Sécurité numérique"

    french.delete()
    assert load_terms(ThematicArea, "fr").get(area.pk).name == "Cybersecurity"

"""What every page's frame reads of the tree (the live home pages, the restricted sections,
a page's public translations) is kept in the shared cache (cms.core.visibility,
cms.core.chrome) and follows every change on the next page rendered: a view restriction
added or removed, a translation published or unpublished, a home page unpublished. The page
cache is off here: these are the values a page is built from, not the stored pages."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from cms.pages.models import StandardPage
from tests.sponsorship.records import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page, locales):
    """/en/section/child/, translated into French (/fr/rubrique/)."""
    section = StandardPage(title="Section", slug="section", introduction="A section.")
    home_page.add_child(instance=section)
    publish(section)
    child = StandardPage(title="Child", slug="child", introduction="A child.")
    section.add_child(instance=child)
    publish(child)
    french_home = home_page.copy_for_translation(locales["fr"])
    publish(french_home)
    french_section = section.copy_for_translation(locales["fr"])
    french_section.slug = "rubrique"
    french_section.save()
    publish(french_section)
    return {"section": section, "french_home": french_home, "french_section": french_section}


def _french_link(client, url):
    """The address the language switcher of `url` gives for French."""
    html = client.get(url).content.decode()
    marker = 'hreflang="fr"'
    line = next(
        line for line in html.splitlines() if "language-switcher__link" in line and marker in line
    )
    return line.split('href="', 1)[1].split('"', 1)[0]


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_view_restriction_added_then_removed_applies_on_the_next_request(client, tree):
    assert client.get("/en/section/child/").status_code == 200  # the frame is warm

    restriction = PageViewRestriction.objects.create(
        page=tree["section"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/section/child/")
    assert response.status_code == 302
    assert "login" in response["Location"]

    restriction.delete()
    assert client.get("/en/section/child/").status_code == 200


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_restricted_translation_leaves_the_switcher_on_the_next_request(client, tree):
    assert _french_link(client, "/en/section/") == "/fr/rubrique/"

    PageViewRestriction.objects.create(
        page=tree["french_section"], restriction_type=PageViewRestriction.LOGIN
    )
    # French is still offered, at the English page's fallback address.
    assert _french_link(client, "/en/section/") == "/fr/section/"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_an_unpublished_translation_leaves_the_switcher_on_the_next_request(client, tree):
    assert _french_link(client, "/en/section/") == "/fr/rubrique/"

    tree["french_section"].unpublish()
    assert _french_link(client, "/en/section/") == "/fr/section/"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_an_unpublished_home_page_takes_its_language_out_on_the_next_request(client, tree):
    assert client.get("/fr/rubrique/").status_code == 200

    tree["french_home"].unpublish()
    # French is routed from the English root page again: the French page is not served.
    assert client.get("/fr/rubrique/").status_code == 404
    assert _french_link(client, "/en/section/") == "/fr/section/"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_new_address_is_routed_on_the_next_request(client, tree):
    assert client.get("/en/section/child/").status_code == 200  # its pages are kept

    child = StandardPage.objects.get(slug="child")
    child.slug = "renamed"
    child.save_revision().publish()
    assert client.get("/en/section/renamed/").status_code == 200
    assert client.get("/en/section/child/").status_code != 200

    child.unpublish()
    assert client.get("/en/section/renamed/").status_code == 404

"""What every page's frame reads of the tree (the live home pages, the restricted sections,
a page's public translations) is kept in the shared cache (cms.core.visibility,
cms.core.chrome) and follows every change on the next page rendered: a view restriction
added or removed, a translation published or unpublished, a home page unpublished. The page
cache is off here: these are the values a page is built from, not the stored pages."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from cms.pages.models import StandardPage
from tests.core.test_chrome import tree  # noqa: F401  (the pages of the frame tests)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(request, home_page, locales):
    """/en/section/child/, translated into French (/fr/rubrique/): test_chrome's tree."""
    request.getfixturevalue("tree")
    return {
        "section": StandardPage.objects.get(slug="section", locale=home_page.locale),
        "french_home": home_page.get_translation(locales["fr"]),
        "french_section": StandardPage.objects.get(slug="rubrique"),
    }


def _french_link(client, url):
    """The address the language switcher of `url` gives for French."""
    html = client.get(url).content.decode()
    marker = 'hreflang="fr"'
    line = next(
        line for line in html.splitlines() if "language-switcher__link" in line and marker in line
    )
    return line.split('href="', 1)[1].split('"', 1)[0]


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_view_restriction_added_then_removed_applies_on_the_next_request(client, pages):
    assert client.get("/en/section/child/").status_code == 200  # the frame is warm

    restriction = PageViewRestriction.objects.create(
        page=pages["section"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get("/en/section/child/")
    assert response.status_code == 302
    assert "login" in response["Location"]

    restriction.delete()
    assert client.get("/en/section/child/").status_code == 200


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_restricted_translation_leaves_the_switcher_on_the_next_request(client, pages):
    assert _french_link(client, "/en/section/") == "/fr/rubrique/"

    PageViewRestriction.objects.create(
        page=pages["french_section"], restriction_type=PageViewRestriction.LOGIN
    )
    # French is still offered, at the English page's fallback address.
    assert _french_link(client, "/en/section/") == "/fr/section/"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_an_unpublished_translation_leaves_the_switcher_on_the_next_request(client, pages):
    assert _french_link(client, "/en/section/") == "/fr/rubrique/"

    pages["french_section"].unpublish()
    assert _french_link(client, "/en/section/") == "/fr/section/"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_an_unpublished_home_page_takes_its_language_out_on_the_next_request(client, pages):
    assert client.get("/fr/rubrique/").status_code == 200

    pages["french_home"].unpublish()
    # French is routed from the English root page again: the French page is not served.
    assert client.get("/fr/rubrique/").status_code == 404
    assert _french_link(client, "/en/section/") == "/fr/section/"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_a_new_address_is_routed_on_the_next_request(client, pages):
    assert client.get("/en/section/child/").status_code == 200  # its pages are kept

    child = StandardPage.objects.get(slug="child")
    child.slug = "renamed"
    child.save_revision().publish()
    assert client.get("/en/section/renamed/").status_code == 200
    assert client.get("/en/section/child/").status_code != 200

    child.unpublish()
    assert client.get("/en/section/renamed/").status_code == 404

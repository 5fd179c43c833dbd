"""The header: the site's name leads home in the visitor's language, the main menu lists
the sections editors chose, in the page's language, and breadcrumbs lead back up."""

import pytest

from cms.pages.models import StandardPage

from .html import parse

pytestmark = pytest.mark.django_db


def add_page(parent, title, slug, *, in_menu=True):
    page = StandardPage(title=title, slug=slug, show_in_menus=in_menu)
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def sections(home_page, translate):
    """Two menu sections and one page kept out of menus, in English and French."""
    about = add_page(home_page, "About", "about")
    opportunities = add_page(home_page, "Opportunities", "opportunities")
    add_page(home_page, "Legal notice", "legal", in_menu=False)
    translate(home_page, "fr", title="Accueil")
    return {
        "about": about,
        "opportunities": opportunities,
        "fr-about": translate(about, "fr", title="À propos", slug="a-propos"),
        "child": add_page(opportunities, "Digital inclusion", "digital-inclusion"),
    }


def menu(soup):
    return [
        (link.get_text(strip=True), link["href"], link.get("aria-current"))
        for link in soup.select("nav.main-nav a")
    ]


def test_menu_lists_the_sections_shown_in_menus(client, sections):
    soup = parse(client.get("/en/opportunities/digital-inclusion/"))

    assert menu(soup) == [
        ("About", "/en/about/", None),
        ("Opportunities", "/en/opportunities/", "page"),
    ]
    assert [link.get_text() for link in soup.select("nav.breadcrumbs a")] == [
        "Partnerships for digital development",
        "Opportunities",
    ]


def test_menu_follows_the_language_of_the_page(client, sections):
    soup = parse(client.get("/fr/a-propos/"))

    # Only the French translations: the untranslated section is not offered in French.
    assert menu(soup) == [("À propos", "/fr/a-propos/", "page")]
    assert soup.select_one("a.brand")["href"] == "/fr/"
    assert [link["href"] for link in soup.select("nav.breadcrumbs a")] == ["/fr/"]

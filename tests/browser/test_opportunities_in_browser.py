"""In a real browser: a Spanish visitor filters the opportunities and opens one (with and
without JavaScript), a French visitor downloads the French variant of a brief, the Arabic
opportunity page runs right to left, and axe-core finds no serious accessibility problem on
the index and an opportunity in English and Arabic.

The tests only read: the site is built once for the module (`committed_for_module`)."""

from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Locale, Site

from cms.pages.factories_opportunities import (
    BriefDocumentFactory,
    MaterialFactory,
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
)
from cms.pages.models import OpportunityPage
from tests.browser.module_data import committed_for_module
from tests.pages.opportunity_data import make_vocabularies, translate_material

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]

FRENCH_BRIEF = b"%PDF-1.4\n% Note de projet (version francaise)\n"


def publish_translation(page, language_code, title, slug=None):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.title = title
    if slug:
        translation.slug = slug
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture(scope="module")
def media_on_disk(tmp_path_factory):
    """Documents on disk: Wagtail serves them from a file path, which the tests' in-memory
    storage does not have."""
    with override_settings(
        STORAGES={
            **settings.STORAGES,
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        },
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
    ):
        yield


@pytest.fixture(scope="module")
def site_data(media_on_disk, django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_site)


def build_site():
    """An index with three opportunities in English, Spanish, French and Arabic; the first
    has a brief with a French variant."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    vocabularies = make_vocabularies(locales)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = OpportunityIndexPageFactory(parent=home)
    english_brief = MaterialFactory(title="Project brief")
    french_document = BriefDocumentFactory(
        title="Note de projet", file__filename="note-de-projet.pdf", file__data=FRENCH_BRIEF
    )
    translate_material(
        english_brief, locales["fr"], title="Note de projet", document=french_document
    )
    areas, regions = vocabularies.areas, vocabularies.regions
    opportunities = [
        OpportunityPageFactory(
            parent=index,
            title="Cyber drills in Africa",
            slug="cyber-drills",
            thematic_areas=[areas["cybersecurity"]],
            regions=[regions["afr"]],
            countries=[vocabularies.countries["KE"]],
            sdgs=[vocabularies.goals[9]],
            partner_kinds=[vocabularies.partner_kinds["foundation"]],
            budget_usd=Decimal("1200000"),
            materials=[english_brief],
        ),
        OpportunityPageFactory(
            parent=index,
            title="Rural broadband",
            slug="rural-broadband",
            thematic_areas=[areas["infrastructure"]],
            regions=[regions["asp"]],
        ),
        OpportunityPageFactory(
            parent=index,
            title="Cyber academy",
            slug="cyber-academy",
            thematic_areas=[areas["cybersecurity"], areas["capacity-building"]],
            regions=[regions["arb"]],
            status=OpportunityPage.Status.FUNDED,
        ),
    ]
    titles = {
        "es": ["Simulacros cibernéticos en África", "Banda ancha rural", "Academia cibernética"],
        "fr": ["Exercices cyber en Afrique", "Haut débit rural", "Académie cyber"],
        "ar": ["تمارين سيبرانية في أفريقيا", "النطاق العريض الريفي", "الأكاديمية السيبرانية"],
    }
    home_titles = {"es": "Inicio", "fr": "Accueil", "ar": "الصفحة الرئيسية"}
    pages = {"en": {"index": index, "opportunities": opportunities}}
    for language, names in titles.items():
        publish_translation(home, language, home_titles[language])
        translated_index = publish_translation(
            index, language, "Oportunidades", slug=f"opportunities-{language}"
        )
        pages[language] = {
            "index": translated_index,
            "opportunities": [
                publish_translation(page, language, name)
                for page, name in zip(opportunities, names, strict=True)
            ],
        }
    return pages


def text_box(locator):
    """The box of an element's text itself (a block element spans the whole line)."""
    return locator.evaluate(
        """element => {
            const range = document.createRange();
            range.selectNodeContents(element);
            const box = range.getBoundingClientRect();
            return {left: box.left, right: box.right};
        }"""
    )


def card_titles(page):
    return page.locator(".opportunity-card__title a").all_inner_texts()


def test_spanish_visitor_filters_the_index_and_opens_a_result(live_server, site_data, open_page):
    spanish = site_data["es"]
    page = open_page(live_server.url + spanish["index"].url, locale="es-ES")
    assert page.locator("html").get_attribute("lang") == "es"
    assert len(card_titles(page)) == 3
    # With JavaScript, filters apply as soon as they change: no button to press.
    assert not page.locator(".facets__apply").is_visible()
    assert "Ciberseguridad" in page.locator('label[for="facet-area-cybersecurity"]').inner_text()

    page.locator("#facet-area-cybersecurity").check()
    page.wait_for_url("**?area=cybersecurity")
    page.wait_for_function("document.querySelectorAll('.opportunity-card').length === 2")
    assert sorted(card_titles(page)) == [
        "Academia cibernética",
        "Simulacros cibernéticos en África",
    ]
    # The focus stays on the box just ticked, and the new count is announced.
    assert page.evaluate("document.activeElement.id") == "facet-area-cybersecurity"
    assert page.locator("#opportunity-status").inner_text().startswith("2")

    page.locator("#facet-status-open").check()
    page.wait_for_url("**?area=cybersecurity&status=open")
    page.wait_for_function("document.querySelectorAll('.opportunity-card').length === 1")

    page.get_by_role("link", name="Simulacros cibernéticos en África").click()
    page.wait_for_url(live_server.url + spanish["opportunities"][0].url)
    assert page.locator("h1").inner_text() == "Simulacros cibernéticos en África"
    terms = page.locator(".summary__item--areas li").all_inner_texts()
    assert terms == ["Ciberseguridad"]

    # Back to the filtered list, as shared in the address.
    page.go_back()
    page.wait_for_url("**?area=cybersecurity&status=open")
    assert card_titles(page) == ["Simulacros cibernéticos en África"]


def test_filters_work_without_javascript(live_server, site_data, chromium):
    context = chromium.new_context(locale="es-ES", java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + site_data["es"]["index"].url)

        page.locator("#facet-region-afr").check()
        page.locator("#opportunity-sort").select_option("title")
        page.locator(".facets__apply").click()
        page.wait_for_url("**?region=afr&sort=title")

        assert card_titles(page) == ["Simulacros cibernéticos en África"]
        assert page.locator("#facet-region-afr").is_checked()
        assert page.locator("#opportunity-sort").input_value() == "title"
    finally:
        context.close()


def test_french_visitor_downloads_the_french_brief(live_server, site_data, open_page):
    french = site_data["fr"]["opportunities"][0]
    page = open_page(live_server.url + french.url, locale="fr-FR")
    link = page.locator(".material-document__link")
    assert "Note de projet" in link.inner_text()
    assert link.get_attribute("hreflang") is None
    assert page.locator(".material-note").count() == 0

    with page.expect_download() as download_info:
        link.click()
    download = download_info.value

    assert "/note-de-projet" in download.url
    assert download.suggested_filename.startswith("note-de-projet")
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes() == FRENCH_BRIEF

    # The Spanish visitor has no Spanish variant: the English brief, and a note saying so.
    spanish = open_page(live_server.url + site_data["es"]["opportunities"][0].url, locale="es-ES")
    spanish_link = spanish.locator(".material-document__link")
    assert spanish_link.get_attribute("hreflang") == "en"
    assert spanish.locator(".material-note").is_visible()
    assert "/note-de-projet" not in spanish_link.get_attribute("href")


def test_arabic_opportunity_lays_out_right_to_left(live_server, site_data, open_page):
    arabic = site_data["ar"]["opportunities"][0]
    page = open_page(live_server.url + arabic.url, locale="ar-EG")

    assert page.locator("html").get_attribute("dir") == "rtl"
    summary = page.locator("section.summary")
    assert summary.evaluate("element => getComputedStyle(element).direction") == "rtl"
    box = summary.bounding_box()
    heading = text_box(page.locator("#summary-heading"))
    # The heading's text starts at the right edge of the box.
    assert heading["right"] > box["x"] + box["width"] - 48
    assert heading["left"] > box["x"] + box["width"] / 2
    # The first column of the summary (kind) is at the right of the second (status).
    kind = page.locator(".summary__item--kind").bounding_box()
    status = page.locator(".summary__item--status").bounding_box()
    assert kind["x"] > status["x"]
    # The document's icon sits at the right of its link.
    icon = page.locator(".material-document__icon").bounding_box()
    link = page.locator(".material-document__link").bounding_box()
    assert icon["x"] > link["x"]
    assert page.locator(".summary__item--areas li").all_inner_texts() == ["الأمن السيبراني"]

    # The index too: the filters at the right, the results at their left.
    page.goto(live_server.url + site_data["ar"]["index"].url)
    filters = page.locator("form#opportunity-filters").bounding_box()
    results = page.locator("#opportunity-results").bounding_box()
    assert filters["x"] > results["x"]


def test_no_serious_accessibility_violation(live_server, site_data, open_page, axe_violations):
    for language in ("en", "ar"):
        pages = site_data[language]
        page = None
        for url in (
            pages["index"].url,
            pages["index"].url + "?area=cybersecurity&sort=title",
            pages["opportunities"][0].url,
            pages["opportunities"][2].url,
        ):
            # One browser context by language, each address loaded afresh in it.
            if page is None:
                page = open_page(live_server.url + url, locale=language)
            else:
                page.goto(live_server.url + url)
            assert axe_violations(page) == [], url

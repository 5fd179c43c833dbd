"""In a real browser: an Arabic visitor filters the partner directory with its form and
letters (no script needed) and opens a profile, both laid out right to left; axe-core finds
no serious accessibility problem on the directory, a profile and the recognitions page in
English and Arabic, on a wide screen and a phone.

The tests only read: the directory is built once for the module (`committed_for_module`)."""

import pytest
from wagtail.models import Site

from tests.browser.module_data import committed_for_module
from tests.pages.directory import data

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]


@pytest.fixture(scope="module")
def directory_site(django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_directory)


def build_directory():
    vocab = data.make_vocabularies()
    home = Site.objects.get(is_default_site=True).root_page.specific
    arabic_home = data.translate_page(home, "ar", title="شراكات من أجل التنمية الرقمية")
    assert arabic_home.live
    directory = data.make_directory(home)
    data.translate_page(directory, "ar", title="دليل الشركاء")
    recognitions = data.make_recognitions_page(home)
    data.translate_page(recognitions, "ar", title="التكريمات")
    gates = data.make_partner(
        vocab,
        "Bill & Melinda Gates Foundation",
        acronym="BMGF",
        kind="foundation",
        areas=["capacity-building", "cybersecurity"],
        regions=["afr"],
        mandate="<p>Works to reduce poverty and improve health.</p>",
    )
    data.translate_snippet(
        gates,
        "ar",
        name="مؤسسة بيل وميليندا غيتس",
        mandate="<p>تعمل على الحد من الفقر وتحسين الصحة.</p>",
    )
    data.add_public_agreement(gates, vocab, 1, reference="BMGF-2017-001")
    data.add_recognition(gates)
    for name, kind in (("Government of Australia", "government"), ("ARM", "company")):
        data.make_partner(vocab, name, kind=kind, regions=["asp"])
    return {"gates": gates}


def test_arabic_visitor_filters_the_directory_and_opens_a_profile(
    live_server, directory_site, chromium
):
    # Without JavaScript: the form and the letters are plain GET requests.
    context = chromium.new_context(locale="ar-EG", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/ar/partners/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".partner-card").count() == 3
    # Right to left: the filters at the right of the results.
    filters = page.locator("form.partner-filters").bounding_box()
    results = page.locator(".directory__results").bounding_box()
    assert filters["x"] > results["x"]

    page.locator("#partner-filter-kind").select_option("foundation")
    page.locator("form.partner-filters button[type=submit]").click()
    page.wait_for_url("**/ar/partners/?*kind=foundation*")
    assert page.locator(".partner-card__name").all_inner_texts() == [
        "مؤسسة بيل وميليندا غيتس (BMGF)"
    ]

    page.locator(".partner-card__name a").click()
    gates = directory_site["gates"]
    page.wait_for_url(f"**/ar/partners/{gates.pk}/bill-melinda-gates-foundation/")
    assert page.locator("h1").inner_text().startswith("مؤسسة بيل وميليندا غيتس")
    assert "BMGF-2017-001" in page.locator(".partner-agreements").inner_text()
    title = page.locator("h1").bounding_box()
    content = page.locator(".partner-header .container").bounding_box()
    assert title["x"] + title["width"] > content["x"] + content["width"] - 48
    context.close()


def test_no_serious_accessibility_violation(live_server, directory_site, chromium, axe_violations):
    gates = directory_site["gates"]
    # A browser context by screen width, each address in a tab of its own.
    contexts = {
        width: chromium.new_context(viewport={"width": width, "height": 900})
        for width in (1280, 390)
    }
    for language in ("en", "ar"):
        for url in (
            f"/{language}/partners/",
            f"/{language}/partners/?kind=foundation&letter=B",
            f"/{language}/partners/{gates.pk}/bill-melinda-gates-foundation/",
            f"/{language}/recognitions/",
        ):
            for width, context in contexts.items():
                page = context.new_page()
                page.goto(live_server.url + url)
                assert axe_violations(page) == [], (url, width)
                # Nothing wider than the screen but the agreements' own scrolling table.
                assert page.evaluate(
                    "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
                ), (url, width)
                page.close()
    for context in contexts.values():
        context.close()

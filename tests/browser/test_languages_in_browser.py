"""In a real browser: the home page in French and in Arabic, reached as a visitor would,
declares its language and direction, the Arabic layout runs right to left, and axe-core
finds no serious accessibility problem in either."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Site


def publish_translation(page, language_code, title, introduction):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.title = title
    translation.introduction = introduction
    translation.save_revision().publish()
    return translation


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_home_page_in_french_and_arabic(live_server, open_page, axe_violations):
    cache.clear()
    home = Site.objects.get(is_default_site=True).root_page.specific
    publish_translation(
        home,
        "fr",
        "Partenariats pour le développement numérique",
        "Trouvez des projets qui ont besoin de partenaires.",
    )
    publish_translation(
        home, "ar", "شراكات من أجل التنمية الرقمية", "اعثر على المشاريع التي تحتاج إلى شركاء."
    )

    # A French browser asking for the site's root lands on the French home page.
    page = open_page(live_server.url + "/", locale="fr-FR")
    assert page.url == live_server.url + "/fr/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == "Partenariats pour le développement numérique"
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    # The stylesheet is served and applied (the banner's gradient).
    hero = page.locator(".page-header--hero")
    assert "linear-gradient" in hero.evaluate(
        "element => getComputedStyle(element).backgroundImage"
    )
    # Left to right: the site name at the left, the search box at its right, the switcher
    # after them (on the same row or, when the row is full, on the next one from the left).
    brand = page.locator("a.brand").bounding_box()
    search = page.locator("header form[role=search]").bounding_box()
    switcher = page.locator("nav.language-switcher").bounding_box()
    assert brand["x"] < search["x"]
    assert switcher["x"] >= brand["x"] - 1
    assert axe_violations(page) == []

    # Keyboard users first reach the skip link, visible once focused.
    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.bounding_box()["y"] >= 0

    # The switcher names Arabic in Arabic and leads to the Arabic home page.
    page.locator('nav.language-switcher a[lang="ar"]').click()
    page.wait_for_url(live_server.url + "/ar/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "شراكات من أجل التنمية الرقمية"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    # Right to left, mirrored: the site name at the right, the search box at its left, the
    # switcher after them, the title aligned to the right edge of the content.
    brand = page.locator("a.brand").bounding_box()
    search = page.locator("header form[role=search]").bounding_box()
    switcher = page.locator("nav.language-switcher").bounding_box()
    assert brand["x"] > search["x"]
    assert switcher["x"] + switcher["width"] <= brand["x"] + brand["width"] + 1
    title = page.locator("h1").bounding_box()
    content = page.locator(".page-header--hero .container").bounding_box()
    assert title["x"] + title["width"] > content["x"] + content["width"] - 48
    assert axe_violations(page) == []

    # An Arabic browser is sent straight to the Arabic home page.
    arabic = open_page(live_server.url + "/", locale="ar-EG")
    assert arabic.url == live_server.url + "/ar/"
    assert arabic.locator("html").get_attribute("dir") == "rtl"

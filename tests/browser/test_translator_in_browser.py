"""In a real browser: an Arabic translator opens the translation matrix, translates a page
into Arabic with the offline machine translator, publishes it, and the public Arabic page
reads right to left."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Locale, Site

from cms.core.roles import translator_group_name
from cms.localization.status import rebuild_status
from cms.pages.models import StandardPage


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_translator_translates_a_page_into_arabic(live_server, open_page, axe_violations):
    cache.clear()
    arabic = Locale.objects.get(language_code="ar")
    home = Site.objects.get(is_default_site=True).root_page.specific
    arabic_home = home.copy_for_translation(arabic)
    arabic_home.save_revision().publish()
    page = StandardPage(
        title="Connect a school", slug="connect-a-school", introduction="Schools need broadband."
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    rebuild_status()
    translator = get_user_model().objects.create_user("mutarjim", "m@example.org", "pw")
    translator.groups.add(Group.objects.get(name=translator_group_name("ar")))

    browser = open_page(live_server.url + "/admin/login/")
    browser.fill("#id_username", "mutarjim")
    browser.fill("#id_password", "pw")
    browser.click("button[type=submit]")
    browser.wait_for_url("**/admin/")

    browser.get_by_role("link", name="Translations").first.click()
    browser.wait_for_url("**/admin/translations/")
    assert axe_violations(browser) == []
    row = browser.locator("table.translation-matrix tr", has_text="Connect a school")
    cell = row.locator("td[data-language=ar] a")
    assert cell.inner_text().strip() == "Missing"
    # Not their language: no link.
    assert row.locator("td[data-language=fr] a").count() == 0
    cell.click()
    browser.wait_for_url(re.compile(r".*/admin/localize/submit/page/\d+/.*"))

    # wagtail-localize's form, with Arabic chosen and the only language offered.
    checkbox = browser.locator("input[name=locales]")
    assert checkbox.count() == 1
    assert checkbox.is_checked()
    browser.get_by_role("button", name="Submit").click()
    browser.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))

    browser.get_by_role("button", name=re.compile("Translate with")).click()
    browser.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/"))
    # Starting and machine-translating publish nothing.
    translated = page.get_translation(arabic)
    assert not translated.live
    browser.get_by_role("button", name=re.compile("Publish in")).click()
    # Every segment is the machine's and nobody reviewed it: publishing asks first.
    confirm = browser.get_by_role("button", name="Publish with unreviewed machine translations")
    confirm.wait_for()
    translated.refresh_from_db()
    assert not translated.live
    assert axe_violations(browser) == []
    confirm.click()
    browser.wait_for_load_state("networkidle")

    translated.refresh_from_db()
    assert translated.live
    public = open_page(live_server.url + translated.url, locale="ar")
    assert public.evaluate("document.documentElement.dir") == "rtl"
    assert public.evaluate("document.documentElement.lang") == "ar"
    assert public.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert "[ar] Schools need broadband." in public.content()

    browser.goto(live_server.url + "/admin/translations/?q=Connect")
    row = browser.locator("table.translation-matrix tr", has_text="Connect a school")
    # Published, but what the machine wrote is still unreviewed, and the matrix says so.
    assert row.locator("td[data-language=ar]").get_attribute("data-state") == "machine"

"""In a real browser: an Arabic visitor reads an agreement's public page, laid out right to
left, with its labels in Arabic and its amounts written the Arabic way (by the project's
money helper) in the agreement's currency and in US dollars; axe-core finds no serious
accessibility problem on it, in Arabic and in English.

The test only reads: the archive is built once for the module (`committed_for_module`)."""

from decimal import Decimal

import pytest

from cms.core.formats import format_money
from tests.browser.module_data import committed_for_module
from tests.pages.agreements.fixtures import REFERENCE, make_agreement_site

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]


@pytest.fixture(scope="module")
def agreement_site(django_db_blocker):
    yield from committed_for_module(django_db_blocker, make_agreement_site)


def summary(page):
    """{label: value} of the page's "at a glance" list, as the browser shows them."""
    return page.evaluate(
        """() => Object.fromEntries([...document.querySelectorAll(
            '.partner-summary__list > div')].map(item => [
                item.querySelector('dt').innerText.trim(),
                item.querySelector('dd').innerText.trim()]))"""
    )


def test_an_agreement_page_in_arabic(live_server, agreement_site, open_page, axe_violations):
    page = open_page(f"{live_server.url}/ar/agreements/{REFERENCE}/", locale="ar-EG")

    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    # The page flows right to left: its heading starts at the right edge of its column.
    direction = page.evaluate("getComputedStyle(document.querySelector('h1')).direction")
    assert direction == "rtl"
    found = summary(page)
    assert found["المبلغ"] == format_money(Decimal("249000000"), "KRW", language="ar")
    assert found["القيمة بدولارات الولايات المتحدة"] == format_money(
        Decimal("214389"), "USD", language="ar"
    )
    assert "تاريخ التوقيع" in found
    assert page.get_by_role("heading", name="الشركاء").is_visible()
    assert page.locator(".agreement-page__partners a").count() == 2
    assert axe_violations(page) == []

    english = open_page(f"{live_server.url}/en/agreements/{REFERENCE}/")
    assert english.locator("html").get_attribute("dir") == "ltr"
    assert axe_violations(english) == []

"""In a real browser: a visitor on the French event page compares the packages, chooses one,
a benefit and a membership category, presses "Calculer" (a plain form, no JavaScript) and sees
the server's price with everything typed kept; the application sent, the confirmation shows
the same price, which is the one recorded. On a 390-pixel phone, in Arabic, the comparison
scrolls in its own box, right to left, and the page does not. axe finds nothing serious."""

import pytest
from wagtail.models import Site

from cms.core.formats import format_money
from cms.sponsorship.models import SponsorshipApplication
from tests.sponsorship.records import make_translated_event

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True}


def _event(language_code):
    home = Site.objects.get(is_default_site=True).root_page.specific
    return make_translated_event(home, language_code)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_price_shown_before_sending_is_the_price_confirmed(
    live_server, open_page, axe_violations
):
    _english, french, categories = _event("fr")

    # Without JavaScript: "Calculer" is the form's own button, the server answers.
    page = open_page(live_server.url + french.url, locale="fr-FR", java_script_enabled=False)
    assert page.locator("#package-comparison-caption").inner_text() == "Comparer les forfaits"
    _choose(page, categories)
    page.fill("#sponsor-message", "Un stand près de l’entrée.")
    page.get_by_role("button", name="Calculer").click()
    page.wait_for_load_state()

    quote = page.locator("#sponsor-quote")
    shown = quote.locator("[data-price]").inner_text()
    assert quote.locator("[data-list-price]").inner_text() == format_money(55000, language="fr")
    assert "12,5" in quote.locator("[data-discount]").inner_text()
    # What was typed and chosen is still there; nothing was sent.
    assert page.input_value("#sponsor-organisation") == "Acme Networks"
    assert page.input_value("#sponsor-message") == "Un stand près de l’entrée."
    assert page.locator("input[name=options]:checked").count() == 1
    assert page.locator(".error-summary").count() == 0
    assert SponsorshipApplication.objects.count() == 0

    page.fill("#sponsor-contact_name", "Ada Lovelace")
    page.fill("#sponsor-email", "ada@acme.example")
    page.check("#sponsor-consent")
    page.locator("button.interest__submit").click()
    page.wait_for_load_state()
    assert "sent=1" in page.url

    confirmed = page.locator("#sponsor-sent-price [data-price]").inner_text()
    assert confirmed == shown
    application = SponsorshipApplication.objects.get()
    assert format_money(application.price_usd, language="fr") == shown
    assert str(application.price_usd) == "48125.00"

    # axe (which needs JavaScript) on the same two states: the price calculated, and the
    # confirmation (its signed address opens it again, for a day).
    checked = open_page(live_server.url + french.url, locale="fr-FR")
    _choose(checked, categories)
    checked.get_by_role("button", name="Calculer").click()
    checked.wait_for_load_state()
    assert checked.locator("#sponsor-quote [data-price]").inner_text() == shown
    assert axe_violations(checked) == []
    checked.goto(page.url)
    assert checked.locator("#sponsor-sent-price [data-price]").inner_text() == shown
    assert axe_violations(checked) == []


def _choose(page, categories):
    page.check("input[name=package] >> nth=0")
    page.check("input[name=options] >> nth=0")
    page.fill("#sponsor-organisation", "Acme Networks")
    page.select_option("#sponsor-category", value=str(categories["sector-member"].pk))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_comparison_scrolls_in_its_own_box_on_an_arabic_phone(
    live_server, open_page, axe_violations
):
    _english, arabic, _categories = _event("ar")

    page = open_page(live_server.url + arabic.url, locale="ar", **PHONE)
    assert page.evaluate("() => document.documentElement.clientWidth") == 390
    overflow = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    box = page.locator(".package-comparison")
    assert box.get_attribute("role") == "region" and box.get_attribute("tabindex") == "0"
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    assert sizes[0] > sizes[1]  # it scrolls, the page does not
    table = page.locator(".package-comparison__table")
    assert table.evaluate("t => getComputedStyle(t).direction") == "rtl"
    assert page.locator("#package-comparison-caption").inner_text() == "مقارنة الحزم"
    # The marks are read as words, not only seen as shapes or colours.
    assert page.locator(".package-comparison .visually-hidden", has_text="غير مشمول").count() >= 1
    assert axe_violations(page) == []

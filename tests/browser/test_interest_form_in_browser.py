"""In a real browser: on an Arabic opportunity, a visitor sends the expression-of-interest
form with mistakes, finds every error listed and nothing they typed lost, corrects it, sends
it again and is thanked in Arabic; the page and its form run right to left.

The opportunity is built once for the module (`committed_for_module`); the test that sends the
form removes what it sent once it has checked it."""

import pytest
from django.core import mail
from wagtail.models import Locale, Site

from cms.interest.models import ExpressionOfInterest
from cms.pages.models import OpportunityIndexPage, OpportunityPage
from tests.browser.module_data import committed_for_module
from tests.interest.translations import (
    CONSENT_ERROR,
    EMAIL_ERROR,
    THANKS,
    compile_catalogue,
    translated,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]


@pytest.fixture
def test_translations(settings, tmp_path):
    """The tests' Arabic catalogue of the form's strings (see tests/interest/translations.py)."""
    settings.LOCALE_PATHS = [*settings.LOCALE_PATHS, compile_catalogue(tmp_path)]


def publish_translation(page, language_code, title):
    translation = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translation.title = title
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture(scope="module")
def arabic_opportunity(django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_opportunity)


def build_opportunity():
    """An opportunity in English and Arabic; returns the Arabic page."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = OpportunityIndexPage(title="Opportunities", slug="opportunities")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = OpportunityPage(
        title="Smart villages in the Sahel",
        slug="smart-villages",
        contact_name="Amina Diallo",
        contact_email="amina.diallo@itu.example",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    publish_translation(home, "ar", "شراكات من أجل التنمية الرقمية")
    publish_translation(index, "ar", "الفرص")
    return publish_translation(page, "ar", "القرى الذكية في منطقة الساحل")


def test_arabic_visitor_corrects_the_form_and_is_thanked_in_arabic(
    live_server, test_translations, arabic_opportunity, open_page
):
    page = open_page(live_server.url + arabic_opportunity.url, locale="ar-EG")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert page.locator("html").get_attribute("dir") == "rtl"
    form = page.locator("#interest-form form")
    assert form.evaluate("element => getComputedStyle(element).direction") == "rtl"
    # Right to left: each label starts at the right edge of the form.
    box = form.bounding_box()
    label = page.locator('label[for="interest-organisation"]').bounding_box()
    assert label["x"] + label["width"] == pytest.approx(box["x"] + box["width"], abs=2)
    # The honeypot is nowhere a person could see it.
    trap = page.locator("#interest-website").bounding_box()
    assert trap is None or trap["x"] + trap["width"] <= 0 or trap["x"] >= 1280

    page.fill("#interest-organisation", "مؤسسة الاتصالات الرقمية")
    page.fill("#interest-contact_name", "ليلى حداد")
    page.fill("#interest-email", "layla.haddad@")
    page.get_by_label(translated("Expertise", "ar"), exact=True).check()
    page.fill("#interest-message", "يمكننا تقديم الخبرة في مجال الصحة الرقمية.")
    # The consent box is left unticked.
    page.locator(".interest__submit").click()
    page.wait_for_load_state()

    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.locator("a").all_inner_texts() == [
        translated(EMAIL_ERROR, "ar"),
        translated(CONSENT_ERROR, "ar"),
    ]
    assert translated(CONSENT_ERROR, "ar") != CONSENT_ERROR
    # Everything typed is still there.
    assert page.input_value("#interest-organisation") == "مؤسسة الاتصالات الرقمية"
    assert page.input_value("#interest-contact_name") == "ليلى حداد"
    assert page.input_value("#interest-email") == "layla.haddad@"
    assert page.input_value("#interest-message") == "يمكننا تقديم الخبرة في مجال الصحة الرقمية."
    assert page.is_checked('input[name="support"][value="expertise"]')
    assert page.locator("#interest-email").get_attribute("aria-invalid") == "true"
    assert not ExpressionOfInterest.objects.exists()

    # The summary's link leads to the box to tick.
    summary.locator('a[href="#interest-consent"]').click()
    assert page.evaluate("document.activeElement.id") == "interest-consent"

    page.fill("#interest-email", "layla.haddad@digital.example")
    page.check("#interest-consent")
    page.locator(".interest__submit").click()
    page.wait_for_url("**/?sent=1#interest-form")

    success = page.locator(".interest__success")
    assert translated(THANKS, "ar") in success.inner_text()
    assert translated(THANKS, "ar") != THANKS
    assert page.locator("html").get_attribute("dir") == "rtl"
    submission = ExpressionOfInterest.objects.get()
    assert submission.locale.language_code == "ar"
    assert submission.organisation == "مؤسسة الاتصالات الرقمية"
    assert sorted(message.to[0] for message in mail.outbox) == [
        "amina.diallo@itu.example",
        "layla.haddad@digital.example",
    ]
    # The module's other test reads the opportunity as it was built.
    submission.delete()


def test_form_has_no_serious_accessibility_violation(
    live_server, test_translations, arabic_opportunity, open_page, axe_violations
):
    english = arabic_opportunity.get_translation(Locale.objects.get(language_code="en"))
    for language, url in (("en", english.url), ("ar", arabic_opportunity.url)):
        page = open_page(live_server.url + url, locale=language)
        assert axe_violations(page) == [], (language, "empty form")
        page.fill("#interest-email", "not an address")
        page.locator(".interest__submit").click()
        page.wait_for_load_state()
        assert page.locator(".error-summary").is_visible()
        assert axe_violations(page) == [], (language, "form with errors")

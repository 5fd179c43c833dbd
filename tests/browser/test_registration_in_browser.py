"""In a real browser: an Arabic visitor registers for alerts. Sent without its required
answers, the form comes back with a summary of the errors and everything typed; completed,
it thanks the visitor in Arabic and stores a pending subscriber in Arabic. axe-core finds no
serious accessibility problem on the form, in English and in Arabic, with and without
errors."""

import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from cms.alerts.models import RegistrationPage, Subscriber
from tests.pages.directory import data


@pytest.fixture
def registration_pages(db):
    cache.clear()
    vocab = data.make_vocabularies()
    home = Site.objects.get(is_default_site=True).root_page.specific
    data.translate_page(home, "ar", title="شراكات من أجل التنمية الرقمية")
    english = RegistrationPage(
        title="Register for opportunities",
        slug="register",
        introduction="Hear of new partnership opportunities in your areas and regions.",
    )
    home.add_child(instance=english)
    english.save_revision().publish()
    arabic = data.translate_page(english, "ar", title="التسجيل لتلقي الفرص")
    return {"en": english, "ar": arabic, "vocab": vocab}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_visitor_corrects_the_form_and_registers(
    live_server, registration_pages, open_page, axe_violations
):
    english = open_page(live_server.url + "/en/register/")
    assert english.locator("#alerts-form form").count() == 1
    assert axe_violations(english) == []

    page = open_page(live_server.url + "/ar/register/", locale="ar-EG")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "التسجيل لتلقي الفرص"
    assert axe_violations(page) == []

    page.fill("#alerts-organisation", "هيئة تنظيم الاتصالات")
    page.locator(".interest__submit").click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.get_attribute("role") == "alert"
    assert summary.locator("a").count() >= 4  # kind, country, name, e-mail, consent...
    assert page.input_value("#alerts-organisation") == "هيئة تنظيم الاتصالات"
    assert not Subscriber.objects.exists()
    assert axe_violations(page) == []

    page.select_option("#alerts-kind", index=1)
    page.select_option("#alerts-country", "EG")
    page.fill("#alerts-contact_name", "ليلى حداد")
    page.fill("#alerts-email", "layla.haddad@ntra.example")
    page.check("#alerts-consent")
    page.locator(".interest__submit").click()
    page.wait_for_url("**?sent=1*")
    with translation.override("ar"):
        thanks = gettext("Thank you. Check your inbox.")
    assert thanks != "Thank you. Check your inbox."
    assert thanks in page.locator(".interest__success").inner_text()
    assert page.locator("html").get_attribute("dir") == "rtl"
    subscriber = Subscriber.objects.get()
    assert subscriber.organisation == "هيئة تنظيم الاتصالات"
    assert subscriber.language == "ar"
    assert subscriber.status == Subscriber.Status.PENDING

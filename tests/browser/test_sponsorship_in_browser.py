"""In a real browser: a visitor applies for a package on the Russian event page, seeing the
price for a Sector Member; an officer approves and confirms the application in the admin;
the sponsor's logo then shows on the Russian event page. axe-core finds no serious
accessibility problem on the event page with its price tables and form."""

from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images.models import Image
from wagtail.models import Site

from cms.core.roles import OFFICERS
from cms.sponsorship.models import SponsorshipApplication
from tests.snippets.admin.records import make_user
from tests.sponsorship.records import (
    make_archive_terms,
    make_categories,
    make_discounts,
    make_event,
    translate_categories,
    translate_event,
)


def _logo():
    data = BytesIO()
    PILImage.new("RGB", (120, 48), "#0b5d1e").save(data, "PNG")
    return Image.objects.create(title="Acme logo", file=ImageFile(data, name="acme.png"))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_apply_in_russian_then_approve_and_confirm(live_server, open_page, axe_violations):
    home = Site.objects.get(is_default_site=True).root_page.specific
    categories = make_categories()
    translate_categories(categories, "ru")
    make_archive_terms()
    event = make_event(home)
    make_discounts(categories, event)
    russian = translate_event(event, "ru")
    make_user("officer", OFFICERS)

    page = open_page(live_server.url + russian.url, locale="ru-RU")
    # The packages, their prices by category and the application form.
    assert axe_violations(page) == []
    gold = page.locator("article.package--gold")
    # The gold package's price for a Sector Member (12.5 % off 50,000).
    row = gold.locator("tr", has_text="Член Сектора")
    assert "43" in row.inner_text() and "750" in row.inner_text()
    gold.get_by_role("link").click()
    # The package's "Apply" link chose it in the form.
    assert page.locator("input[name=package]:checked").count() == 1
    page.fill("#sponsor-organisation", "Acme Networks")
    page.select_option("#sponsor-category", label="Член Сектора")
    page.fill("#sponsor-contact_name", "Ада Лавлейс")
    page.fill("#sponsor-email", "ada@acme.example")
    page.check("#sponsor-consent")
    page.locator("button.interest__submit").click()
    page.wait_for_url("**?sent=1*")
    application = SponsorshipApplication.objects.get()
    assert application.locale.language_code == "ru"
    assert str(application.price_usd) == "43750.00"

    admin = open_page(live_server.url + "/admin/login/")
    admin.fill("#id_username", "officer")
    admin.fill("#id_password", "pw")
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/")
    admin.goto(live_server.url + f"/admin/sponsorship/applications/inspect/{application.pk}/")
    for step in ("approve", "confirm"):
        # Each step opens to say what it will do, then is confirmed.
        admin.click(f"[data-step-panel={step}] summary")
        admin.click(f"button[data-step={step}]")
        admin.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "confirmed"

    # The officer has uploaded the logo the sponsor sent.
    application.logo = _logo()
    application.save()
    page.goto(live_server.url + russian.url)
    logo = page.locator(".sponsor-logo img")
    assert logo.get_attribute("alt") == "Acme Networks"

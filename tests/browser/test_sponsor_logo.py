"""In a real browser: a confirmed sponsor follows the link of its Russian confirmation e-mail,
uploads its logo, display name and link; nothing shows until an officer approves it in the
admin's "Sponsors' logos"; then the logo shows, linked, on the Russian event page and the
sponsors page. axe finds nothing serious on the upload page."""

import re
from io import BytesIO

import pytest
from django.core import mail
from PIL import Image as PILImage
from wagtail.models import Site

from cms.core.roles import OFFICERS
from cms.sponsorship.models import LogoSubmission, SponsorshipApplication
from cms.sponsorship.workflow import apply_transition
from tests.snippets.admin.records import make_user
from tests.sponsorship.conftest import form_data
from tests.sponsorship.records import make_translated_event


def _png():
    data = BytesIO()
    PILImage.new("RGB", (180, 72), "#9d174d").save(data, "PNG")
    return data.getvalue()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_logo_uploaded_through_the_link_shows_once_approved(
    live_server, open_page, axe_violations, client
):
    home = Site.objects.get(is_default_site=True).root_page.specific
    _english, russian, categories = make_translated_event(home, "ru")
    make_user("officer", OFFICERS)
    client.post(russian.url, form_data(russian.packages.get(tier="gold"), categories["none"]))
    application = SponsorshipApplication.objects.get()
    apply_transition(application.pk, "approve")
    mail.outbox.clear()
    apply_transition(application.pk, "confirm")
    (message,) = [m for m in mail.outbox if m.to == ["ada@acme.example"]]
    link = re.search(r"https?://[^/\s]+(/ru/sponsor-logo/[^/\s]+/)", message.body)[1]

    page = open_page(live_server.url + link, locale="ru-RU")
    assert page.locator("h1").inner_text() == "Ваш логотип на страницах мероприятия"
    assert axe_violations(page) == []
    page.set_input_files(
        "#assets-logo", {"name": "acme.png", "mimeType": "image/png", "buffer": _png()}
    )
    page.fill("#assets-display_name", "Acme Networks")
    page.fill("#assets-link_url", "https://acme.example/")
    page.get_by_role("button", name="Отправить на одобрение").click()
    page.wait_for_url("**?sent=1")
    assert page.locator("[data-sent]").is_visible()
    assert page.locator("[data-latest-status=pending]").count() == 1
    assert axe_violations(page) == []

    # Waiting: the event page still shows the name only.
    visitor = open_page(live_server.url + russian.url, locale="ru-RU")
    assert visitor.locator(".sponsor-logo img").count() == 0
    assert visitor.locator(".sponsor-logo__name").inner_text() == "Acme Networks"

    admin = open_page(live_server.url + "/admin/login/")
    admin.fill("#id_username", "officer")
    admin.fill("#id_password", "pw")
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/")
    admin.goto(live_server.url + "/admin/sponsorship/logos/")
    admin.get_by_role("link", name="Acme Networks").first.click()
    admin.wait_for_load_state()
    assert admin.locator("[data-logo-preview] img").count() == 1
    admin.click("button[data-decision=approve]")
    admin.wait_for_load_state()
    assert LogoSubmission.objects.get().status == "approved"

    for url in (russian.url, russian.get_parent().url + "sponsors/"):
        visitor.goto(live_server.url + url)
        logo = visitor.locator(".sponsor-logo a[rel='sponsored noopener'] img")
        assert logo.get_attribute("alt") == "Acme Networks", url
        assert logo.get_attribute("width") and logo.get_attribute("height"), url
        assert (
            visitor.locator(".sponsor-logo a").first.get_attribute("href")
            == "https://acme.example/"
        )

"""The registration form refuses what only software does, like every public form
(cms.core.public_forms), and keeps what a person typed."""

from cms.alerts.models import Subscriber
from cms.core.models import OutgoingEmail
from cms.core.public_forms import FILL_TIME_FIELD
from tests.pages.html import parse

from .conftest import registration_data


def test_a_form_sent_the_moment_the_page_loaded_is_dropped_like_the_honeypot(
    client, site_pages, terms
):
    page = site_pages["fr_register"]
    shown = parse(client.get(page.url))
    token = shown.select_one(f'input[name="{FILL_TIME_FIELD}"]')["value"]

    response = client.post(page.url, registration_data(terms, **{FILL_TIME_FIELD: token}))

    assert response.status_code == 303
    assert response["Location"].startswith(page.url)
    assert not Subscriber.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_invalid_registration_keeps_what_was_typed(register):
    response = register(email="awa.ndiaye@", consent="")

    assert response.status_code == 400
    soup = parse(response)
    assert soup.select_one("#alerts-email")["value"] == "awa.ndiaye@"
    assert soup.select_one("#alerts-contact_name")["value"] == "Awa Ndiaye"
    assert soup.select_one("#alerts-country option[selected]")["value"] == "SN"
    assert not Subscriber.objects.exists()

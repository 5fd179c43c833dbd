"""The registration form refuses what only software does, like every public form
(cms.core.public_forms), and keeps what a person typed."""

from django.utils import translation

from cms.alerts.models import Subscriber
from cms.core.public_forms import FILL_TIME_FIELD, TOO_FAST
from tests.pages.html import parse

from .conftest import registration_data


def test_a_form_sent_the_moment_the_page_loaded_is_refused_in_french_and_kept(
    client, site_pages, terms
):
    page = site_pages["fr_register"]
    shown = parse(client.get(page.url))
    token = shown.select_one(f'input[name="{FILL_TIME_FIELD}"]')["value"]

    response = client.post(page.url, registration_data(terms, **{FILL_TIME_FIELD: token}))

    assert response.status_code == 400
    soup = parse(response)
    with translation.override("fr"):
        assert soup.select_one(".error-summary li").get_text(strip=True) == str(TOO_FAST)
    assert soup.select_one("#alerts-organisation")["value"] == "Agence numérique du Sénégal"
    assert soup.select_one("#alerts-email")["value"] == "awa.ndiaye@example.sn"
    assert soup.select_one("#alerts-consent").has_attr("checked")
    # A new moment to send it again with.
    assert soup.select_one(f'input[name="{FILL_TIME_FIELD}"]')["value"] != token
    assert not Subscriber.objects.exists()


def test_invalid_registration_keeps_what_was_typed(register):
    response = register(email="awa.ndiaye@", consent="")

    assert response.status_code == 400
    soup = parse(response)
    assert soup.select_one("#alerts-email")["value"] == "awa.ndiaye@"
    assert soup.select_one("#alerts-contact_name")["value"] == "Awa Ndiaye"
    assert soup.select_one("#alerts-country option[selected]")["value"] == "SN"
    assert not Subscriber.objects.exists()

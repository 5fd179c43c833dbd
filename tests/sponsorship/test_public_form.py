"""The application form refuses what only software does, like every public form
(cms.core.public_forms) without telling it so, and keeps what a person sends."""

from cms.core.public_forms import FILL_TIME_FIELD, PRIVACY_NOTICE_VERSION
from cms.sponsorship.models import SponsorshipApplication
from tests.pages.html import parse

from .conftest import form_data


def test_a_form_sent_the_moment_the_page_loaded_is_dropped_like_the_honeypot(
    client, event, gold, categories
):
    token = parse(client.get(event.url)).select_one(f'input[name="{FILL_TIME_FIELD}"]')["value"]
    data = form_data(gold, categories["academia"], **{FILL_TIME_FIELD: token})

    response = client.post(event.url, data)

    assert response.status_code == 303
    assert response["Location"] == f"{event.url}?sent=1#apply"
    assert SponsorshipApplication.objects.count() == 0


def test_an_application_sent_a_minute_after_the_page_loaded_is_accepted_with_its_consent(
    client, event, gold, categories
):
    response = client.post(event.url, form_data(gold, categories["academia"]))

    assert response.status_code == 303
    assert response["Location"].startswith(f"{event.url}?sent=1&application=")
    application = SponsorshipApplication.objects.get()
    assert application.privacy_notice_version == PRIVACY_NOTICE_VERSION
    assert application.consent_given_at is not None

"""Spam protection that people never notice: a honeypot, a fill time and a rate limit."""

from django.core import mail

from cms.core.public_forms import FILL_TIME_FIELD, RATE_LIMIT
from cms.interest.models import ExpressionOfInterest
from cms.interest.views import FORM
from tests.pages.html import parse


def test_filled_honeypot_looks_like_success_but_keeps_and_sends_nothing(
    send, opportunity, form_data
):
    form_data["website"] = "https://cheap-pills.example"

    response = send(opportunity, form_data)

    assert response.status_code == 303
    assert response["Location"] == f"{opportunity.url}?sent=1#interest-form"
    assert not ExpressionOfInterest.objects.exists()
    assert mail.outbox == []


def test_sixth_submission_in_an_hour_from_one_address_is_refused_and_kept(
    send, opportunity, form_data
):
    for number in range(RATE_LIMIT):
        data = {**form_data, "email": f"person{number}@fondation.example"}
        assert send(opportunity, data, REMOTE_ADDR="198.51.100.4").status_code == 303

    response = send(opportunity, form_data, REMOTE_ADDR="198.51.100.4")

    assert response.status_code == 429
    soup = parse(response)
    assert soup.select_one(".error-summary li").get_text(strip=True) == str(FORM.rate_limited)
    assert soup.select_one("#interest-organisation")["value"] == "Fondation Pierre Fabre"
    assert soup.select_one("#interest-email")["value"] == "claire.martin@fondation.example"
    assert soup.select_one('input[value="expertise"]').has_attr("checked")
    assert ExpressionOfInterest.objects.count() == RATE_LIMIT
    assert len(mail.outbox) == 2 * RATE_LIMIT

    # Someone else, elsewhere, is not held back.
    assert send(opportunity, form_data, REMOTE_ADDR="192.0.2.10").status_code == 303


def test_sixth_submission_in_an_hour_from_one_email_address_is_refused(
    send, opportunity, form_data
):
    for number in range(RATE_LIMIT):
        assert send(opportunity, form_data, REMOTE_ADDR=f"192.0.2.{number}").status_code == 303

    # The same address written differently is the same address.
    form_data["email"] = "Claire.Martin@Fondation.example"
    response = send(opportunity, form_data, REMOTE_ADDR="192.0.2.99")

    assert response.status_code == 429
    assert ExpressionOfInterest.objects.count() == RATE_LIMIT


def test_corrections_do_not_count_towards_the_limit(send, opportunity, form_data):
    for _attempt in range(2 * RATE_LIMIT):
        assert send(opportunity, {**form_data, "consent": ""}).status_code == 400

    assert send(opportunity, form_data).status_code == 303


def test_honeypot_hits_count_towards_the_limit_of_their_address(send, opportunity, form_data):
    for _attempt in range(RATE_LIMIT):
        send(opportunity, {**form_data, "website": "x"}, REMOTE_ADDR="198.51.100.9")

    response = send(opportunity, form_data, REMOTE_ADDR="198.51.100.9")

    assert response.status_code == 429
    assert not ExpressionOfInterest.objects.exists()


def test_a_form_sent_the_moment_the_page_loaded_is_dropped_like_the_honeypot(
    client, send, french_opportunity, form_data
):
    """What issue 16 saw accepted: the form posted 0 s after the page was loaded. Now its
    sender gets the thank-you, and nothing is stored or sent."""
    shown = parse(client.get(french_opportunity.url))
    form_data[FILL_TIME_FIELD] = shown.select_one(f'input[name="{FILL_TIME_FIELD}"]')["value"]

    response = send(french_opportunity, form_data)

    assert response.status_code == 303
    assert response["Location"] == f"{french_opportunity.url}?sent=1#interest-form"
    assert not ExpressionOfInterest.objects.exists()
    assert mail.outbox == []

"""Registering from the subscriber's side: the form, double opt-in, the consent record, and
the same answer for an address already registered."""

import time

from django.core import mail
from django.test import Client

from cms.alerts import emails
from cms.alerts.models import Consent, Subscriber
from cms.core.models import OutgoingEmail
from cms.core.public_forms import FILL_TIME_FIELD, PRIVACY_NOTICE_VERSION, fill_token
from tests.interest.translations import translated
from tests.pages.html import parse

from . import built_once
from .conftest import link_in
from .translations import CONFIRM_SUBJECT, MANAGE_SUBJECT, THANKS

# The conftest's terms and pages, built once for this module (built_once.py).
alerts_records, terms, site_pages = built_once.FIXTURES


def test_registration_page_shows_the_form_in_its_language(client, site_pages):
    response = client.get("/fr/register/")

    assert response.status_code == 200
    soup = parse(response)
    form = soup.select_one("#alerts-form form")
    assert form["method"] == "post"
    for name in ("organisation", "kind", "country", "contact_name", "email", "language"):
        control = form.select_one(f'[name="{name}"]')
        assert form.select_one(f'label[for="{control["id"]}"]'), name
    assert [box["value"] for box in form.select('input[name="frequency"]')] == [
        "immediate",
        "weekly",
    ]
    # French is preselected on the French page; areas and regions are checkboxes.
    assert form.select_one('select[name="language"] option[selected]')["value"] == "fr"
    assert form.select('input[name="areas"][type="checkbox"]')
    assert form.select('input[name="regions"][type="checkbox"]')
    assert form.select_one("#alerts-privacy-notice")
    assert form.select_one('input[name="website"]').find_parent(attrs={"aria-hidden": "true"})
    assert soup.select_one('link[href$="css/alerts.css"]')


def test_registration_is_stored_pending_and_only_a_confirmation_is_sent(register, terms):
    response = register()

    assert response.status_code == 303
    assert response["Location"] == "/fr/register/?sent=1#alerts-form"
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.language == "fr"
    assert list(subscriber.areas.all()) == [terms["cyber"]]
    assert list(subscriber.regions.all()) == [terms["afr"]]
    consent = subscriber.consents.get()
    assert consent.event == Consent.Event.REGISTERED
    assert consent.privacy_notice_version == PRIVACY_NOTICE_VERSION
    assert consent.language == "fr"
    assert consent.criteria["thematic_areas"] == ["cybersecurity"]
    assert consent.criteria["regions"] == ["afr"]
    assert consent.given_at is not None
    # Only the confirmation, in French, with a link to the confirmation page.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["awa.ndiaye@example.sn"]
    assert message.subject == translated(CONFIRM_SUBJECT, "fr")
    assert message.extra_headers["Content-Language"] == "fr"
    assert link_in(message, "confirm").startswith("/fr/subscription/confirm/")
    assert "List-Unsubscribe" not in message.extra_headers


def test_thank_you_message(client, register):
    register()
    response = client.get("/fr/register/?sent=1")
    assert translated(THANKS, "fr") in parse(response).get_text()


def test_existing_address_gets_the_same_answer_and_its_owner_a_manage_link(register, confirmed):
    confirmed()
    mail.outbox.clear()

    response = register(organisation="Someone else", email="AWA.NDIAYE@example.sn")

    assert response.status_code == 303
    assert response["Location"] == "/fr/register/?sent=1#alerts-form"
    assert Subscriber.objects.count() == 1
    subscriber = Subscriber.objects.get()
    assert subscriber.organisation == "Agence numérique du Sénégal"  # nothing overwritten
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["awa.ndiaye@example.sn"]
    assert message.subject == translated(MANAGE_SUBJECT, "fr")
    assert link_in(message, "manage").startswith("/fr/subscription/manage/")


def test_invalid_form_keeps_what_was_typed_with_translated_errors(register):
    response = register(email="not-an-address", consent="")

    assert response.status_code == 400
    soup = parse(response)
    summary = soup.select_one(".error-summary")
    assert summary is not None
    assert len(summary.select("li")) == 2
    assert soup.select_one('input[name="organisation"]')["value"] == "Agence numérique du Sénégal"
    assert soup.select_one('input[name="email"]')["value"] == "not-an-address"
    assert Subscriber.objects.count() == 0
    assert mail.outbox == []


def test_honeypot_stores_nothing_and_answers_the_same(register):
    response = register(website="http://spam.example")

    assert response.status_code == 303
    assert Subscriber.objects.count() == 0
    assert mail.outbox == []


def test_rate_limit_per_address_and_per_ip(register, site_pages, terms):
    for n in range(5):
        assert register(email=f"person{n}@example.org").status_code == 303

    response = register(email="person-late@example.org")

    assert response.status_code == 429
    assert Subscriber.objects.count() == 5
    # From another IP address, the same e-mail address is limited too once it reached it.
    other = Client(REMOTE_ADDR="10.0.0.9")
    response = other.post(
        site_pages["register"].url,
        {
            "organisation": "X",
            "kind": str(terms["gov"].pk),
            "country": "FR",
            "contact_name": "Y",
            "email": "fresh@example.org",
            "language": "en",
            "frequency": "weekly",
            "consent": "on",
            FILL_TIME_FIELD: fill_token(time.time() - 60),
        },
    )
    assert response.status_code == 303


def test_empty_criteria_mean_everything(register, terms):
    register(areas=[], regions=[])

    subscriber = Subscriber.objects.get()
    assert subscriber.areas.count() == 0
    assert subscriber.criteria()["thematic_areas"] == []
    assert OutgoingEmail.objects.get().kind == emails.CONFIRMATION


def test_registration_page_queries_do_not_grow_with_the_vocabularies(client, site_pages):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from cms.snippets.factories.vocabularies import ThematicAreaFactory

    client.get("/fr/register/")
    with CaptureQueriesContext(connection) as few:
        client.get("/fr/register/")
    for n in range(6):
        ThematicAreaFactory(code=f"extra-{n}", name=f"Extra {n}")
    # The vocabularies are read again once (the shared cache follows them), then kept.
    client.get("/fr/register/")
    with CaptureQueriesContext(connection) as more:
        response = client.get("/fr/register/")
    assert len(parse(response).select('input[name="areas"]')) == 8
    assert len(more) == len(few)

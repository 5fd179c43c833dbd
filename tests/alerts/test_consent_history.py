"""Issue 16's personal-data findings, from the subscriber's side: the confirmation link works
once and for 48 hours; every consent change (confirm, change, unsubscribe, delete) is in the
history with its time, notice version and a hash of address and user agent; the pages that
show personal data are never cached; erasure leaves only a hashed suppression entry and takes
the person's expressions of interest with it; the export holds them."""

import json
import time

from django.core import mail

from cms.alerts.links import one_click_url, token
from cms.alerts.models import Consent, Subscriber
from cms.core.models import OutgoingEmail
from cms.core.personal_data import client_digest, email_digest
from cms.core.public_forms import PRIVACY_NOTICE_VERSION
from cms.interest.factories import ExpressionOfInterestFactory
from cms.interest.models import ExpressionOfInterest

from . import built_once
from .conftest import link_in, registration_data

# The conftest's terms and pages, built once for this module (built_once.py).
alerts_records, terms, site_pages = built_once.FIXTURES

EMAIL = "awa.ndiaye@example.sn"
AGENT = "Mozilla/5.0 (Test) Firefox/140.0"


def test_the_confirmation_link_works_once(client, register):
    register()
    url = link_in(mail.outbox[0], "confirm")

    assert client.post(url).status_code == 303
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    # Used: it leads nowhere, neither to the subscription's page nor to a second consent.
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Consent.objects.filter(event=Consent.Event.CONFIRMED).count() == 1


def test_the_confirmation_link_is_valid_48_hours(client, register, monkeypatch):
    register()
    url = link_in(mail.outbox[0], "confirm")
    now = time.time()

    monkeypatch.setattr(time, "time", lambda: now + 49 * 3600)
    assert client.get(url).status_code == 404
    monkeypatch.setattr(time, "time", lambda: now + 47 * 3600)
    assert client.get(url).status_code == 200
    # The e-mail says so.
    assert "2 jours" in mail.outbox[0].body


def test_every_consent_change_is_in_the_history_with_notice_and_client_hash(
    client, confirmed, terms, django_capture_on_commit_callbacks
):
    confirmed()
    subscriber = Subscriber.objects.get()
    manage = f"/fr/subscription/manage/{token(subscriber, 'manage')}/"
    client.post(
        manage,
        {"action": "save", "language": "fr", "frequency": "weekly", "areas": [terms["infra"].pk]},
        HTTP_USER_AGENT=AGENT,
    )
    client.post(
        f"/fr/subscription/unsubscribe/{token(subscriber, 'unsubscribe')}/",
        HTTP_USER_AGENT=AGENT,
    )
    client.post(manage, {"action": "resubscribe"}, HTTP_USER_AGENT=AGENT)
    # The mail client's one-click unsubscribe counts too.
    client.post(one_click_url(subscriber).removeprefix("http://testserver"))

    history = list(Consent.objects.filter(subscriber=subscriber).order_by("pk"))
    assert [consent.event for consent in history] == [
        "registered",
        "confirmed",
        "changed",
        "unsubscribed",
        "resubscribed",
        "unsubscribed",
    ]
    for consent in history:
        assert consent.given_at is not None
        assert consent.privacy_notice_version == PRIVACY_NOTICE_VERSION
        assert consent.email_hash == email_digest(EMAIL)
        assert len(consent.client_hash) == 64
    assert EMAIL not in json.dumps([consent.client_hash for consent in history])
    # The same client (address and browser) gives the same hash; another browser another.
    assert history[2].client_hash == history[3].client_hash == history[4].client_hash
    assert history[5].client_hash != history[4].client_hash


def test_erasure_leaves_only_a_hashed_suppression_entry_and_takes_the_interest_too(
    client, confirmed, draft_opportunity
):
    confirmed()
    subscriber = Subscriber.objects.get()
    opportunity = draft_opportunity("rural-schools")
    ExpressionOfInterestFactory(page=opportunity, email=EMAIL.upper())
    ExpressionOfInterestFactory(page=opportunity, email="someone.else@example.org")

    client.post(f"/fr/subscription/delete/{token(subscriber, 'manage')}/", HTTP_USER_AGENT=AGENT)

    assert not Subscriber.objects.exists()
    entry = Consent.objects.get()
    assert (entry.event, entry.subscriber) == (Consent.Event.DELETED, None)
    assert entry.email_hash == email_digest(EMAIL)
    assert entry.privacy_notice_version == PRIVACY_NOTICE_VERSION
    assert entry.criteria == {}
    # Nothing in clear: no row of the alerts or the outbox holds the address any more.
    assert EMAIL not in json.dumps(list(Consent.objects.values()), default=str)
    assert not OutgoingEmail.objects.filter(recipient__iexact=EMAIL).exists()
    assert list(ExpressionOfInterest.objects.values_list("email", flat=True)) == [
        "someone.else@example.org"
    ]


def test_the_export_holds_the_expressions_of_interest(client, confirmed, draft_opportunity):
    confirmed()
    subscriber = Subscriber.objects.get()
    opportunity = draft_opportunity("rural-schools")
    ExpressionOfInterestFactory(page=opportunity, email=EMAIL, message="Nous finançons.")

    response = client.get(f"/fr/subscription/manage/{token(subscriber, 'manage')}/data.json")
    data = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )

    assert [item["message"] for item in data["expressions_of_interest"]] == ["Nous finançons."]
    assert data["sponsorship_applications"] == []


def test_pages_that_show_personal_data_are_never_cached(client, register, site_pages, terms):
    register()
    confirm_url = link_in(mail.outbox[0], "confirm")
    subscriber = Subscriber.objects.get()
    manage_token = token(subscriber, "manage")
    pages = [
        confirm_url,
        f"/fr/subscription/manage/{manage_token}/",
        f"/fr/subscription/manage/{manage_token}/data.json",
        f"/fr/subscription/delete/{manage_token}/",
        f"/fr/subscription/unsubscribe/{token(subscriber, 'unsubscribe')}/",
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    # The registration form sent back with what was typed, after an error.
    refused = client.post(
        site_pages["fr_register"].url, registration_data(terms, email="awa@", consent="")
    )
    assert refused.status_code == 400
    assert "no-store" in refused["Cache-Control"]


def test_the_client_hash_never_holds_the_address_in_clear(rf):
    request = rf.get("/", REMOTE_ADDR="203.0.113.5", HTTP_USER_AGENT=AGENT)

    digest = client_digest(request)

    assert len(digest) == 64 and "203.0.113.5" not in digest
    assert digest != client_digest(rf.get("/", REMOTE_ADDR="203.0.113.5"))

"""The signed links, from the subscriber's side: a GET changes nothing, the POST does;
managing criteria, downloading the data, deleting it, one-click unsubscribe."""

import json

import pytest
from django.core import mail

from cms.alerts.links import one_click_url, token
from cms.alerts.models import Consent, Subscriber
from tests.pages.html import parse

from . import built_once
from .conftest import link_in

# The conftest's terms and pages, built once for this module (built_once.py).
alerts_records, terms, site_pages = built_once.FIXTURES


def test_get_on_the_confirmation_link_changes_nothing_and_the_post_confirms(client, register):
    register()
    url = link_in(mail.outbox[0], "confirm")

    response = client.get(url)

    assert response.status_code == 200
    assert parse(response).select_one("form[method=post] button")
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    response = client.post(url)

    assert response.status_code == 303
    assert "/fr/subscription/manage/" in response["Location"]
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert [c.event for c in subscriber.consents.all()] == [
        Consent.Event.REGISTERED,
        Consent.Event.CONFIRMED,
    ]


def test_forged_or_expired_links_are_refused(client, register, settings):
    register()
    url = link_in(mail.outbox[0], "confirm")

    assert client.post(url.replace("/confirm/", "/manage/")).status_code == 404
    assert client.post(url[:-3] + "xx/").status_code == 404
    settings.ALERTS_CONFIRMATION_HOURS = -1  # every confirmation link is now expired
    assert client.post(url).status_code == 404
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_get_on_the_unsubscribe_link_changes_nothing_and_the_post_unsubscribes(client, confirmed):
    confirmed()
    subscriber = Subscriber.objects.get()
    url = f"/fr/subscription/unsubscribe/{token(subscriber, 'unsubscribe')}/"

    assert client.get(url).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    assert client.post(url).status_code == 303
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_one_click_unsubscribe_is_a_csrf_exempt_post(confirmed):
    from django.test import Client

    confirmed()
    subscriber = Subscriber.objects.get()
    url = one_click_url(subscriber).removeprefix("http://testserver")
    assert url.startswith("/alerts/unsubscribe/")
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.get(url)  # a link scanner
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/subscription/unsubscribe/")
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    response = mail_client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_manage_page_changes_criteria_language_and_frequency(client, confirmed, terms):
    confirmed()
    subscriber = Subscriber.objects.get()
    url = f"/fr/subscription/manage/{token(subscriber, 'manage')}/"

    page = parse(client.get(url))
    assert page.select_one(f'input[name="areas"][value="{terms["cyber"].pk}"]').has_attr("checked")

    response = client.post(
        url,
        {
            "action": "save",
            "language": "es",
            "areas": [terms["infra"].pk],
            "regions": [],
            "opportunity_kinds": ["concept"],
            "frequency": "weekly",
        },
    )

    assert response.status_code == 303
    subscriber.refresh_from_db()
    assert subscriber.language == "es"
    assert subscriber.frequency == Subscriber.Frequency.WEEKLY
    assert list(subscriber.areas.all()) == [terms["infra"]]
    assert subscriber.regions.count() == 0
    assert subscriber.opportunity_kinds == ["concept"]
    last = subscriber.consents.last()
    assert last.event == Consent.Event.CHANGED
    assert last.criteria["thematic_areas"] == ["infrastructure"]
    assert parse(client.get(response["Location"])).select_one(".alerts__done[role=status]")


def test_manage_page_refuses_bad_input_and_keeps_it(client, confirmed):
    confirmed()
    subscriber = Subscriber.objects.get()
    url = f"/fr/subscription/manage/{token(subscriber, 'manage')}/"

    response = client.post(url, {"action": "save", "language": "xx", "frequency": "weekly"})

    assert response.status_code == 400
    assert parse(response).select_one(".error-summary")
    subscriber.refresh_from_db()
    assert subscriber.language == "fr"


def test_data_export_holds_everything_about_the_subscriber(client, confirmed):
    confirmed()
    subscriber = Subscriber.objects.get()

    response = client.get(f"/fr/subscription/manage/{token(subscriber, 'manage')}/data.json")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["email"] == "awa.ndiaye@example.sn"
    assert data["organisation"] == "Agence numérique du Sénégal"
    assert data["country"] == "SN"
    assert data["criteria"]["thematic_areas"] == ["cybersecurity"]
    assert [c["event"] for c in data["consents"]] == ["registered", "confirmed"]
    assert data["emails"][0]["kind"] == "confirmation"
    assert data["emails"][0]["status"] == "sent"


def test_deletion_needs_the_post_and_erases_everything(client, confirmed):
    confirmed()
    subscriber = Subscriber.objects.get()
    url = f"/fr/subscription/delete/{token(subscriber, 'manage')}/"

    assert client.get(url).status_code == 200
    assert Subscriber.objects.count() == 1

    response = client.post(url)

    assert response.status_code == 200
    assert Subscriber.objects.count() == 0
    # Only the hashed suppression entry is left (tests/alerts/test_consent_history.py).
    assert list(Consent.objects.values_list("event", "subscriber")) == [("deleted", None)]
    # Its links now lead nowhere.
    assert client.get(f"/fr/subscription/manage/{token(subscriber, 'manage')}/").status_code == 404


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_pages_follow_the_language_of_the_address(client, confirmed, language):
    confirmed()
    subscriber = Subscriber.objects.get()

    response = client.get(f"/{language}/subscription/manage/{token(subscriber, 'manage')}/")

    html = parse(response).html
    assert html["lang"] == language
    assert html["dir"] == ("rtl" if language == "ar" else "ltr")


def test_unsubscribed_subscriber_can_subscribe_again_from_the_manage_page(client, confirmed):
    confirmed()
    subscriber = Subscriber.objects.get()
    client.post(f"/fr/subscription/unsubscribe/{token(subscriber, 'unsubscribe')}/")
    url = f"/fr/subscription/manage/{token(subscriber, 'manage')}/"
    assert parse(client.get(url)).select_one('button[value="resubscribe"]')

    client.post(url, {"action": "resubscribe"})

    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

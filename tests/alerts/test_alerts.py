"""Alerts on a new opportunity, from the subscriber's side: who is told, once, in which
language; weekly digests."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.alerts import emails
from cms.alerts.models import Match, Subscriber
from cms.core.models import OutgoingEmail
from cms.pages.models import OpportunityPage
from tests.interest.translations import translated

from . import built_once
from .conftest import publish
from .translations import ALERT_SUBJECT, NOT_TRANSLATED

# The conftest's terms and pages, built once for this module (built_once.py).
alerts_records, terms, site_pages = built_once.FIXTURES


def _alerts():
    return [m for m in mail.outbox if "List-Unsubscribe" in m.extra_headers]


def _publish_due(django_capture_on_commit_callbacks, page):
    with django_capture_on_commit_callbacks(execute=True):
        return publish(page)


def test_acceptance_french_subscriber_gets_the_french_version_once_and_nothing_else(
    confirmed, draft_opportunity, translate, settings, django_capture_on_commit_callbacks
):
    """A French subscriber to "Cybersecurity, Africa" receives, in French and only once, the
    French version of a new African cybersecurity opportunity, and nothing else."""
    settings.ALERTS_TRANSLATION_WAIT_MINUTES = 30
    confirmed()
    mail.outbox.clear()
    african_cyber = draft_opportunity("cyber-shield-africa")
    european_cyber = draft_opportunity("cyber-shield-europe", regions=("eur",))
    african_infra = draft_opportunity("backbone-africa", areas=("infra",))

    for page in (african_cyber, european_cyber, african_infra):
        _publish_due(django_capture_on_commit_callbacks, page)
    # Within the wait, the translators publish the French version.
    french = translate(african_cyber, "fr", "Bouclier cyber pour l'Afrique")
    assert _alerts() == []
    OutgoingEmail.objects.filter(kind=emails.ALERT).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("send_due_emails", stdout=None)
    # Republishing, and the worker running again change nothing.
    publish(african_cyber)
    call_command("send_due_emails", stdout=None)
    call_command("send_alert_digests", stdout=None)

    alerts = _alerts()
    assert len(alerts) == 1
    message = alerts[0]
    assert message.to == ["awa.ndiaye@example.sn"]
    assert message.subject == translated(ALERT_SUBJECT, "fr", title=french.title)
    assert message.extra_headers["Content-Language"] == "fr"
    assert f"http://testserver{french.url}" in message.body
    assert translated(NOT_TRANSLATED, "fr") not in message.body
    html = message.alternatives[0][0]
    assert 'lang="fr"' in html
    assert french.title.replace("'", "&#x27;") in html


def test_alert_in_english_with_a_note_when_there_is_no_translation(
    confirmed, draft_opportunity, django_capture_on_commit_callbacks
):
    confirmed()
    page = draft_opportunity("cyber-lab")

    _publish_due(django_capture_on_commit_callbacks, page)

    (message,) = _alerts()
    assert message.subject == translated(ALERT_SUBJECT, "fr", title=page.title)
    assert translated(NOT_TRANSLATED, "fr") in message.body
    assert f"http://testserver{page.url}" in message.body


def test_alert_headers_and_arabic_right_to_left(
    confirmed, draft_opportunity, django_capture_on_commit_callbacks
):
    confirmed(language="ar")
    _publish_due(django_capture_on_commit_callbacks, draft_opportunity("cyber-lab"))

    (message,) = _alerts()
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/alerts/unsubscribe/"
    )
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["Content-Language"] == "ar"
    html = BeautifulSoup(message.alternatives[0][0], "html.parser")
    assert html.html["dir"] == "rtl"
    assert html.html["lang"] == "ar"
    assert "/ar/subscription/manage/" in message.body
    assert "/ar/subscription/unsubscribe/" in message.body


@pytest.mark.parametrize(
    "overrides",
    [
        {"regions": []},  # every region
        {"areas": []},
        {"opportunity_kinds": ["project"]},
    ],
)
def test_everything_and_kinds_match(
    confirmed, draft_opportunity, django_capture_on_commit_callbacks, overrides
):
    confirmed(**overrides)
    _publish_due(django_capture_on_commit_callbacks, draft_opportunity("cyber-lab"))
    assert len(_alerts()) == 1


def test_no_alert_for_unconfirmed_unsubscribed_or_non_matching(
    register,
    confirmed,
    client,
    draft_opportunity,
    django_capture_on_commit_callbacks,
):
    from cms.alerts.links import token

    register(email="pending@example.org")
    confirmed(email="kinds@example.org", opportunity_kinds=["concept"])
    confirmed(email="europe@example.org", regions=[])
    Subscriber.objects.filter(email="europe@example.org").get().regions.set(
        [Subscriber.regions.field.related_model.objects.get(code="eur")]
    )
    confirmed(email="gone@example.org")
    gone = Subscriber.objects.get(email="gone@example.org")
    client.post(f"/fr/subscription/unsubscribe/{token(gone, 'unsubscribe')}/")
    mail.outbox.clear()

    _publish_due(django_capture_on_commit_callbacks, draft_opportunity("cyber-lab"))

    assert _alerts() == []
    assert Match.objects.count() == 0


def test_a_republished_opportunity_or_a_later_translation_never_alerts(
    confirmed, draft_opportunity, translate, django_capture_on_commit_callbacks
):
    page = draft_opportunity("cyber-lab")
    _publish_due(django_capture_on_commit_callbacks, page)
    confirmed()  # registers after the first publication
    mail.outbox.clear()

    page.title = "Cyber lab, second edition"
    _publish_due(django_capture_on_commit_callbacks, page)
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
        publish(page)
        translate(page, "fr", "Laboratoire cyber")

    assert _alerts() == []


def test_weekly_digest_gathers_the_matches_once(
    confirmed, draft_opportunity, translate, django_capture_on_commit_callbacks
):
    confirmed(frequency="weekly", areas=[])
    mail.outbox.clear()
    first = draft_opportunity("cyber-lab")
    second = draft_opportunity("backbone", areas=("infra",), kind=OpportunityPage.Kind.CONCEPT)
    draft_opportunity("europe-only", regions=("eur",))
    for page in (first, second):
        _publish_due(django_capture_on_commit_callbacks, page)
    french_second = translate(second, "fr", "Dorsale africaine")
    assert _alerts() == []  # nothing until the digest

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", stdout=None)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_alert_digests", stdout=None)

    (digest,) = _alerts()
    assert digest.extra_headers["Content-Language"] == "fr"
    assert f"http://testserver{first.url}" in digest.body
    assert f"http://testserver{french_second.url}" in digest.body
    assert "europe-only" not in digest.body
    assert OutgoingEmail.objects.get(kind=emails.DIGEST).status == OutgoingEmail.Status.SENT

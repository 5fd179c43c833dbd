"""From application to delivery: the steps in the admin, the e-mails in the applicant's
language, the partner and agreement of a confirmed sponsorship, the figures."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.snippets.models import Agreement, Partner
from cms.sponsorship.models import SponsorshipApplication
from cms.sponsorship.workflow import SoldOut, apply_transition

from .conftest import form_data
from .records import ready_for_delivery, translate_categories, translate_event

Status = SponsorshipApplication.Status


def _step(client, application, action):
    url = reverse("sponsorship_applications:transition", args=[application.pk, action])
    return client.post(url, follow=True)


@pytest.mark.django_db(transaction=False)
def test_whole_flow_in_the_applicants_language(
    client, django_capture_on_commit_callbacks, event, categories, officer
):
    translate_categories(categories, "ru")
    russian = translate_event(event, "ru")
    gold_ru = russian.packages.get(tier="gold")
    booth_ru = russian.options.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            russian.url,
            form_data(gold_ru, categories["sector-member"], options=[str(booth_ru.pk)]),
        )
    assert response.status_code == 303
    application = SponsorshipApplication.objects.get()
    assert application.locale.language_code == "ru"
    assert application.package.locale.language_code == "en"  # slots counted once
    assert application.price_usd == Decimal("48125.00")
    # The event's contact is told; the applicant gets a confirmation in Russian.
    to_applicant = [m for m in mail.outbox if m.to == ["ada@acme.example"]]
    assert len(to_applicant) == 1
    assert to_applicant[0].extra_headers["Content-Language"] == "ru"
    assert "Глобальный симпозиум" in to_applicant[0].subject
    assert any(m.to == ["sponsorship@itu.example"] for m in mail.outbox)

    client.force_login(officer)
    page = client.get(reverse("sponsorship_applications:inspect", args=[application.pk]))
    assert b'data-step="approve"' in page.content
    for action, status in (
        ("approve", Status.APPROVED),
        ("confirm", Status.CONFIRMED),
        ("deliver", Status.DELIVERED),
    ):
        if action == "deliver":
            # Delivered only once the event has started and the sponsor's assets are in
            # (tests/sponsorship/test_guards.py): the event opens today, the assets arrived.
            ready_for_delivery(event, application)
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = _step(client, application, action)
        assert response.status_code == 200
        application.refresh_from_db()
        assert application.status == status
        assert [m.to for m in mail.outbox] == [["ada@acme.example"]]
        message = mail.outbox[0]
        assert message.extra_headers["Content-Language"] == "ru"
        assert 'lang="ru"' in message.alternatives[0][0]

    # Confirming asked for the assets by a date, and created the partner and the
    # sponsorship agreement in the archive.
    assert application.logo_due_on is not None
    assert application.logo_due_on < event.start_date
    assert application.partner == Partner.objects.get(name="Acme Networks")
    agreement = Agreement.objects.get(pk=application.agreement_id)
    assert agreement.amount_usd == Decimal("48125.00")
    assert agreement.agreement_type.code == "sponsorship-agreement"
    assert list(agreement.tags.names()) == ["gsr-test"]

    out = StringIO()
    call_command("sponsorship_stats", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "entities": 1,
        "amount_usd": 48125,
        "by_event": {event.title: {"entities": 1, "amount_usd": 48125}},
    }
    # The sponsor shows on both language versions, under the name it delivered.
    assert "Acme" in client.get(russian.url).content.decode()
    assert "Acme" in client.get(event.url).content.decode()


@pytest.mark.django_db
def test_arabic_emails_are_right_to_left(
    client, django_capture_on_commit_callbacks, event, gold, categories
):
    from cms.sponsorship.emails import status_email

    application = _apply(client, django_capture_on_commit_callbacks, event, gold, categories)
    application.locale = application.locale.__class__.objects.get(language_code="ar")
    email = status_email(application, Status.APPROVED)
    assert 'dir="rtl"' in email.html


def _apply(client, capture, event, package, categories, **extra):
    with capture(execute=True):
        client.post(event.url, form_data(package, categories["none"], **extra))
    return SponsorshipApplication.objects.order_by("-pk").first()


@pytest.mark.django_db
def test_capacity_is_never_oversold(
    client, django_capture_on_commit_callbacks, event, gold, categories
):
    applications = [
        _apply(
            client,
            django_capture_on_commit_callbacks,
            event,
            gold,
            categories,
            email=f"a{i}@x.example",
        )
        for i in range(3)
    ]
    apply_transition(applications[0].pk, "approve")
    assert "1 of 2 left" in client.get(event.url).content.decode()
    apply_transition(applications[1].pk, "approve")
    with pytest.raises(SoldOut):
        apply_transition(applications[2].pk, "approve")
    html = client.get(event.url).content.decode()
    assert "Sold out" in html
    # The sold-out package is no longer offered in the form.
    response = client.post(event.url, form_data(gold, categories["none"], email="late@x.example"))
    assert response.status_code == 400


@pytest.mark.django_db
def test_steps_need_the_right(
    client, event, gold, categories, editor, django_capture_on_commit_callbacks
):
    application = _apply(client, django_capture_on_commit_callbacks, event, gold, categories)
    client.force_login(editor)
    url = reverse("sponsorship_applications:transition", args=[application.pk, "approve"])
    assert client.post(url).status_code in {302, 403}  # Wagtail redirects with a message
    assert client.get(url).status_code == 405
    application.refresh_from_db()
    assert application.status == Status.APPLIED


@pytest.mark.django_db
def test_wrong_step_is_refused_with_a_message(
    client, officer, event, gold, categories, django_capture_on_commit_callbacks
):
    application = _apply(client, django_capture_on_commit_callbacks, event, gold, categories)
    client.force_login(officer)
    response = _step(client, application, "deliver")
    assert "refresh the page" in response.content.decode()
    application.refresh_from_db()
    assert application.status == Status.APPLIED


@pytest.mark.django_db
def test_event_page_queries_do_not_grow(
    client,
    event,
    gold,
    categories,
    django_assert_max_num_queries,
    django_capture_on_commit_callbacks,
):
    client.get(event.url)
    with CaptureQueriesContext(connection) as few:
        client.get(event.url)
    baseline = len(few.captured_queries)  # read now: each request resets the log
    assert 0 < baseline < 40
    for i in range(4):
        application = _apply(
            client,
            django_capture_on_commit_callbacks,
            event,
            event.packages.get(tier="silver"),
            categories,
            email=f"s{i}@x.example",
            organisation=f"Org {i}",
        )
        if i < 3:
            apply_transition(application.pk, "approve")
            apply_transition(application.pk, "confirm")
    with django_assert_max_num_queries(baseline):
        response = client.get(event.url)
    assert "Org 2" in response.content.decode()


@pytest.mark.django_db
def test_overview_lists_missing_assets(
    client, officer, event, gold, categories, django_capture_on_commit_callbacks
):
    application = _apply(client, django_capture_on_commit_callbacks, event, gold, categories)
    apply_transition(application.pk, "approve")
    apply_transition(application.pk, "confirm")
    client.force_login(officer)
    html = client.get(reverse("sponsorship_overview")).content.decode()
    assert "Acme Networks" in html
    assert "logo" in html
    # Money as the staff member's language writes it (cms.core.money), code included.
    assert "USD\u00a050,000" in html

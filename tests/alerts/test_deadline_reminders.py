"""The "closing soon" reminder (issue 20, item 7): a week before the deadline of an open
opportunity that matches their criteria, a subscriber gets one e-mail in their language,
through the outbox, with the links to manage or leave the subscription; never twice, however
often the daily job runs."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from cms.alerts.models import Reminder, Subscriber
from cms.alerts.reminders import send_deadline_reminders
from cms.alerts.views import subscriber_data
from cms.core.formats import format_date
from cms.core.models import OutgoingEmail
from cms.pages.models import OpportunityPage

from . import built_once
from .conftest import publish

alerts_records, terms, site_pages = built_once.FIXTURES

TODAY = timezone.localdate()


def in_days(days):
    return TODAY + timedelta(days=days)


@pytest.fixture
def call(draft_opportunity, django_capture_on_commit_callbacks):
    """Publish an English opportunity (cybersecurity, Africa) with a deadline; the alert of
    its publication is not what these tests read (the outbox is emptied after it)."""

    def _call(slug, deadline, **kwargs):
        fields = {key: kwargs.pop(key) for key in ("status", "title") if key in kwargs}
        page = draft_opportunity(slug, **kwargs)
        page.deadline = deadline
        for name, value in fields.items():
            setattr(page, name, value)
        with django_capture_on_commit_callbacks(execute=True):
            publish(page)
        mail.outbox.clear()
        return page

    return _call


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the daily job (on `today`) and deliver what it wrote; return the e-mails sent."""

    def _run(today=None):
        sent_before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            send_deadline_reminders(today)
        return mail.outbox[sent_before:]

    return _run


def test_a_french_subscriber_is_reminded_once_in_french_with_the_unsubscribe_link(
    confirmed, call, run, translate, django_capture_on_commit_callbacks
):
    confirmed()  # Awa, in French: cybersecurity, Africa
    page = call("cyber-drills-africa", in_days(6))
    translate(page, "fr", "Exercices cyber en Afrique")
    mail.outbox.clear()

    sent = run()

    assert len(sent) == 1
    message = sent[0]
    assert message.to == ["awa.ndiaye@example.sn"]
    assert message.subject == "Bientôt clos : Exercices cyber en Afrique"
    assert f"jusqu’au {format_date(in_days(6), 'fr')}" in message.body
    assert "/fr/subscription/unsubscribe/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    html = message.alternatives[0][0]
    assert "Exercices cyber en Afrique" in html and 'lang="fr"' in html
    row = OutgoingEmail.objects.get(kind="alerts.reminder")
    assert row.language == "fr" and row.status == OutgoingEmail.Status.SENT
    assert Reminder.objects.get().email == row

    # The job runs again the same day, the next day, and with the cron twice a day: nothing.
    assert run() == []
    assert run(in_days(1)) == []
    call_command("send_deadline_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert run() == []
    assert Reminder.objects.count() == 1


def test_only_calls_open_with_a_deadline_within_a_week_are_reminded(confirmed, call, run):
    confirmed()
    call("in-eight-days", in_days(8), title="In eight days")
    call("in-a-week", in_days(7), title="In a week")
    call("today", TODAY, title="Today")
    call("yesterday", in_days(-1), title="Yesterday")
    call("undated", None, title="Undated")
    call("funded", in_days(3), title="Funded", status=OpportunityPage.Status.FUNDED)

    reminded = sorted(message.subject.split(" : ", 1)[1] for message in run())

    assert reminded == ["In a week", "Today"]
    # The next day, the call closing in eight days comes within the week.
    assert [m.subject for m in run(in_days(1))] == ["Bientôt clos : In eight days"]


def test_only_subscribers_whose_criteria_match_are_reminded(confirmed, call, run, terms):
    confirmed(email="europe@example.org", regions=[str(terms["eur"].pk)])
    confirmed(email="keyword@example.org", keywords="satellites")
    confirmed(email="africa@example.org", keywords="cyber")
    call("cyber-drills", in_days(4), title="Cyber drills")

    assert [message.to for message in run()] == [["africa@example.org"]]


def test_no_reminder_for_those_who_left_or_never_confirmed(
    confirmed, register, call, run, client, django_capture_on_commit_callbacks
):
    confirmed(email="left@example.org")
    register(email="pending@example.org")
    Subscriber.objects.filter(email="left@example.org").update(
        status=Subscriber.Status.UNSUBSCRIBED
    )
    call("cyber-drills", in_days(4))

    assert run() == []
    assert not Reminder.objects.exists()


def test_a_weekly_subscriber_is_reminded_at_once(confirmed, call, run):
    confirmed(frequency="weekly")
    call("cyber-drills", in_days(2), title="Cyber drills")

    assert [m.subject for m in run()] == ["Bientôt clos : Cyber drills"]


def test_the_subscribers_data_names_the_opportunity_of_a_reminder(confirmed, call, run):
    confirmed()
    call("cyber-drills", in_days(2), title="Cyber drills")
    run()

    data = subscriber_data(Subscriber.objects.get())
    assert {"kind": "reminder", "opportunity": "Cyber drills"}.items() <= next(
        email for email in data["emails"] if email["kind"] == "reminder"
    ).items()

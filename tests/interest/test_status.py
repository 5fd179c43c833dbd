"""Following an expression of interest: the signed link of its e-mails opens a page of its
status in the sender's language; staff allowed by the permission policy change the status in
the admin, which records who and when and e-mails the sender, in their language, a new link."""

import re
import time

import pytest
from django.contrib.auth.models import Permission
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from cms.core.formats import format_date
from cms.core.roles import EDITORS, LEADS, OFFICERS, translator_group_name
from cms.interest import links
from cms.interest.factories import ExpressionOfInterestFactory
from cms.interest.models import ExpressionOfInterest, StatusChange
from cms.interest.status import StatusError, change_status
from cms.interest.viewsets import expression_of_interest_viewset as viewset
from cms.pages.models import OpportunityPage
from tests.pages.html import parse
from tests.snippets.admin.records import make_user

from .translations import translated

Status = ExpressionOfInterest.Status
LINK = re.compile(r"https?://testserver(/[a-z-]+/interest/status/[^/\s\"]+/)")


def label(status, language):
    """A status as the site names it in a language."""
    with translation.override(language):
        return str(Status(status).label)


def admin_url(view, *args):
    return reverse(viewset.get_url_name(view), args=args)


def status_link(message):
    """The path of the status page's link in an e-mail (text part), checked in the HTML too."""
    (path,) = set(LINK.findall(message.body))
    (html, _mimetype), *_ = message.alternatives
    assert f"http://testserver{path}" in html
    return path


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


@pytest.fixture
def officer(db):
    return make_user("officer", OFFICERS)


@pytest.fixture
def submission(opportunity):
    return ExpressionOfInterestFactory(page=opportunity, email="claire@fondation.example")


@pytest.fixture
def change(django_capture_on_commit_callbacks):
    """Change a status as the admin does, the outbox's tasks run after the commit."""

    def _change(submission, status, user=None):
        with django_capture_on_commit_callbacks(execute=True):
            return change_status(submission.pk, status, user=user)

    return _change


# The signed link -----------------------------------------------------------------------


def test_confirmation_carries_a_link_to_the_status_page(client, send, opportunity, form_data):
    send(opportunity, form_data)
    submission = ExpressionOfInterest.objects.get()
    (confirmation,) = sent_to(form_data["email"])

    path = status_link(confirmation)
    # The link names no id that could be guessed or counted: only the signed random key.
    token = path.rstrip("/").rsplit("/", 1)[1]
    assert token.startswith(submission.key.hex)
    assert f"/{submission.pk}/" not in path

    response = client.get(path)
    assert response.status_code == 200
    html = parse(response)
    link = html.select_one("a[data-opportunity]")
    assert link["href"] == opportunity.url
    assert link.get_text(strip=True) == "Smart villages in the Sahel"
    assert html.select_one("[data-sent]").get_text(strip=True) == format_date(
        submission.created_at, language="en"
    )
    assert html.select_one("[data-status]").get_text(strip=True) == "Received"
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in html.select("[data-history] tbody tr")
    ]
    assert rows == [[format_date(submission.created_at, language="en"), "Received"]]


def test_a_tampered_link_gets_a_clear_page(client, submission):
    path = links.url(submission).removeprefix("http://testserver")
    token = path.rstrip("/").rsplit("/", 1)[1]
    forged_key = token.replace(submission.key.hex, "0" * 32)
    wrong_signature = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    other_purpose = signing.TimestampSigner(salt="cms.alerts.manage").sign(submission.key.hex)

    for value in (forged_key, wrong_signature, other_purpose, str(submission.pk)):
        response = client.get(reverse("interest:status", args=[value]))
        assert response.status_code == 404, value
        html = parse(response)
        assert html.h1.get_text(strip=True) == "This link is not valid"
        assert "Smart villages" not in response.content.decode()
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]


def test_a_link_of_an_erased_submission_is_not_valid(client, submission):
    path = links.url(submission)
    submission.delete()
    assert client.get(path).status_code == 404


def test_an_expired_link_gets_a_page_saying_so(client, submission, monkeypatch, settings):
    days = links.link_days()
    assert days >= 365  # documented in the README: a discussion may take months
    real = signing.TimestampSigner.timestamp
    now = time.time()
    monkeypatch.setattr(
        signing.TimestampSigner,
        "timestamp",
        lambda self: signing.b62_encode(int(now - (days + 1) * 86400)),
    )
    expired = links.url(submission)
    monkeypatch.setattr(
        signing.TimestampSigner,
        "timestamp",
        lambda self: signing.b62_encode(int(now - (days - 1) * 86400)),
    )
    still_valid = links.url(submission)
    monkeypatch.setattr(signing.TimestampSigner, "timestamp", real)

    response = client.get(expired)
    assert response.status_code == 410
    assert parse(response).h1.get_text(strip=True) == "This link has expired"
    assert "Smart villages" not in response.content.decode()
    assert client.get(still_valid).status_code == 200


# The page in the sender's language ------------------------------------------------------


def test_status_page_in_french(client, french_opportunity, locales, change):
    submission = ExpressionOfInterestFactory(page=french_opportunity)
    change(submission, Status.UNDER_REVIEW)

    path = links.url(submission)
    assert "/fr/interest/status/" in path
    response = client.get(path)
    html = parse(response)
    assert html.html["lang"] == "fr"
    assert html.h1.get_text(strip=True) == translated("Your expression of interest", "fr")
    assert label("under_review", "fr") != "Under review"
    assert html.select_one("[data-status]").get_text(strip=True) == label("under_review", "fr")
    assert html.select_one("a[data-opportunity]")["href"] == french_opportunity.url
    assert html.select_one("a[data-opportunity]").get_text(strip=True) == (
        "Villages intelligents au Sahel"
    )
    today = format_date(timezone.now(), language="fr")
    rows = [
        [cell.get_text(strip=True) for cell in row.select("td")]
        for row in html.select("[data-history] tbody tr")
    ]
    assert rows == [
        [today, label("received", "fr")],
        [today, label("under_review", "fr")],
    ]


def test_status_page_in_arabic_runs_right_to_left(client, arabic_opportunity, change):
    submission = ExpressionOfInterestFactory(page=arabic_opportunity)
    change(submission, Status.IN_DISCUSSION)

    response = client.get(links.url(submission))
    html = parse(response)
    assert html.html["lang"] == "ar"
    assert html.html["dir"] == "rtl"
    assert label("in_discussion", "ar") != "In discussion"
    assert html.select_one("[data-status]").get_text(strip=True) == label("in_discussion", "ar")
    assert html.select_one("[data-sent]").get_text(strip=True) == format_date(
        submission.created_at, language="ar"
    )
    assert html.select_one("[data-history] caption").get_text(strip=True) == translated(
        "History", "ar"
    )


def test_the_link_under_another_language_leads_to_the_senders_language(client, french_opportunity):
    submission = ExpressionOfInterestFactory(page=french_opportunity)
    french = links.url(submission).removeprefix("http://testserver")
    english = french.replace("/fr/", "/en/", 1)

    response = client.get(english)
    assert response.status_code == 302
    assert response.url.endswith(french)


def test_the_page_is_never_cached_nor_indexed(client, submission, change, settings):
    path = links.url(submission)

    first = client.get(path)
    assert set(first["Cache-Control"].replace(" ", "").split(",")) >= {"private", "no-store"}
    assert "public" not in first["Cache-Control"]
    assert "noindex" in first["X-Robots-Tag"]
    assert parse(first).select_one('meta[name="robots"]')["content"].startswith("noindex")
    # A second visitor's GET is answered afresh, not from the page cache.
    change(submission, Status.UNDER_REVIEW)
    second = parse(client.get(path))
    assert second.select_one("[data-status]").get_text(strip=True) == "Under review"
    # Not in any sitemap.
    sitemap = client.get("/sitemap-en.xml")
    assert sitemap.status_code == 200
    assert "/interest/status/" not in sitemap.content.decode()


def test_the_page_keeps_to_the_query_budget(
    client, submission, change, django_assert_max_num_queries
):
    change(submission, Status.UNDER_REVIEW)
    change(submission, Status.IN_DISCUSSION)
    path = links.url(submission)
    client.get(path)  # warms the shared parts of the frame, as on the site
    with django_assert_max_num_queries(15):
        assert client.get(path).status_code == 200


def test_a_deleted_opportunity_is_named_not_linked(client, submission):
    OpportunityPage.objects.filter(pk=submission.page_id).delete()
    submission.refresh_from_db()

    html = parse(client.get(links.url(submission)))
    assert not html.select("a[data-opportunity]")
    assert html.select_one("[data-opportunity]").get_text(strip=True) == submission.page_title


# Staff set the status ------------------------------------------------------------------


def test_officer_changes_the_status_and_the_sender_is_emailed_in_arabic(
    client, officer, arabic_opportunity, django_capture_on_commit_callbacks
):
    submission = ExpressionOfInterestFactory(page=arabic_opportunity, email="layla@digital.example")
    client.force_login(officer)

    record = parse(client.get(admin_url("inspect", submission.pk)))
    form = record.select_one("form[data-status-form]")
    assert form["action"] == admin_url("status", submission.pk)
    assert [option["value"] for option in form.select("option")] == [
        "under_review",
        "in_discussion",
        "closed",
    ]

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            admin_url("status", submission.pk), {"status": "under_review", "seen": "received"}
        )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Status.UNDER_REVIEW
    (line,) = StatusChange.objects.filter(expression=submission)
    assert (line.previous_status, line.status, line.changed_by) == (
        "received",
        "under_review",
        officer,
    )
    assert abs((timezone.now() - line.changed_at).total_seconds()) < 60

    (email,) = sent_to("layla@digital.example")
    status_ar = label("under_review", "ar")
    assert status_ar != "Under review"
    assert status_ar in email.subject
    assert "القرى الذكية في منطقة الساحل" in email.subject
    assert email.extra_headers["Content-Language"] == "ar"
    assert 'dir="rtl"' in email.alternatives[0][0]
    # Its link opens the page, in Arabic, with the new status.
    page = parse(client.get(status_link(email)))
    assert page.html["lang"] == "ar"
    assert page.select_one("[data-status]").get_text(strip=True) == status_ar

    # The record shows who changed it and when.
    history = parse(client.get(admin_url("inspect", submission.pk))).select(
        "[data-status-history] tbody tr"
    )
    assert len(history) == 1
    assert "officer" in history[0].get_text()


@pytest.mark.parametrize(
    ("groups", "allowed"),
    [
        ([OFFICERS], True),
        ([LEADS], True),
        ([EDITORS], False),
        ([translator_group_name("fr")], False),
    ],
)
def test_who_may_change_the_status_by_role(client, submission, groups, allowed):
    client.force_login(make_user("someone", *groups))

    record = client.get(admin_url("inspect", submission.pk))
    response = client.post(
        admin_url("status", submission.pk), {"status": "closed", "seen": "received"}
    )

    submission.refresh_from_db()
    if allowed:
        assert parse(record).select("form[data-status-form]")
        assert submission.status == Status.CLOSED
    else:
        assert response.status_code in (302, 403)
        assert not parse(record).select("form[data-status-form]")
        assert submission.status == Status.RECEIVED
        assert not StatusChange.objects.exists()
        assert not sent_to(submission.email)


def test_the_permission_not_the_group_decides(client, submission):
    """A person in no role, with only the model permission, may; without it, may not."""
    user = make_user("staff", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(codename="view_expressionofinterest"),
    )
    client.force_login(user)
    refused = client.post(
        admin_url("status", submission.pk), {"status": "closed", "seen": "received"}
    )
    assert refused.status_code in (302, 403)
    submission.refresh_from_db()
    assert submission.status == Status.RECEIVED

    user.user_permissions.add(Permission.objects.get(codename="set_status_expressionofinterest"))
    client.force_login(type(user).objects.get(pk=user.pk))
    client.post(admin_url("status", submission.pk), {"status": "closed", "seen": "received"})
    submission.refresh_from_db()
    assert submission.status == Status.CLOSED


def test_each_change_is_in_the_history_with_its_email(submission, officer, change):
    change(submission, Status.UNDER_REVIEW, officer)
    change(submission, Status.IN_DISCUSSION, officer)
    change(submission, Status.CLOSED, officer)

    assert list(
        StatusChange.objects.filter(expression=submission).values_list("previous_status", "status")
    ) == [
        ("received", "under_review"),
        ("under_review", "in_discussion"),
        ("in_discussion", "closed"),
    ]
    subjects = [message.subject for message in sent_to(submission.email)]
    assert subjects == [
        "Your expression of interest in “Smart villages in the Sahel”: Under review",
        "Your expression of interest in “Smart villages in the Sahel”: In discussion",
        "Your expression of interest in “Smart villages in the Sahel”: Closed",
    ]


def test_guards_on_the_status(submission, officer, change):
    with pytest.raises(StatusError, match="already"):
        change(submission, Status.RECEIVED, officer)
    change(submission, Status.UNDER_REVIEW, officer)
    with pytest.raises(StatusError, match="already"):
        change(submission, Status.UNDER_REVIEW, officer)
    # Never back to "received": somebody has looked at it.
    with pytest.raises(StatusError, match="cannot go from"):
        change(submission, Status.RECEIVED, officer)
    with pytest.raises(StatusError, match="Choose"):
        change(submission, "accepted", officer)
    # What a staff member saw is checked: someone else changed it meanwhile.
    with pytest.raises(StatusError, match="meanwhile"):
        change_status(submission.pk, Status.CLOSED, user=officer, seen_status="received")
    submission.refresh_from_db()
    assert submission.status == Status.UNDER_REVIEW
    assert StatusChange.objects.count() == 1
    assert len(sent_to(submission.email)) == 1


def test_closed_reopens_only_while_its_opportunity_lives(client, submission, officer, change):
    change(submission, Status.CLOSED, officer)
    # The partner comes back about an opportunity still pursued: reopened.
    change(submission, Status.IN_DISCUSSION, officer)
    change(submission, Status.CLOSED, officer)

    OpportunityPage.objects.filter(pk=submission.page_id).update(
        status=OpportunityPage.Status.CLOSED
    )
    submission.refresh_from_db()
    with pytest.raises(StatusError, match="opportunity is closed"):
        change(submission, Status.UNDER_REVIEW, officer)
    client.force_login(officer)
    record = parse(client.get(admin_url("inspect", submission.pk)))
    assert not record.select("form[data-status-form]")
    assert "opportunity is closed" in record.get_text()

    OpportunityPage.objects.filter(pk=submission.page_id).delete()
    submission.refresh_from_db()
    with pytest.raises(StatusError, match="deleted"):
        change(submission, Status.UNDER_REVIEW, officer)


def test_a_refused_change_says_why_in_the_admin(client, submission, officer):
    client.force_login(officer)
    response = client.post(
        admin_url("status", submission.pk), {"status": "received", "seen": "received"}, follow=True
    )
    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["Its status is already “Received”."]

"""The expression-of-interest form on an opportunity's page, as a visitor meets it."""

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from cms.core.public_forms import PRIVACY_NOTICE_VERSION
from cms.interest.models import ExpressionOfInterest
from cms.pages.models import OpportunityPage
from tests.pages.html import parse

from .conftest import make_opportunity
from .translations import CONSENT_ERROR, EMAIL_ERROR, PROBLEM, THANKS, translated


def test_open_opportunity_shows_an_accessible_form(client, opportunity):
    response = client.get(opportunity.url)

    assert response.status_code == 200
    soup = parse(response)
    form = soup.select_one("#interest-form form")
    assert form["method"] == "post"
    assert form["action"] == f"{opportunity.url}#interest-form"
    assert form.has_attr("novalidate")
    # No CSRF token on a page that the cache gives every visitor: the POST is checked by
    # its origin (cms.core.public_forms.origin).
    assert form.select_one('input[name="csrfmiddlewaretoken"]') is None
    # Every control has its label; autocomplete helps people fill the form in.
    for name, autocomplete in [
        ("organisation", "organization"),
        ("contact_name", "name"),
        ("email", "email"),
    ]:
        control = form.select_one(f'[name="{name}"]')
        assert control["autocomplete"] == autocomplete
        assert form.select_one(f'label[for="{control["id"]}"]')
    assert form.select_one('[name="email"]')["type"] == "email"
    # The e-mail hint is read with the field.
    email = form.select_one('[name="email"]')
    assert soup.select_one(f"#{email['aria-describedby']}").get_text(strip=True)
    # The kinds of support are a group of radio buttons with a legend.
    fieldset = form.select_one("fieldset")
    assert fieldset.legend.get_text(strip=True) == "Kind of support you could offer"
    assert [radio["value"] for radio in fieldset.select('input[type="radio"]')] == [
        "funding",
        "in_kind",
        "expertise",
        "implementation",
        "other",
    ]
    for radio in fieldset.select('input[type="radio"]'):
        assert fieldset.select_one(f'label[for="{radio["id"]}"]')
    consent = form.select_one('input[name="consent"]')
    assert consent["type"] == "checkbox"
    assert form.select_one(f'label[for="{consent["id"]}"]')
    assert form.select_one("#interest-privacy-notice")
    # The honeypot is hidden from people, screen readers and the keyboard.
    trap = form.select_one('input[name="website"]')
    assert trap.find_parent(attrs={"aria-hidden": "true"}) is not None
    assert trap["tabindex"] == "-1"
    assert trap["autocomplete"] == "off"
    assert not soup.select(".error-summary")


@pytest.mark.parametrize(
    "status",
    [
        OpportunityPage.Status.IN_DISCUSSION,
        OpportunityPage.Status.FUNDED,
        OpportunityPage.Status.CLOSED,
    ],
)
def test_opportunity_not_open_has_no_form_and_refuses_posts_politely(
    send, opportunity_index, form_data, status
):
    page = make_opportunity(opportunity_index, status=status, slug=f"closed-{status}")

    response = send(page, form_data)

    assert response.status_code == 409
    soup = parse(response)
    assert "no longer takes expressions of interest" in soup.h1.get_text()
    assert soup.select_one(f'main a[href="{page.url}"]')
    assert not ExpressionOfInterest.objects.exists()
    assert mail.outbox == []
    assert not parse(Client().get(page.url)).select("#interest-form")


def test_an_open_call_past_its_deadline_refuses_posts_politely(send, opportunity_index, form_data):
    """The deadline guards the form, not only its display: a form kept open in a browser
    from the day before is refused, nothing stored, nothing sent."""
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    page = make_opportunity(opportunity_index, slug="late", deadline=yesterday)

    response = send(page, form_data)

    assert response.status_code == 409
    assert "no longer takes expressions of interest" in parse(response).h1.get_text()
    assert not ExpressionOfInterest.objects.exists()
    assert mail.outbox == []


def test_an_open_call_takes_interest_on_its_deadline_day(send, opportunity_index, form_data):
    page = make_opportunity(opportunity_index, slug="last-day", deadline=timezone.localdate())
    response = send(page, form_data)
    assert response.status_code == 303
    assert ExpressionOfInterest.objects.count() == 1


def test_errors_are_listed_and_everything_typed_is_kept(send, opportunity, form_data):
    form_data.update(email="claire.martin@", consent="")

    response = send(opportunity, form_data)

    assert response.status_code == 400
    assert not ExpressionOfInterest.objects.exists()
    assert mail.outbox == []
    soup = parse(response)
    summary = soup.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert summary.h3.get_text(strip=True) == PROBLEM
    assert [(a["href"], a.get_text(strip=True)) for a in summary.select("a")] == [
        ("#interest-email", EMAIL_ERROR),
        ("#interest-consent", CONSENT_ERROR),
    ]
    # Each field in error says so, and its message is read with it.
    email = soup.select_one("#interest-email")
    assert email["aria-invalid"] == "true"
    assert "interest-email_error" in email["aria-describedby"].split()
    assert soup.select_one("#interest-email_error").get_text(strip=True).endswith(EMAIL_ERROR)
    assert soup.select_one("#interest-consent")["aria-invalid"] == "true"
    # Nothing typed is lost, the wrong value included.
    assert soup.select_one("#interest-organisation")["value"] == "Fondation Pierre Fabre"
    assert soup.select_one("#interest-contact_name")["value"] == "Claire Martin"
    assert email["value"] == "claire.martin@"
    assert soup.select_one('input[value="expertise"]').has_attr("checked")
    # (HTML drops the newline that Django writes after <textarea>.)
    message = soup.select_one("#interest-message").get_text().removeprefix("\n")
    assert message == form_data["message"]


def test_missing_choice_links_to_the_first_radio_button(send, opportunity, form_data):
    del form_data["support"]

    soup = parse(send(opportunity, form_data))

    assert soup.select_one(".error-summary a")["href"] == "#interest-support_0"
    fieldset = soup.select_one("fieldset")
    assert fieldset["aria-describedby"] == "interest-support_error"
    assert soup.select_one("#interest-support_0")


def test_errors_are_in_the_language_of_the_page(send, french_opportunity, form_data):
    form_data["consent"] = ""

    response = send(french_opportunity, form_data)

    assert response.status_code == 400
    soup = parse(response)
    assert soup.html["lang"] == "fr"
    assert soup.select_one(".error-summary a").get_text(strip=True) == translated(
        CONSENT_ERROR, "fr"
    )
    assert translated(CONSENT_ERROR, "fr") != CONSENT_ERROR


def test_valid_submission_is_stored_then_redirected_to_a_thank_you(send, opportunity, form_data):
    response = send(opportunity, form_data, REMOTE_ADDR="203.0.113.7")

    assert response.status_code == 303
    assert response["Location"] == f"{opportunity.url}?sent=1#interest-form"
    submission = ExpressionOfInterest.objects.get()
    assert submission.page_id == opportunity.pk
    assert submission.page_title == "Smart villages in the Sahel"
    assert submission.locale.language_code == "en"
    assert submission.organisation == "Fondation Pierre Fabre"
    assert submission.contact_name == "Claire Martin"
    assert submission.email == "claire.martin@fondation.example"
    assert submission.support == "expertise"
    assert submission.message == form_data["message"]
    assert submission.consent_given_at is not None
    assert submission.privacy_notice_version == PRIVACY_NOTICE_VERSION
    # The address is kept only as a keyed hash.
    assert len(submission.ip_hash) == 64
    assert "203.0.113.7" not in submission.ip_hash
    assert len(mail.outbox) == 2

    thanks = parse(Client().get(response["Location"]))
    success = thanks.select_one("#interest-form .interest__success")
    assert success["role"] == "status"
    assert THANKS in success.get_text()
    assert not thanks.select("#interest-form form")


def test_thank_you_is_in_the_language_of_the_page(send, arabic_opportunity, form_data):
    response = send(arabic_opportunity, form_data)

    thanks = parse(Client().get(response["Location"]))
    assert thanks.html["lang"] == "ar"
    assert thanks.html["dir"] == "rtl"
    assert translated(THANKS, "ar") in thanks.select_one(".interest__success").get_text()
    assert ExpressionOfInterest.objects.get().locale.language_code == "ar"


def test_a_post_must_come_from_the_site_itself(opportunity, form_data):
    browser = Client(enforce_csrf_checks=True)

    # Software that posts from nowhere, and another site's page, are refused.
    assert browser.post(opportunity.url, form_data).status_code == 403
    assert (
        browser.post(opportunity.url, form_data, HTTP_ORIGIN="https://evil.example").status_code
        == 403
    )
    assert (
        browser.post(opportunity.url, form_data, HTTP_SEC_FETCH_SITE="cross-site").status_code
        == 403
    )
    assert not ExpressionOfInterest.objects.exists()

    # The site's own page: its browser says so with Origin (or Sec-Fetch-Site, or Referer).
    response = browser.post(opportunity.url, form_data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303
    assert ExpressionOfInterest.objects.count() == 1


def test_a_signed_in_visitor_s_post_needs_the_csrf_token_of_their_page(
    opportunity, form_data, editor
):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(editor)

    refused = browser.post(opportunity.url, form_data, HTTP_ORIGIN="http://testserver")
    assert refused.status_code == 403

    page = parse(browser.get(opportunity.url))
    token = page.select_one('#interest-form input[name="csrfmiddlewaretoken"]')["value"]
    response = browser.post(
        opportunity.url,
        {**form_data, "csrfmiddlewaretoken": token},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 303
    assert ExpressionOfInterest.objects.count() == 1


def test_draft_opportunity_cannot_be_reached(send, opportunity_index, form_data):
    draft = OpportunityPage(
        title="Draft", slug="draft", contact_name="A", contact_email="a@itu.example"
    )
    opportunity_index.add_child(instance=draft)
    draft.unpublish()

    assert Client().get(f"{opportunity_index.url}draft/").status_code == 404
    assert Client().post(f"{opportunity_index.url}draft/", form_data).status_code == 404
    assert not ExpressionOfInterest.objects.exists()


def test_private_opportunity_cannot_be_reached(opportunity, form_data):
    PageViewRestriction.objects.create(page=opportunity, restriction_type=PageViewRestriction.LOGIN)

    for response in (Client().get(opportunity.url), Client().post(opportunity.url, form_data)):
        assert response.status_code == 302
        assert "login" in response["Location"]
    assert not ExpressionOfInterest.objects.exists()
    assert mail.outbox == []

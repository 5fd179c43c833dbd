"""In a real browser: a communications lead, who may override the conditions of a step, tries
to mark a confirmed sponsorship as delivered from the application's page. Before the event it
is refused with the reason shown; once the event has started, it is refused again while the
sponsor's logo, display name and link are missing; with a written reason it is done, and the
override is shown on the page and recorded. No e-mail leaves on a refusal."""

import datetime

import pytest
from wagtail.models import ModelLogEntry, Site

from cms.core.models import OutgoingEmail
from cms.core.roles import LEADS
from cms.sponsorship.models import EventPage, SponsorshipApplication
from cms.sponsorship.workflow import OVERRIDE_ACTION, apply_transition
from tests.snippets.admin.records import make_user
from tests.sponsorship.records import (
    make_archive_terms,
    make_categories,
    make_discounts,
    make_event,
)

REASON = "The sponsor asked for no logo and no link on the event's pages."


def _confirmed_application(event, categories):
    application = SponsorshipApplication.objects.create(
        event=event,
        package=event.packages.get(tier="gold"),
        event_title=event.title,
        package_name="Welcome reception",
        locale=event.locale,
        organisation="Acme Networks",
        membership_category=categories["member-state"],
        contact_name="Ada Lovelace",
        email="ada@acme.example",
        consent_given_at=datetime.datetime.now(datetime.UTC),
        privacy_notice_version="1",
        list_price_usd=50000,
        discount_percent=20,
        price_usd=40000,
    )
    apply_transition(application.pk, "approve")
    apply_transition(application.pk, "confirm")
    return application


def _try_delivery(page, reason=""):
    page.click("[data-step-panel=deliver] summary")
    panel = page.locator("[data-step-panel=deliver]")
    # The confirmation names its consequence: whom the e-mail goes to.
    assert "ada@acme.example is e-mailed" in panel.inner_text()
    if reason:
        panel.locator("textarea[name=reason]").fill(reason)
    panel.locator("button[data-step=deliver]").click()
    page.wait_for_load_state()
    return page.locator(".messages").inner_text()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_delivery_is_guarded_then_overridden_with_a_reason(live_server, open_page):
    home = Site.objects.get(is_default_site=True).root_page.specific
    categories = make_categories()
    make_archive_terms()
    event = make_event(home)
    make_discounts(categories, event)
    application = _confirmed_application(event, categories)
    make_user("lead", LEADS)
    emails_before = OutgoingEmail.objects.count()

    page = open_page(live_server.url + "/admin/login/")
    page.fill("#id_username", "lead")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    # The listing opens the application's page, which has the steps.
    page.goto(live_server.url + "/admin/sponsorship/applications/")
    page.get_by_role("link", name="Acme Networks").first.click()
    page.wait_for_url(f"**/applications/edit/{application.pk}/")

    # Months before the event: refused, with the reason.
    message = _try_delivery(page)
    assert "has not started yet" in message
    application.refresh_from_db()
    assert application.status == "confirmed"

    # The event has started, but the sponsor's assets are not in: refused again.
    today = datetime.date.today()
    EventPage.objects.filter(pk=event.pk).update(
        start_date=today - datetime.timedelta(days=1), end_date=today + datetime.timedelta(days=2)
    )
    page.reload()
    message = _try_delivery(page)
    assert "has not delivered its logo, display name, link yet" in message
    assert "has not started" not in message
    application.refresh_from_db()
    assert application.status == "confirmed"
    assert OutgoingEmail.objects.count() == emails_before

    # With a written reason, the lead overrides: done, shown and recorded.
    message = _try_delivery(page, REASON)
    assert "is now Delivered" in message
    assert "your reason are recorded" in message
    assert REASON in page.locator("[data-override-record]").inner_text()
    application.refresh_from_db()
    assert application.status == "delivered"
    assert application.override_reason == REASON
    assert application.overridden_by.username == "lead"
    entry = ModelLogEntry.objects.get(action=OVERRIDE_ACTION, object_id=str(application.pk))
    assert entry.data["reason"] == REASON
    assert OutgoingEmail.objects.count() == emails_before + 1

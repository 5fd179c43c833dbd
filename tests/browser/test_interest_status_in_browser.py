"""In a real browser: a visitor expresses interest in a French opportunity; an officer sets it
"under review", then "in discussion" in the admin; the link of the visitor's e-mails shows it
"in discussion", in French, with its history, and axe-core finds no serious accessibility
problem on that page, nor on an Arabic one, which runs right to left."""

import re

import pytest
from django.core import mail
from django.utils import translation
from wagtail.models import Locale, Site

from cms.core.roles import OFFICERS
from cms.interest import links
from cms.interest.factories import ExpressionOfInterestFactory
from cms.interest.models import ExpressionOfInterest, StatusChange
from cms.interest.status import change_status
from cms.pages.models import OpportunityIndexPage, OpportunityPage
from tests.snippets.admin.records import make_user

LINK = re.compile(r"https?://[^/\s]+(/fr/interest/status/[^/\s]+/)")


def publish_translation(page, language_code, title):
    translated = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    translated.title = title
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def french_opportunity():
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = OpportunityIndexPage(title="Opportunities", slug="opportunities")
    home.add_child(instance=index)
    index.save_revision().publish()
    page = OpportunityPage(
        title="Smart villages in the Sahel",
        slug="smart-villages",
        contact_name="Amina Diallo",
        contact_email="amina.diallo@itu.example",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    publish_translation(home, "fr", "Partenariats pour le développement numérique")
    publish_translation(index, "fr", "Opportunités")
    return publish_translation(page, "fr", "Villages intelligents au Sahel")


def label(status, language="fr"):
    with translation.override(language):
        return str(ExpressionOfInterest.Status(status).label)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_interest_followed_to_in_discussion(live_server, open_page, axe_violations):
    opportunity = french_opportunity()
    make_user("officer", OFFICERS)

    visitor = open_page(live_server.url + opportunity.url, locale="fr-FR")
    visitor.fill("#interest-organisation", "Fondation Pierre Fabre")
    visitor.fill("#interest-contact_name", "Claire Martin")
    visitor.fill("#interest-email", "claire.martin@fondation.example")
    visitor.locator('input[name="support"][value="expertise"]').check()
    visitor.fill("#interest-message", "Nous pouvons apporter une expertise en e-santé.")
    visitor.check("#interest-consent")
    visitor.locator(".interest__submit").click()
    visitor.wait_for_url("**/?sent=1#interest-form")
    submission = ExpressionOfInterest.objects.get()
    assert submission.status == "received"

    admin = open_page(live_server.url + "/admin/login/")
    admin.fill("#id_username", "officer")
    admin.fill("#id_password", "pw")
    admin.click("button[type=submit]")
    admin.wait_for_url("**/admin/")
    record = live_server.url + f"/admin/expressions-of-interest/inspect/{submission.pk}/"
    for status in ("under_review", "in_discussion"):
        admin.goto(record)
        admin.select_option("form[data-status-form] select[name=status]", status)
        admin.click("form[data-status-form] button[type=submit]")
        admin.wait_for_load_state()
        assert admin.locator(f"[data-current-status={status}]").count() == 1
    assert list(StatusChange.objects.values_list("status", flat=True)) == [
        "under_review",
        "in_discussion",
    ]

    to_visitor = [m for m in mail.outbox if m.to == ["claire.martin@fondation.example"]]
    # The confirmation, then one e-mail per change, each with the link.
    assert len(to_visitor) == 3
    assert label("in_discussion") in to_visitor[-1].subject
    path = LINK.search(to_visitor[-1].body).group(1)
    assert LINK.search(to_visitor[0].body), "the confirmation carries the link too"

    visitor.goto(live_server.url + path)
    assert visitor.locator("html").get_attribute("lang") == "fr"
    assert visitor.locator("[data-status]").inner_text() == label("in_discussion")
    assert label("in_discussion") != "In discussion"
    assert visitor.locator("[data-history] tbody tr").count() == 3
    link = visitor.locator("a[data-opportunity]")
    assert link.inner_text() == "Villages intelligents au Sahel"
    assert axe_violations(visitor) == []
    link.click()
    visitor.wait_for_load_state()
    assert visitor.url.endswith(opportunity.url)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_status_page_runs_right_to_left(live_server, open_page, axe_violations):
    french = french_opportunity()
    source = french.get_translation(Locale.objects.get(language_code="en"))
    home = source.get_parent().get_parent().specific
    publish_translation(home, "ar", "شراكات من أجل التنمية الرقمية")
    publish_translation(source.get_parent().specific, "ar", "الفرص")
    arabic = publish_translation(source, "ar", "القرى الذكية في منطقة الساحل")
    submission = ExpressionOfInterestFactory(page=arabic)
    change_status(submission.pk, "closed", user=None)

    page = open_page(live_server.url + links.url(submission).removeprefix("http://testserver"))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("[data-status]").inner_text() == label("closed", "ar")
    table = page.locator("[data-history]")
    assert table.evaluate("element => getComputedStyle(element).direction") == "rtl"
    assert axe_violations(page) == []

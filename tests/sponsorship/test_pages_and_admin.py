"""The public pages (index, event, sponsors) and the admin screens of sponsorship."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from cms.sponsorship.models import CategoryDiscount, SponsorshipApplication
from cms.sponsorship.workflow import apply_transition

from .conftest import form_data

pytestmark = pytest.mark.django_db


def _apply(client, event, package, category, **extra):
    client.post(event.url, form_data(package, category, **extra))
    return SponsorshipApplication.objects.order_by("-pk").first()


def test_index_lists_the_event_open_with_its_lowest_price(client, event):
    html = client.get(event.get_parent().url).content.decode()
    assert event.title in html
    assert "2 packages" in html
    assert "from USD\xa015,000" in html
    assert "Open for applications" in html


def test_invalid_form_keeps_what_was_typed_and_lists_errors(client, event, gold, categories):
    data = form_data(gold, categories["academia"], email="not an address", consent="")
    response = client.post(event.url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter an e-mail address in the correct format" in html
    assert "Tick the box to agree to the privacy notice" in html
    assert 'value="Acme Networks"' in html
    assert SponsorshipApplication.objects.count() == 0


def test_honeypot_stores_nothing(client, event, gold, categories):
    response = client.post(event.url, form_data(gold, categories["none"], website="spam"))
    assert response.status_code == 303
    assert SponsorshipApplication.objects.count() == 0


def test_past_deadline_closes_the_form(client, event, gold, categories):
    event.packages.update(deadline=datetime.date(2000, 1, 1))
    html = client.get(event.url).content.decode()
    assert 'id="apply"' not in html
    assert "Applications for this event are closed." in html
    assert client.post(event.url, form_data(gold, categories["none"])).status_code == 400


def test_sponsors_page_lists_confirmed_sponsors_only(client, event, gold, categories):
    confirmed = _apply(client, event, gold, categories["none"])
    apply_transition(confirmed.pk, "approve")
    apply_transition(confirmed.pk, "confirm")
    _apply(client, event, gold, categories["none"], organisation="Still Waiting Ltd")
    html = client.get(event.get_parent().url + "sponsors/").content.decode()
    assert "Acme Networks" in html
    assert "Still Waiting Ltd" not in html


def test_figures_count_an_entity_once(client, event, gold, categories):
    from cms.sponsorship.stats import sponsorship_figures

    silver = event.packages.get(tier="silver")
    for package in (gold, silver):
        application = _apply(client, event, package, categories["none"])
        apply_transition(application.pk, "approve")
        apply_transition(application.pk, "confirm")
    figures = sponsorship_figures()
    assert figures["entities"] == 1
    assert figures["amount_usd"] == Decimal("65000.00")


def test_officer_lists_filters_and_edits_applications(client, officer, event, gold, categories):
    application = _apply(client, event, gold, categories["none"])
    client.force_login(officer)
    index = reverse("sponsorship_applications:index")
    assert "Acme Networks" in client.get(index).content.decode()
    assert "Acme Networks" in client.get(index, {"status": "applied"}).content.decode()
    assert "Acme Networks" not in client.get(index, {"status": "confirmed"}).content.decode()
    assert client.get(reverse("sponsorship_applications:add")).status_code in {302, 403}
    edit = reverse("sponsorship_applications:edit", args=[application.pk])
    response = client.post(
        edit, {"agreed_amount_usd": "45000", "notes": "Agreed by phone", "display_name": "Acme"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.agreed_amount_usd == Decimal("45000")
    assert application.status == SponsorshipApplication.Status.APPLIED


def test_officer_sets_a_discount_in_the_admin(client, officer, event, categories):
    client.force_login(officer)
    CategoryDiscount.objects.filter(category=categories["associate"]).delete()
    response = client.post(
        reverse("sponsorship_discounts:add"),
        {"category": categories["associate"].pk, "package": "", "percent": "30"},
    )
    assert response.status_code == 302
    html = client.get(event.url).content.decode()
    assert "35,000" in html  # gold for Associates, 30 % off 50,000


def test_a_second_default_discount_for_a_category_is_refused(client, officer, event, categories):
    """Defaults have no package: the database and the admin still allow only one per
    category (on SQLite too, which has no NULLS NOT DISTINCT)."""
    client.force_login(officer)
    count = CategoryDiscount.objects.count()
    response = client.post(
        reverse("sponsorship_discounts:add"),
        {"category": categories["associate"].pk, "package": "", "percent": "30"},
    )
    assert response.status_code == 200
    assert "There is already a discount for this category and this package." in (
        response.content.decode()
    )
    assert CategoryDiscount.objects.count() == count
    with pytest.raises(IntegrityError), transaction.atomic():
        CategoryDiscount.objects.create(category=categories["associate"], percent=1)


def test_overview_needs_the_right(client, staff_without_rights, officer, event):
    client.force_login(staff_without_rights)
    assert client.get(reverse("sponsorship_overview")).status_code in {302, 403}
    client.force_login(officer)
    assert client.get(reverse("sponsorship_overview")).status_code == 200


def test_index_and_sponsors_queries_do_not_grow(client, event, categories):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    index_url = event.get_parent().url
    urls = [index_url, index_url + "sponsors/"]
    silver = event.packages.get(tier="silver")

    def confirm(name):
        application = _apply(client, event, silver, categories["none"], organisation=name)
        apply_transition(application.pk, "approve")
        apply_transition(application.pk, "confirm")

    confirm("First Sponsor")
    counts = []
    for url in urls:
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        counts.append(len(queries.captured_queries))
    confirm("Second Sponsor")
    confirm("Third Sponsor")
    for url, count in zip(urls, counts, strict=True):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert len(queries.captured_queries) <= count
    assert "Third Sponsor" in response.content.decode()


def test_editors_create_and_edit_events_in_the_admin(client, superuser, event):
    from wagtail.test.utils.page_tests import WagtailPageTestCase

    from cms.sponsorship.models import EventPage, SponsorshipIndexPage

    checks = WagtailPageTestCase()
    checks.assertCanCreateAt(SponsorshipIndexPage, EventPage)
    checks.assertCanNotCreateAt(EventPage, EventPage)
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Welcome reception" in html
    assert "Exhibition booth" in html

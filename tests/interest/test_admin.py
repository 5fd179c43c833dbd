"""Expressions of interest in the admin: who sees them, filters, search, export; read-only."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from cms.core.roles import EDITORS, LEADS, OFFICERS, translator_group_name
from cms.interest.factories import ExpressionOfInterestFactory
from cms.interest.models import ExpressionOfInterest
from cms.interest.viewsets import expression_of_interest_viewset as viewset
from tests.pages.html import parse
from tests.snippets.admin.records import make_user

from .conftest import make_opportunity


def url(view, *args):
    return reverse(viewset.get_url_name(view), args=args)


@pytest.fixture
def users(db):
    staff = make_user("staff", is_staff=True)
    staff.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return {
        "superuser": make_user("admin", is_superuser=True, is_staff=True),
        "officer": make_user("officer", OFFICERS),
        "editor": make_user("editor", EDITORS),
        "lead": make_user("lead", LEADS),
        "translator": make_user("translator", translator_group_name("ar")),
        "staff_without_rights": staff,
    }


@pytest.fixture
def submissions(opportunity_index, opportunity, locales):
    other = make_opportunity(opportunity_index, title="Cyber drills", slug="cyber-drills")
    return [
        ExpressionOfInterestFactory(
            page=opportunity, organisation="Fondation Pierre Fabre", support="expertise"
        ),
        ExpressionOfInterestFactory(
            page=other, organisation="GSMA", support="funding", locale=locales["ar"]
        ),
        ExpressionOfInterestFactory(page=other, organisation="ARM", support="in_kind"),
    ]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("superuser", True),
        ("officer", True),
        ("editor", True),
        ("lead", True),
        ("translator", False),
        ("staff_without_rights", False),
    ],
)
def test_listing_and_details_are_for_officers_and_communications(
    client, users, submissions, role, allowed
):
    client.force_login(users[role])

    listing = client.get(url("index"))
    details = client.get(url("inspect", submissions[0].pk))
    menu = client.get(reverse("wagtailadmin_home")).content.decode()

    if allowed:
        assert listing.status_code == 200
        # Newest first; the organisation leads to the details.
        cells = parse(listing).select("table tbody tr")[-1].select("td")
        assert cells[0].a["href"] == url("inspect", submissions[0].pk)
        assert cells[0].a.get_text(strip=True) == "Fondation Pierre Fabre"
        assert [cell.get_text(strip=True) for cell in cells[1:4]] == [
            "Smart villages in the Sahel",
            "Ngozi Okafor",
            "Expertise",
        ]
        assert details.status_code == 200
        assert submissions[0].message in details.content.decode()
        assert url("index") in menu
    else:
        assert listing.status_code in (302, 403)
        assert details.status_code in (302, 403)
        assert url("index") not in menu


def test_anonymous_visitors_are_sent_to_the_login_page(client, submissions):
    response = client.get(url("index"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_nobody_adds_or_edits_an_expression_of_interest(client, users, submissions):
    client.force_login(users["superuser"])

    listing = parse(client.get(url("index")))
    assert not listing.select(f'a[href="{url("add")}"]')
    assert not listing.select(f'a[href="{url("edit", submissions[0].pk)}"]')
    assert client.get(url("add")).status_code in (302, 403)
    assert client.get(url("edit", submissions[0].pk)).status_code in (302, 403)
    response = client.post(url("edit", submissions[0].pk), {"organisation": "Changed"})
    assert response.status_code in (302, 403)
    submissions[0].refresh_from_db()
    assert submissions[0].organisation == "Fondation Pierre Fabre"


def test_only_administrators_delete_for_an_erasure_request(client, users, submissions):
    client.force_login(users["officer"])
    assert client.post(url("delete", submissions[0].pk)).status_code in (302, 403)
    assert ExpressionOfInterest.objects.filter(pk=submissions[0].pk).exists()

    client.force_login(users["superuser"])
    client.post(url("delete", submissions[0].pk))
    assert not ExpressionOfInterest.objects.filter(pk=submissions[0].pk).exists()


def listed(client, **query):
    response = client.get(url("index"), query)
    assert response.status_code == 200
    return sorted(row.organisation for row in response.context["object_list"])


def test_filters_by_opportunity_support_language_and_date(client, users, submissions, locales):
    client.force_login(users["officer"])
    old = submissions[2]
    ExpressionOfInterest.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=40)
    )

    assert listed(client) == ["ARM", "Fondation Pierre Fabre", "GSMA"]
    assert listed(client, page=submissions[1].page_id) == ["ARM", "GSMA"]
    assert listed(client, support="funding") == ["GSMA"]
    assert listed(client, locale=locales["ar"].pk) == ["GSMA"]
    since = (timezone.now() - datetime.timedelta(days=7)).date().isoformat()
    assert listed(client, created_at_from=since) == ["Fondation Pierre Fabre", "GSMA"]


def test_search_finds_organisation_name_and_message(client, users, submissions):
    client.force_login(users["editor"])

    assert listed(client, q="Pierre") == ["Fondation Pierre Fabre"]
    assert listed(client, q="gsma") == ["GSMA"]


def test_export_as_csv_and_xlsx(client, users, submissions):
    client.force_login(users["officer"])

    response = client.get(url("index"), {"export": "csv", "support": "expertise"})

    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    header, *data = rows
    assert header[:5] == ["Received", "Opportunity", "Page", "Language", "Organisation"]
    assert "Support offered" in header
    assert len(data) == 1
    row = dict(zip(header, data[0], strict=True))
    assert row["Organisation"] == "Fondation Pierre Fabre"
    assert row["Support offered"] == "Expertise"
    assert row["E-mail"] == submissions[0].email
    assert row["Page"].endswith(submissions[0].page.url)

    xlsx = client.get(url("index"), {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]

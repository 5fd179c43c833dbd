"""The admin's "Find partners": who may use it, the form, the explained results, the
shortlist exports and "Suggest partners" from an opportunity."""

import csv
import io
import json
from io import StringIO

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.finder.wagtail_hooks import suggest_url
from cms.finder.weights import REASONS_LIMIT
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.snippets.factories import PartnerFactory

from . import built_once
from .conftest import agreement

pytestmark = pytest.mark.django_db

# The conftest's vocabularies and ranking archive, built once for this module (built_once.py).
finder_records, vocab, archive = built_once.FIXTURES

URL = "/admin/partner-finder/"
CYBER_AFR = {"area": "cybersecurity", "region": "afr"}


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def result_names(response):
    return [
        h3.find(["a"]).get_text(strip=True) if h3.find("a") else h3.get_text(strip=True)
        for h3 in soup(response).select(".finder-result__name")
    ]


def test_url_is_the_admin_finder():
    assert reverse("partner_finder:index") == URL


def test_anonymous_visitors_go_to_the_login_page(client):
    response = client.get(URL, CYBER_AFR)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_roles_without_the_permission_are_refused(client, role, request, vocab, archive):
    client.force_login(request.getfixturevalue(role))

    response = client.get(URL, CYBER_AFR)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    home = client.get(response["Location"])
    assert "Recent Large Partner" not in home.content.decode()
    assert URL not in home.content.decode()  # no menu item either
    assert client.get(URL, {**CYBER_AFR, "export": "csv"}).status_code == 302


@pytest.mark.parametrize("role", ["officer", "lead", "superuser"])
def test_officers_leads_and_administrators_use_it(client, role, request, vocab, archive):
    client.force_login(request.getfixturevalue(role))

    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()  # menu item
    response = client.get(URL, CYBER_AFR)
    assert response.status_code == 200
    assert result_names(response)[0] == "Recent Large Partner"
    assert "Unrelated Partner" not in result_names(response)


def test_results_explain_each_score(client, officer, vocab, archive):
    client.force_login(officer)
    response = client.get(URL, CYBER_AFR)
    page = soup(response)

    first = page.select_one(".finder-result")
    components = {row["data-component"] for row in first.select("tr[data-component]")}
    assert {"area", "place", "value"} <= components
    references = [row["data-reference"] for row in first.select("tr[data-reference]")]
    assert sorted(references) == ["BEST-1", "BEST-2"]
    # Links to the partner's and the agreement's edit views.
    partner_link = first.select_one(".finder-result__name a")["href"]
    assert partner_link == reverse(
        "wagtailsnippets_snippets_partner:edit", args=[archive["best"].pk]
    )
    agreement_link = first.select_one("tr[data-reference] a")["href"]
    assert "/admin/snippets/snippets/agreement/edit/" in agreement_link
    mixed = next(
        item for item in page.select(".finder-result") if "Mixed Partner" in item.get_text()
    )
    assert [row["data-reference"] for row in mixed.select("tr[data-reference]")] == ["MIXED-IN"]


def test_admin_and_command_agree(client, officer, vocab, archive):
    client.force_login(officer)
    response = client.get(URL, {**CYBER_AFR, "country": "KE", "limit": "50"})
    output = StringIO()
    call_command(
        "find_partners",
        "--area",
        "Cybersecurity",
        "--region",
        "AFR",
        "--country",
        "KE",
        "--limit",
        "50",
        "--json",
        stdout=output,
    )
    expected = json.loads(output.getvalue())

    page = soup(response)
    shown = [
        (
            item.select_one(".finder-result__name a").get_text(strip=True),
            float(item.select_one("[data-score]").get_text()),
            [row["data-reference"] for row in item.select("tr[data-reference]")],
        )
        for item in page.select(".finder-result")
    ]
    assert shown == [(r["partner"], r["score"], r["agreements"]) for r in expected]


def test_confidential_agreements_are_for_officers_only(client, officer, lead, vocab, archive):
    agreement(
        vocab, PartnerFactory(name="Secret Partner"), reference="SECRET-1", is_confidential=True
    )

    client.force_login(officer)
    as_officer = client.get(URL, CYBER_AFR)
    assert "Secret Partner" in result_names(as_officer)
    assert "SECRET-1" in as_officer.content.decode()

    client.force_login(lead)
    as_lead = client.get(URL, CYBER_AFR)
    assert "Secret Partner" not in result_names(as_lead)
    assert "SECRET-1" not in as_lead.content.decode()
    # Leads may not open the archive: references without links, partners' read-only view.
    first = soup(as_lead).select_one(".finder-result")
    assert first.select_one("tr[data-reference] a") is None
    assert "/inspect/" in first.select_one(".finder-result__name a")["href"]
    csv_text = b"".join(client.get(URL, {**CYBER_AFR, "export": "csv"}).streaming_content)
    assert b"SECRET-1" not in csv_text


def test_an_empty_search_shows_the_form_only(client, officer, vocab, archive):
    client.force_login(officer)
    response = client.get(URL)

    assert response.status_code == 200
    assert soup(response).select(".finder-result") == []
    assert soup(response).select_one("input[name=text]") is not None


def test_errors_keep_what_was_typed(client, officer, vocab, archive):
    client.force_login(officer)

    response = client.get(URL, {"text": "", "limit": "0", "region": "afr"})
    page = soup(response)
    assert response.status_code == 200
    assert page.select(".finder-result") == []
    assert "Ensure this value is greater than or equal to 1" in response.content.decode()
    assert page.select_one("input[name=limit]")["value"] == "0"
    assert page.select_one("input[name=region][value=afr]").has_attr("checked")

    response = client.get(URL, {"text": "  ", "kind": "government"})
    assert "Choose at least one thematic area" in response.content.decode()
    assert soup(response).select_one("input[name=kind][value=government]").has_attr("checked")

    response = client.get(URL, {"area": "atlantis", "text": "words kept"})
    assert "Select a valid choice" in response.content.decode()
    assert soup(response).select_one("input[name=text]")["value"] == "words kept"


def test_export_csv_and_xlsx_hold_the_same_shortlist(client, officer, vocab, archive):
    client.force_login(officer)
    shown = result_names(client.get(URL, CYBER_AFR))

    response = client.get(URL, {**CYBER_AFR, "export": "csv"})
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert "partner-shortlist-cybersecurity-afr-" in disposition
    assert disposition.endswith('.csv"')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    heading, data = rows[0], rows[1:]
    assert heading[:5] == ["Rank", "Partner", "Acronym", "Kind", "Score"]
    assert [row[1] for row in data] == shown
    references = heading.index("Agreement references")
    assert sorted(data[0][references].split("; ")) == ["BEST-1", "BEST-2"]

    response = client.get(URL, {**CYBER_AFR, "export": "xlsx"})
    assert response.status_code == 200
    assert "partner-shortlist-cybersecurity-afr-" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    assert [str(cell) for cell in sheet[0]] == heading
    assert [row[1] for row in sheet[1:]] == shown
    assert [row[4] for row in sheet[1:]] == [float(row[4]) for row in data]
    assert isinstance(sheet[1][4], float)


def test_export_links_keep_the_criteria(client, officer, vocab, archive):
    client.force_login(officer)
    page = soup(client.get(URL, {**CYBER_AFR, "text": "cooperation"}))

    links = [a["href"] for a in page.select(".finder-downloads a")]
    assert len(links) == 2
    for link in links:
        assert "area=cybersecurity" in link
        assert "region=afr" in link
        assert "text=cooperation" in link


def test_export_of_an_invalid_search_shows_the_form(client, officer, vocab, archive):
    client.force_login(officer)
    response = client.get(URL, {"limit": "0", "area": "cybersecurity", "export": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


@pytest.fixture
def opportunity(vocab, home_page):
    index = OpportunityIndexPageFactory(parent=home_page)
    return OpportunityPageFactory(
        parent=index,
        title="Safer schools online",
        thematic_areas=[vocab["cyber"]],
        regions=[vocab["afr"]],
        countries=[vocab["ke"]],
        partner_kinds=[vocab["foundation"]],
    )


def test_suggest_partners_prefills_from_the_opportunity(client, lead, vocab, archive, opportunity):
    client.force_login(lead)
    response = client.get(suggest_url(opportunity))
    page = soup(response)

    assert response.status_code == 200
    assert "Safer schools online" in response.content.decode()
    assert page.select_one("input[name=area][value=cybersecurity]").has_attr("checked")
    assert page.select_one("input[name=region][value=afr]").has_attr("checked")
    assert page.select_one("select[name=country] option[value=KE]").has_attr("selected")
    assert page.select_one("input[name=kind][value=foundation]").has_attr("checked")
    assert not page.select_one("input[name=area][value=infrastructure]").has_attr("checked")
    # The opportunity seeks foundations: only they are ranked.
    assert set(result_names(response)) == {"Small Partner", "Mixed Partner"}
    export = client.get(page.select_one(".finder-downloads a")["href"])
    assert "partner-shortlist-" + opportunity.slug in export["Content-Disposition"]


def test_suggest_partners_button_on_opportunities(client, lead, editor, opportunity):
    client.force_login(lead)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.pk]))
    assert suggest_url(opportunity) in edit.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[opportunity.get_parent().pk]))
    assert suggest_url(opportunity) in listing.content.decode()
    parent_edit = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.get_parent().pk]))
    assert "?opportunity=" not in parent_edit.content.decode()

    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.pk]))
    assert edit.status_code == 200
    assert suggest_url(opportunity) not in edit.content.decode()


def test_a_draft_opportunity_of_others_is_not_shown(client, officer, vocab, home_page):
    index = OpportunityIndexPageFactory(parent=home_page)
    draft = OpportunityPageFactory(
        parent=index,
        title="Secret draft plan",
        live=False,
        thematic_areas=[vocab["cyber"]],
        regions=[vocab["afr"]],
    )
    client.force_login(officer)  # officers have no page permissions

    response = client.get(suggest_url(draft))
    assert response.status_code == 200
    assert "Secret draft plan" not in response.content.decode()
    assert "This opportunity cannot be found." in response.content.decode()
    assert client.get(URL, {"opportunity": "nonsense"}).status_code == 200


def test_query_count_does_not_grow_with_results(client, officer, vocab, archive):
    client.force_login(officer)
    params = {**CYBER_AFR, "country": "KE", "text": "cooperation", "limit": "200"}
    client.get(URL, params)  # warm the caches (content types, site)
    with CaptureQueriesContext(connection) as few:
        client.get(URL, params)
    for number in range(25):
        partner = PartnerFactory(name=f"Extra {number}", areas=[vocab["cyber"]])
        agreement(vocab, partner, reference=f"EXTRA-{number}")
    # The partners kept in the shared cache are read again once after a change.
    client.get(URL, params)
    with CaptureQueriesContext(connection) as many:
        response = client.get(URL, params)
    assert len(result_names(response)) > 25
    assert len(many.captured_queries) == len(few.captured_queries)


def test_the_permission_is_in_the_group_editor(client, superuser):
    from django.contrib.auth.models import Group, Permission

    from cms.core.roles import EDITORS, LEADS, OFFICERS

    assert Group.objects.get(name=OFFICERS).permissions.filter(codename="use_partner_finder")
    assert Group.objects.get(name=LEADS).permissions.filter(codename="use_partner_finder")
    assert not Group.objects.get(name=EDITORS).permissions.filter(codename="use_partner_finder")
    client.force_login(superuser)
    editors = Group.objects.get(name=EDITORS)
    response = client.get(reverse("wagtailusers_groups:edit", args=[editors.pk]))
    page = soup(response)
    permission = Permission.objects.get(codename="use_partner_finder")
    checkbox = page.select_one(f"input[name=permissions][value='{permission.pk}']")
    assert checkbox is not None
    assert not checkbox.has_attr("checked")
    assert "Can find partners" in response.content.decode()


def test_a_partner_with_many_agreements_shows_the_best_in_detail_and_names_the_others(
    client, officer, vocab, prolific
):
    client.force_login(officer)
    page = soup(client.get(URL, CYBER_AFR))

    item = page.select_one(".finder-result")
    detailed = [row["data-reference"] for row in item.select("tr[data-reference]")]
    others = [span["data-more-reference"] for span in item.select("[data-more-reference]")]
    assert detailed == [f"PROLIFIC-{index:02d}" for index in range(REASONS_LIMIT)]
    assert others == [f"PROLIFIC-{index:02d}" for index in range(REASONS_LIMIT, REASONS_LIMIT + 3)]
    assert "3 more agreements count" in item.get_text(" ", strip=True)
    assert f"{REASONS_LIMIT + 3} past agreements behind this score" in item.get_text(
        " ", strip=True
    )
    # The shortlist counts and names them all.
    response = client.get(URL, {**CYBER_AFR, "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    heading = rows[0]
    assert rows[1][heading.index("Agreements that count")] == str(REASONS_LIMIT + 3)
    assert rows[1][heading.index("Agreement references")].split("; ") == detailed + others


def test_the_shortlist_marks_confidential_agreements_and_runs_no_formula(
    client, officer, vocab, archive
):
    """Issue 16: the file leaves the admin, so a confidential agreement is marked in it, and a
    name typed as a formula stays text in the reader's spreadsheet program."""
    formula = '=HYPERLINK("http://example.com","x")'
    secret = PartnerFactory(name=formula, kind=vocab["government"])
    agreement(vocab, secret, reference="SECRET-1", is_confidential=True)
    client.force_login(officer)

    response = client.get(URL, {**CYBER_AFR, "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    heading = rows[0]
    references = heading.index("Agreement references")
    listed = {row[1]: row[references] for row in rows[1:]}
    assert listed["'" + formula] == "SECRET-1 (confidential)"
    assert sorted(listed["Recent Large Partner"].split("; ")) == ["BEST-1", "BEST-2"]

    response = client.get(URL, {**CYBER_AFR, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = {row[references].value: row for row in sheet.iter_rows(min_row=2)}
    name = cells["SECRET-1 (confidential)"][1]
    assert name.value == formula
    assert name.data_type == "s"
    assert name.quotePrefix

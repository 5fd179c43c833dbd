"""/api/v1/opportunities/<id>/ gives a funded opportunity's progress reports (newest first,
lights named in the language asked for) and its funders from its public agreements, as its
page shows them (issue 20, item 2); documented in the OpenAPI."""

import pytest
from django.test import Client

from cms.pages.models import OpportunityPage
from tests.pages.directory.fixtures import built_records, records  # noqa: F401
from tests.pages.test_opportunity_results import make_funded_site


@pytest.fixture(scope="module")
def built_once():
    return make_funded_site


@pytest.fixture
def site(records):  # noqa: F811 - the module's records (tests/module_records.py)
    return records


def _detail(site, language):
    page = site["opportunity"].get_translation(site["homes"][language].locale)
    response = Client().get(f"/api/v1/opportunities/{page.pk}/?lang={language}")
    assert response.status_code == 200
    return response.json()


def test_the_api_gives_a_funded_opportunity_s_reports_and_funders_in_french(site):
    data = _detail(site, "fr")
    reports = data["progress_reports"]
    assert [report["status"] for report in reports] == [
        {"code": "completed", "name": "Achevé"},
        {"code": "delayed", "name": "Retardé"},
        {"code": "on_track", "name": "En bonne voie"},
    ]
    assert reports[0]["text"] == "Les douze villages sont connectés."
    funders = {funder["name"]: funder for funder in data["funders"]}
    assert set(funders) == {"Gouvernement de la République de Corée", "Gouvernement de l'Australie"}
    australia = site["australia"]
    assert funders["Gouvernement de l'Australie"]["id"] == australia.pk
    assert f"/fr/partners/{australia.pk}/" in funders["Gouvernement de l'Australie"]["url"]
    assert "Hidden Donor Trust" not in str(data)


def test_an_open_opportunity_has_no_reports_nor_funders_in_the_api(site):
    opportunity = site["opportunity"]
    opportunity.status = OpportunityPage.Status.OPEN
    opportunity.save_revision().publish()
    data = _detail(site, "en")
    assert data["progress_reports"] == []
    assert data["funders"] == []


def test_the_openapi_documents_reports_and_funders(site):
    schema = Client().get("/api/v1/openapi.json").json()
    detail = schema["components"]["schemas"]["OpportunityDetailOut"]["properties"]
    assert "newest first" in detail["progress_reports"]["description"].lower()
    assert "public agreements" in detail["funders"]["description"]
    report = schema["components"]["schemas"]["ProgressReportOut"]["properties"]
    assert set(report) == {"date", "status", "text"}

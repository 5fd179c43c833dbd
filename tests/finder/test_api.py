"""/api/v1/partner-finder/: staff only, JSON errors, the same list as the command."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.finder.weights import REASONS_LIMIT
from cms.snippets.factories import PartnerFactory

from . import built_once
from .conftest import agreement

pytestmark = pytest.mark.django_db

# The conftest's vocabularies and ranking archive, built once for this module (built_once.py).
finder_records, vocab, archive = built_once.FIXTURES

URL = "/api/v1/partner-finder/"
CYBER_AFR = {"area": "Cybersecurity", "region": "AFR"}


def test_anonymous_visitors_get_401_in_json(client, vocab, archive):
    response = client.get(URL, CYBER_AFR)

    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "Recent Large Partner" not in response.content.decode()
    assert "detail" in response.json()


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_users_without_the_permission_get_403_in_json(client, role, request, vocab, archive):
    client.force_login(request.getfixturevalue(role))
    response = client.get(URL, CYBER_AFR)

    assert response.status_code == 403
    assert response.json() == {"detail": "You do not have permission to use the partner finder."}


def test_same_list_as_the_command_plus_the_breakdown(client, officer, vocab, archive):
    client.force_login(officer)
    response = client.get(URL, {**CYBER_AFR, "country": "KE", "text": "cooperation"})
    output = StringIO()
    call_command(
        "find_partners",
        "--area",
        "Cybersecurity",
        "--region",
        "AFR",
        "--country",
        "KE",
        "--text",
        "cooperation",
        "--json",
        stdout=output,
    )

    assert response.status_code == 200
    results = response.json()
    expected = json.loads(output.getvalue())
    assert [{k: r[k] for k in ("partner", "score", "agreements")} for r in results] == expected
    best = results[0]
    assert best["partner"] == "Recent Large Partner"
    assert best["partner_id"] == archive["best"].pk
    assert best["kind"] == "government"
    assert sum(best["breakdown"].values()) == pytest.approx(best["score"], abs=0.011)
    assert [reason["reference"] for reason in best["reasons"]] == best["agreements"]
    assert best["reasons"][0]["value_usd"] == 5000000


def test_several_values_and_names_in_any_language(client, lead, vocab, archive, locales):
    french = vocab["infra"].copy_for_translation(locales["fr"])
    french.name = "Infrastructures"
    french.save()
    client.force_login(lead)

    response = client.get(f"{URL}?area=Cybersecurity&area=Infrastructures&limit=2")
    assert response.status_code == 200
    assert len(response.json()) == 2


def test_confidential_agreements_follow_the_archive_permission(
    client, officer, lead, vocab, archive
):
    agreement(vocab, PartnerFactory(name="Secret"), reference="SECRET-1", is_confidential=True)

    client.force_login(officer)
    assert "Secret" in [r["partner"] for r in client.get(URL, CYBER_AFR).json()]
    client.force_login(lead)
    response = client.get(URL, CYBER_AFR)
    assert "Secret" not in [r["partner"] for r in response.json()]
    assert "SECRET-1" not in response.content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"area": "Astrology"}, "Unknown thematic area"),
        ({"country": "ZZ"}, "Unknown country"),
        ({}, "Give at least one"),
        ({"kind": "government"}, "Give at least one"),
        ({"area": "Cybersecurity", "limit": "0"}, "limit"),
        ({"area": "Cybersecurity", "limit": "many"}, "limit"),
        ({"opportunity": "999999"}, "Unknown opportunity"),
    ],
)
def test_bad_input_is_a_400_in_json(client, officer, vocab, params, message):
    client.force_login(officer)
    response = client.get(URL, params)

    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_the_endpoint_is_documented(client):
    document = client.get("/api/v1/openapi.json").json()

    assert "/api/v1/partner-finder/" in document["paths"]


def test_the_most_valuable_agreements_are_detailed_and_all_are_listed(
    client, officer, vocab, prolific
):
    client.force_login(officer)
    best = client.get(URL, CYBER_AFR).json()[0]

    assert best["partner"] == "Prolific Partner"
    assert best["agreements"] == [f"PROLIFIC-{index:02d}" for index in range(REASONS_LIMIT + 3)]
    assert [reason["reference"] for reason in best["reasons"]] == best["agreements"][:REASONS_LIMIT]
    assert best["more_reasons"] == 3


def test_query_count_of_a_search(client, officer, vocab, archive):
    """Warm (the partners and the terms' names the finder keeps are read again once after a
    change): the session, the user and their permissions (4), the countries named (1), then
    the ranking's 12: the latest signature, the countries' regions, the stated areas, regions
    and countries, the words in capitals, the titles holding them, the sums, the link rows of
    the partners shown and their agreements' areas, regions and countries."""
    client.force_login(officer)
    params = {**CYBER_AFR, "country": "KE", "text": "cooperation", "limit": "200"}
    client.get(URL, params)
    with CaptureQueriesContext(connection) as counted:
        response = client.get(URL, params)

    assert response.status_code == 200
    assert len(response.json()) > 1
    assert len(counted.captured_queries) == 17

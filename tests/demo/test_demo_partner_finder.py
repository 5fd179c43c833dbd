"""The partner finder on the demo archive (110 funding partners, about 1,000 agreements):
the command's list is explained by real agreements of each partner, whatever the language
the area is named in, and the admin's finder shows the same list to the demo officer."""

import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Q

from cms.finder.wagtail_hooks import suggest_url
from cms.finder.weights import REASONS_LIMIT
from cms.pages.models import OpportunityPage
from cms.snippets.models import Agreement, BeneficiaryRegion, ThematicArea

pytestmark = pytest.mark.django_db


def find(*args):
    output = StringIO()
    call_command("find_partners", *args, "--json", stdout=output)
    return json.loads(output.getvalue())


def test_every_result_is_explained_by_its_own_agreements(demo_data):
    results = find("--area", "Cybersecurity", "--region", "AFR", "--limit", "30")

    assert len(results) == 30
    scores = [item["score"] for item in results]
    assert scores == sorted(scores, reverse=True)
    cyber = ThematicArea.objects.get(code="cybersecurity", locale__language_code="en")
    africa = BeneficiaryRegion.objects.get(code="afr", locale__language_code="en")
    relevant = Q(primary_area=cyber) | Q(secondary_areas=cyber) | Q(regions=africa)
    for item in results[:10]:
        assert item["agreements"], item
        references = set(item["agreements"])
        theirs = Agreement.objects.filter(
            reference__in=references, partner_links__partner__name=item["partner"]
        )
        assert set(theirs.values_list("reference", flat=True)) == references
        assert set(theirs.filter(relevant).values_list("reference", flat=True)) == references


def test_the_area_may_be_named_in_any_language(demo_data):
    english = find("--area", "Cybersecurity", "--region", "AFR")

    assert find("--area", "Cybersécurité", "--region", "afr") == english
    assert find("--area", "网络安全", "--region", "AFR") == english


def test_the_admin_finder_shows_the_same_list(demo_data, client):
    client.force_login(get_user_model().objects.get(username="officer"))
    response = client.get(
        "/admin/partner-finder/", {"area": "cybersecurity", "region": "afr", "limit": "20"}
    )
    page = BeautifulSoup(response.content.decode(), "html.parser")

    shown = [
        (
            item.select_one(".finder-result__name a").get_text(strip=True),
            [row["data-reference"] for row in item.select("tr[data-reference]")]
            + [span["data-more-reference"] for span in item.select("[data-more-reference]")],
        )
        for item in page.select(".finder-result")
    ]
    expected = find("--area", "Cybersecurity", "--region", "AFR", "--limit", "20")
    # The most valuable agreements are detailed, the others named after them: all count.
    assert shown == [(item["partner"], item["agreements"]) for item in expected]
    assert all(
        len(item.select("tr[data-reference]")) <= REASONS_LIMIT
        for item in page.select(".finder-result")
    )


def test_suggest_partners_for_a_demo_opportunity(demo_data, client):
    opportunity = OpportunityPage.objects.filter(locale__language_code="en").first()
    client.force_login(get_user_model().objects.get(username="lead"))

    response = client.get(suggest_url(opportunity))
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert response.status_code == 200
    assert page.select("input[name=area][checked]")
    assert page.select(".finder-result")

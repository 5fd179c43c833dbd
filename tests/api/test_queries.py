"""The API's lists and a partner's detail cost the same number of SQL queries for 3 or 10
results (opportunities, partners, agreements, recognitions)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.pages.directory import data

from .opportunities import make_opportunity


def queries(client, url, params):
    assert client.get(url, params).status_code == 200
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_opportunities_cost_the_same_queries_for_3_or_10(client, indexes, vocab, goal):
    def add(numbers):
        for number in numbers:
            english = make_opportunity(indexes["en"], vocab, f"Opportunity {number}", goal=goal)
            data.translate_page(english, "fr", title=f"Opportunité {number}")

    params = {"lang": "fr", "page_size": 100}
    add(range(3))
    with_3 = queries(client, "/api/v1/opportunities/", params)
    add(range(3, 10))
    with_10 = queries(client, "/api/v1/opportunities/", params)

    assert with_10 == with_3


def test_partners_cost_the_same_queries_for_3_or_10(client, directories, vocab):
    def add(numbers):
        for number in numbers:
            partner = data.make_partner(
                vocab,
                f"Partner {number:02d}",
                areas=["cybersecurity"],
                regions=["afr", "asp"],
                countries=[vocab.countries["KE"]],
                funding=[vocab.funding_type],
                membership_category=vocab.membership,
                funding_mechanism=vocab.mechanism,
            )
            data.translate_snippet(partner, "fr", name=f"Partenaire {number:02d}")
            data.add_recognition(partner)

    params = {"lang": "fr", "page_size": 100}
    add(range(3))
    partners_3 = queries(client, "/api/v1/partners/", params)
    recognitions_3 = queries(client, "/api/v1/recognitions/", params)
    add(range(3, 10))
    partners_10 = queries(client, "/api/v1/partners/", params)
    recognitions_10 = queries(client, "/api/v1/recognitions/", params)

    assert partners_10 == partners_3
    assert recognitions_10 == recognitions_3


def test_a_partner_costs_the_same_queries_for_3_or_10_agreements(
    client, directories, australia, vocab
):
    url = f"/api/v1/partners/{australia.pk}/"
    params = {"lang": "fr"}

    def add(numbers):
        for number in numbers:
            data.add_public_agreement(australia, vocab, number)
            data.add_recognition(australia, occasion=f"Occasion {number}")

    add(range(10, 11))
    with_3 = queries(client, url, params)
    add(range(11, 18))
    with_10 = queries(client, url, params)

    assert with_10 == with_3

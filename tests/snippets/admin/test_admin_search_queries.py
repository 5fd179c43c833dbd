"""The searches of the partners and agreements listings make as many queries for thirty
matches as for three (test_admin_search.py holds what the searches find). On their own
because they count the rows they add: the records shared by that module's tests would be
among them."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.snippets.factories import AgreementFactory, PartnerFactory
from cms.snippets.models import Agreement, Partner

from .test_admin_search import list_url


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def count_queries(client, url, params):
    # Warm: the vocabularies kept in the shared cache are read again after a change.
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries), len(response.context["object_list"])


@pytest.mark.parametrize("params", [{"q": "unions"}, {"q": "unions", "locale": "fr"}])
def test_partner_search_queries_do_not_grow_with_matches(officer_client, locales, params):
    def add_partners(count):
        for _ in range(count):
            serial = Partner.objects.count()
            english = PartnerFactory(name=f"Telecommunication Union {serial}")
            french = english.copy_for_translation(locales["fr"])
            french.name = f"Union des télécommunications {serial}"
            french.save()

    add_partners(3)
    few, rows = count_queries(officer_client, list_url(Partner), params)
    assert rows == (3 if "locale" in params else 6)
    add_partners(12)
    many, rows = count_queries(officer_client, list_url(Partner), params)
    assert rows == (15 if "locale" in params else 30)
    assert many == few


def test_agreement_search_queries_do_not_grow_with_matches(officer_client, db):
    partners = [PartnerFactory() for _ in range(3)]

    def add_agreements(count):
        for _ in range(count):
            AgreementFactory(title="Connecting schools", partners=partners)

    add_agreements(3)
    few, rows = count_queries(officer_client, list_url(Agreement), {"q": "connected school"})
    assert rows == 3
    add_agreements(27)
    many, rows = count_queries(officer_client, list_url(Agreement), {"q": "connected school"})
    assert rows == 30
    assert many == few

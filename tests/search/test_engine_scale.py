"""With a search engine configured, the admin's record searches and the reindex run on it.

Issue 18 (item 5) asks that the site search, the admin record searches and the partner
directory run on the engine when one is configured. These tests show it from what an editor
sees: a word the engine's analysis reads (a Russian case, an English plural) finds the record
where the database's substring match, the admin's fallback when the engine fails, cannot; and
the reindex of a database holding countries (every real one does) completes: the engines'
serializers refused django-countries' values, and the reindex of the ten-times benchmark
database stopped at the first country.

The live tests run against the cluster of SEARCH_TEST_URL, as those of `test_elasticsearch`
(whose fixtures they share), and are skipped without one except in CI.
"""

import json
import logging
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from modelsearch.backends import get_search_backend
from opensearchpy.serializer import JSONSerializer

from cms.snippets.factories import AgreementFactory, CountryFactory
from cms.snippets.models import Agreement, Country
from search.backends.opensearch import language_mapping_class
from search.models import PendingIndexOperation

from . import test_elasticsearch
from .test_elasticsearch import refresh

# The live cluster's fixtures of test_elasticsearch: the corpus indexed in indexes of its own.
live = test_elasticsearch.live
live_backends = test_elasticsearch.live_backends


def test_a_country_document_is_written_as_its_code():
    """The document the engines receive for a country holds its code as text, as the
    database backends index it."""
    country = Country(pk=1, code="KE")
    document = language_mapping_class("en")(Country).get_document(country)
    assert json.loads(JSONSerializer().dumps(document))["code"] == "KE"


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("engine-editor", "e@example.org", "x")
    client.force_login(user)
    return client


# (what an editor searches, address, what the listing must show). No substring match finds
# these words: "союза" (genitive) for "союз" and "partnerships" for "partnership" (the
# listings' full text), "партнерств" typed with е for "Партнёрство" (the page search
# completes the word being typed on the titles, with ё read as е).
ENGINE_ONLY_SEARCHES = [
    ("partners", "/admin/snippets/snippets/partner/?q=союза", "Международный союз электросвязи"),
    ("pages", "/admin/pages/search/?q=партнерств", "Партнёрство в области связи"),
    ("agreements", "/admin/snippets/snippets/agreement/?q=Kestrel+partnerships",
     "Kestrel partnership for connectivity"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("what", "url", "expected"), ENGINE_ONLY_SEARCHES, ids=[s[0] for s in ENGINE_ONLY_SEARCHES]
)
def test_live_admin_record_searches_are_answered_by_the_engine(
    live_backends, corpus, editor_client, caplog, what, url, expected
):
    agreement = AgreementFactory(title="Kestrel partnership for connectivity")
    refresh()
    try:
        with caplog.at_level(logging.WARNING, logger="search.fallback"):
            response = editor_client.get(url)
        assert response.status_code == 200
        assert expected in response.content.decode(), what
        # Answered by the engine itself, not by the database behind it.
        assert "Search engine unavailable" not in caplog.text
    finally:
        get_search_backend("en").delete(Agreement.objects.get(pk=agreement.pk))


def test_live_reindex_of_a_database_with_countries_completes(live_backends, corpus, db):
    kenya = CountryFactory(code="KE")
    output = StringIO()
    try:
        call_command("rebuild_search_index", language=["en"], stdout=output)
        refresh()
        assert "Search index rebuilt" in output.getvalue()
        found = get_search_backend("en").search("KE", Country.objects.all())
        assert [country.pk for country in found] == [kenya.pk]
        assert not PendingIndexOperation.objects.exists()
    finally:
        get_search_backend("en").delete(kenya)

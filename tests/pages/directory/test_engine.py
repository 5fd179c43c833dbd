"""The directory's name box with a search engine configured: the engine reads the words.

The table of names of `test_record_languages` gives the same partners when the engine reads
the name box (cms/pages/context/directory_engine.py), and what the engine does not hold is
not found by its analysis (a French plural), only by a piece of its name: the words are read
by the engine, not by the process. With the engine down, the directory reads the names itself
and answers the same.

The live tests run against the cluster of SEARCH_TEST_URL (else SEARCH_URL), of the engine
SEARCH_TEST_ENGINE (else SEARCH_ENGINE), in indexes of their own deleted at the end; they are
skipped without a cluster, except in CI (REQUIRE_LIVE_SEARCH_TESTS=1), as in
tests/search/test_elasticsearch.py.
"""

import logging
import os

import pytest
from django.core.management import call_command
from django.test import override_settings
from modelsearch.backends import get_search_backend

from cms.snippets.models import Partner
from search.backends.config import search_backends
from tests.search.test_elasticsearch import UNREACHABLE, live_settings

from . import data
from .fixtures import from_records
from .test_record_languages import NAME_BOX_QUERIES, card_names, parse

pytestmark = pytest.mark.usefixtures("built_records")
vocab = from_records("vocab")
homes = from_records("homes")
directories = from_records("directories")

PREFIX = f"partnerhub_test_directory_{os.getpid()}_"


def search_client():
    return get_search_backend("en").es


@pytest.fixture(scope="module")
def engine_settings(built_records, django_db_blocker):
    """The search settings of the live cluster, with this module's (empty) indexes made."""
    backends = live_settings(PREFIX)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), django_db_blocker.unblock():
        call_command("rebuild_search_index", verbosity=0)
    yield backends
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        search_client().indices.delete(index=f"{PREFIX}*")


@pytest.fixture
def engine(engine_settings):
    """The engine configured for one test; what the test indexed is removed after it (its
    rows are rolled back, and their primary keys may be given again)."""
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_settings):
        yield engine_settings
        empty_indexes()


def refresh():
    search_client().indices.refresh(index=f"{PREFIX}*")


def empty_indexes():
    """Delete every document of this module's indexes (the project's OpenSearch node has no
    delete-by-query: that is the reindex module's)."""
    client = search_client()
    refresh()
    found = client.search(
        index=f"{PREFIX}*", body={"query": {"match_all": {}}, "size": 10_000, "_source": False}
    )
    deletions = [
        {"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in found["hits"]["hits"]
    ]
    if deletions:
        client.bulk(body=deletions, refresh=True)


@pytest.fixture
def banks(engine, vocab, directories):
    """The development banks of `data.make_development_banks`, saved (and so indexed) with
    the engine configured."""
    banks = data.make_development_banks(vocab)
    refresh()
    return banks


@pytest.mark.parametrize(("language", "query", "expected"), NAME_BOX_QUERIES)
def test_live_the_engine_finds_the_same_names(client, banks, caplog, language, query, expected):
    with caplog.at_level(logging.WARNING, logger="search"):
        soup = parse(client.get(f"/{language}/partners/", {"q": query}))
    assert card_names(soup) == sorted(expected)
    assert "Search engine unavailable" not in caplog.text


def test_live_the_words_are_read_by_the_engine(client, banks):
    french = Partner.objects.get(
        translation_key=banks["african"].translation_key, locale__language_code="fr"
    )
    name = "Banque africaine de développement"

    def found(query):
        return card_names(parse(client.get("/fr/partners/", {"q": query})))

    assert found("banques africaines") == [name]  # French plurals, read by the French analysis
    get_search_backend("fr").delete(french)
    refresh()
    # Gone from the engine: its analysis no longer finds it, a piece of its name still does.
    assert found("banques africaines") == []
    assert found("banque africaine") == [name]
    get_search_backend("fr").add(french)
    refresh()
    assert found("banques africaines") == [name]


def test_with_the_engine_down_the_directory_reads_the_names_itself(
    client, vocab, directories, caplog
):
    data.make_development_banks(vocab)  # indexed in the database
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE, timeout=1)),
        caplog.at_level(logging.WARNING, logger="search"),
    ):
        soup = parse(client.get("/fr/partners/", {"q": "banques africaines"}))
    assert card_names(soup) == ["Banque africaine de développement"]
    assert "Search engine unavailable" in caplog.text

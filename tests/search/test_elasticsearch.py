"""Elasticsearch and OpenSearch: the generated settings and mappings of both engines
(everywhere), an outage that never blocks editors (against a closed local port), and the
live tests against a real cluster (see "Live" below)."""

import os
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from cms.pages.factories import StandardPageFactory
from cms.pages.models import StandardPage
from cms.snippets.models import Partner
from search.backends import backend_for
from search.backends.config import search_backends
from search.backends.elasticsearch import (
    ElasticsearchLanguageSearchBackend,
    index_settings,
    language_mapping_class,
)
from search.backends.opensearch import OpenSearchLanguageSearchBackend
from search.backends.opensearch import language_mapping_class as opensearch_mapping_class
from search.models import PendingIndexOperation
from search.pending import catch_up

from .test_indexing import UNSAFE_QUERIES, visible
from .test_partial_words import PARTIAL_QUERIES, SYNONYM_QUERIES, assert_synonym_query
from .test_query_table import (
    AUTOCOMPLETE_QUERIES,
    PAGE_QUERIES,
    PARTNER_QUERIES,
    assert_autocompletes,
    found_pages,
    found_partners,
)

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh-hans")

# Nothing listens on the discard port of the loopback address: every request fails at once.
UNREACHABLE = "http://127.0.0.1:9"


def analysis(language):
    return index_settings(language)["settings"]["analysis"]


def test_settings_have_one_backend_and_index_prefix_per_language():
    backends = search_backends("http://search.internal:9200", prefix="ph_")
    assert backends["default"]["BACKEND"] == "search.backends.router"
    assert backends["default"]["DATABASE"] is False
    prefixes = {code: conf["INDEX_PREFIX"] for code, conf in backends.items() if code != "default"}
    assert prefixes == {
        "en": "ph_en_",
        "fr": "ph_fr_",
        "es": "ph_es_",
        "ru": "ph_ru_",
        "ar": "ph_ar_",
        "zh-hans": "ph_zh_hans_",
    }
    assert all(
        conf["BACKEND"] == "search.backends.elasticsearch"
        for code, conf in backends.items()
        if code != "default"
    )
    database = search_backends("")
    assert database["fr"]["BACKEND"] == "search.backends.database"
    assert database["default"]["DATABASE"] is True


def test_the_engine_is_chosen_by_a_setting_and_a_cluster_may_have_several_nodes():
    nodes = "http://search-1.internal:9200, http://search-2.internal:9200"
    for engine in ("opensearch2", "opensearch3", "OpenSearch3"):
        backends = search_backends(nodes, engine=engine)
        assert backends["ar"]["BACKEND"] == "search.backends.opensearch"
        assert backends["ar"]["URLS"] == [
            "http://search-1.internal:9200",
            "http://search-2.internal:9200",
        ]
    assert search_backends(nodes, engine="elasticsearch9")["ar"]["BACKEND"] == (
        "search.backends.elasticsearch"
    )
    # No address: the database, whatever the engine says.
    assert search_backends("", engine="opensearch2")["ar"]["BACKEND"] == "search.backends.database"
    with pytest.raises(ImproperlyConfigured, match="SEARCH_ENGINE"):
        search_backends(nodes, engine="solr")


@pytest.mark.parametrize(
    ("language", "expected_filters"),
    [
        ("en", ["partnerhub_english_possessive", "lowercase", "asciifolding",
                "partnerhub_english_stemmer"]),
        ("fr", ["partnerhub_french_elision", "lowercase", "asciifolding",
                "partnerhub_french_stemmer"]),
        ("es", ["lowercase", "asciifolding", "partnerhub_spanish_stemmer"]),
        ("ru", ["lowercase", "asciifolding", "partnerhub_russian_stemmer"]),
        ("ar", ["lowercase", "decimal_digit", "arabic_normalization", "asciifolding",
                "partnerhub_arabic_stemmer"]),
        ("zh-hans", ["cjk_width", "lowercase", "asciifolding", "cjk_bigram"]),
    ],
)  # fmt: skip
def test_each_language_has_its_analyzer(language, expected_filters):
    settings = analysis(language)
    name = "partnerhub_" + language.replace("-", "_")
    assert settings["analyzer"][name]["filter"] == expected_filters
    for custom in expected_filters:
        if custom.startswith("partnerhub_"):
            assert custom in settings["filter"]
    autocomplete = settings["analyzer"][f"{name}_edgengram"]["filter"]
    assert autocomplete[-1] == "partnerhub_edgengram"
    assert "partnerhub_english_stemmer" not in autocomplete


def test_french_elision_and_russian_yo():
    assert "l" in analysis("fr")["filter"]["partnerhub_french_elision"]["articles"]
    assert "partnerhub_russian_yo" in analysis("ru")["analyzer"]["partnerhub_ru"]["char_filter"]
    assert "ё => е" in analysis("ru")["char_filter"]["partnerhub_russian_yo"]["mappings"]


def test_mapping_uses_the_language_analyzers():
    mapping = language_mapping_class("ar")(Partner).get_mapping()["properties"]
    assert mapping["name"]["analyzer"] == "partnerhub_ar"
    assert mapping["mandate"]["analyzer"] == "partnerhub_ar"
    assert mapping["_all_text"]["analyzer"] == "partnerhub_ar"
    assert mapping["_edgengrams"]["analyzer"] == "partnerhub_ar_edgengram"
    assert mapping["_edgengrams"]["search_analyzer"] == "partnerhub_ar_autocomplete"
    assert any(name.startswith("locale") for name in mapping)  # the FilterField

    page = language_mapping_class("zh-hans")(StandardPage).get_mapping()["properties"]
    assert page["_all_text"]["analyzer"] == "partnerhub_zh_hans"
    boosted = [name for name in page if name.startswith("_all_text_boost")]
    assert boosted and all(page[name]["analyzer"] == "partnerhub_zh_hans" for name in boosted)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model", [Partner, StandardPage])
def test_opensearch_mapping_is_the_elasticsearch_mapping(language, model):
    """The same fields and analyzers on both engines: one language is read alike on each."""
    elasticsearch = language_mapping_class(language)(model).get_mapping()
    opensearch = opensearch_mapping_class(language)(model).get_mapping()
    assert opensearch == elasticsearch
    assert opensearch["properties"]["_all_text"]["analyzer"] == (
        "partnerhub_" + language.replace("-", "_")
    )


@pytest.mark.parametrize(
    "backend_class", [ElasticsearchLanguageSearchBackend, OpenSearchLanguageSearchBackend]
)
def test_backend_indexes_per_language_with_its_settings(backend_class):
    backend = backend_class(
        {"LANGUAGE": "fr", "URLS": [UNREACHABLE], "INDEX_PREFIX": "ph_fr_", "TIMEOUT": 1}
    )
    assert backend.get_index_for_model(StandardPage).name == "ph_fr_wagtailcore_page"
    assert (
        backend.settings["settings"]["analysis"]["analyzer"]["partnerhub_fr"]
        == (index_settings("fr")["settings"]["analysis"]["analyzer"]["partnerhub_fr"])
    )
    # modelsearch's own analyzers are kept beside ours
    assert "edgengram_analyzer" in backend.settings["settings"]["analysis"]["analyzer"]


@override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE, timeout=1))
def test_outage_never_blocks_editors_and_is_caught_up_later(pages, partners, corpus):
    partner = Partner.objects.get(pk=partners["fr"].pk)
    partner.name = "Union internationale des télécommunications (UIT)"
    partner.save()  # Elasticsearch is down: the save goes through

    pending = PendingIndexOperation.objects.get()
    assert (pending.backend, pending.model_name, pending.object_id, pending.action) == (
        "fr",
        "partner",
        str(partner.pk),
        "index",
    )

    Page.objects.get(pk=pages["ru"].pk).delete()
    assert PendingIndexOperation.objects.filter(backend="ru", action="delete").exists()

    applied, remaining = catch_up()  # still down: kept, attempts counted
    assert (applied, remaining) == (0, 2)
    assert PendingIndexOperation.objects.get(backend="fr").attempts == 2


# --- Live: a real cluster ---------------------------------------------------------------------
#
# Against the cluster at SEARCH_TEST_URL (else SEARCH_URL, else ELASTICSEARCH_URL), of the
# engine SEARCH_TEST_ENGINE (else SEARCH_ENGINE; Elasticsearch 9 when neither is set). In CI,
# `.ci/run` starts the project's OpenSearch node (`make opensearch`) and sets
# REQUIRE_LIVE_SEARCH_TESTS=1, which turns a missing or silent cluster into a failure instead
# of a skip. The corpus is indexed once for the module, in indexes of their own
# (partnerhub_test_<process>_...), deleted at the end. The index is not rolled back with the
# database: a test that changes what is indexed puts it back or deletes what it made.

LIVE_URL = (
    os.environ.get("SEARCH_TEST_URL")
    or os.environ.get("SEARCH_URL")
    or os.environ.get("ELASTICSEARCH_URL", "")
)
LIVE_ENGINE = os.environ.get("SEARCH_TEST_ENGINE") or os.environ.get("SEARCH_ENGINE", "")
LIVE_REQUIRED = os.environ.get("REQUIRE_LIVE_SEARCH_TESTS") == "1"
LIVE_PREFIX = f"partnerhub_test_{os.getpid()}_"


def refresh():
    """Make what was just written searchable (the engines refresh every second by themselves)."""
    live_client().indices.refresh(index=f"{LIVE_PREFIX}*")


def live_client():
    return get_search_backend("en").es


def live_settings(prefix):
    """The search settings of the live cluster, with indexes named `prefix`...; the tests
    that need it are skipped without a cluster (failed with REQUIRE_LIVE_SEARCH_TESTS=1), and
    failed when it does not answer. Also used by tests/pages/directory/test_engine.py."""
    if not LIVE_URL:
        message = "No search cluster: set SEARCH_TEST_URL (e.g. after `make opensearch`)"
        if LIVE_REQUIRED:
            pytest.fail(f"{message}; REQUIRE_LIVE_SEARCH_TESTS=1", pytrace=False)
        pytest.skip(message)
    backends = search_backends(LIVE_URL, engine=LIVE_ENGINE, prefix=prefix, timeout=30)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        if not live_client().ping():
            pytest.fail(f"The search cluster at {LIVE_URL} does not answer", pytrace=False)
    return backends


@pytest.fixture(scope="module")
def live(corpus, django_db_blocker):
    """The search settings of the live cluster, where the corpus has been indexed."""
    backends = live_settings(LIVE_PREFIX)
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        try:
            with django_db_blocker.unblock():
                call_command("rebuild_search_index", verbosity=0)
            refresh()
        except BaseException:
            live_client().indices.delete(index=f"{LIVE_PREFIX}*")
            raise
    yield backends
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        live_client().indices.delete(index=f"{LIVE_PREFIX}*")


@pytest.fixture
def live_backends(live):
    """The search settings pointed at the live cluster, for one test."""
    with override_settings(WAGTAILSEARCH_BACKENDS=live):
        yield live


@pytest.mark.parametrize(("language", "query", "expected"), PAGE_QUERIES)
def test_live_query_table(live_backends, pages, language, query, expected):
    assert backend_for(language) == language
    assert found_pages(pages, language, query) == expected


@pytest.mark.parametrize(("language", "query", "expected"), PARTNER_QUERIES)
def test_live_partner_queries(live_backends, partners, corpus, language, query, expected):
    assert found_partners(partners, corpus, language, query) == expected


@pytest.mark.parametrize(("language", "query", "key"), AUTOCOMPLETE_QUERIES)
def test_live_autocomplete_prefix(live_backends, pages, language, query, key):
    assert_autocompletes(pages, language, query, key)


@pytest.mark.parametrize("language", LANGUAGES)
def test_live_hostile_input_never_raises(live_backends, pages, language):
    backend = backend_for(language)
    for query in UNSAFE_QUERIES:
        list(Page.objects.live().search(query, backend=backend))
        list(Page.objects.live().autocomplete(query, backend=backend))
        list(Partner.objects.search(query, backend=backend))
        assert Page.objects.live().search(query, backend=backend).count() >= 0
        # The admin's router, over every language
        list(get_search_backend().search(query, Page.objects.all()))
        list(get_search_backend().autocomplete(query, Partner.objects.all()))
    # Operators and signs are read as words.
    for query in ("-partnerships", '"partnerships', "partnerships*", "(partnerships)"):
        assert pages["en"].pk in visible("en", query), query


def test_live_drafts_and_private_pages_are_never_found(live_backends, pages, client):
    for query in ("brouillon", "secret", "confidentiels", "partenariat"):
        assert pages["fr-draft"].pk not in visible("fr", query), query
    for query in ("réservé", "reserve", "membres", "partenariat"):
        assert pages["fr-private"].pk not in visible("fr", query), query
    # The site's search page, as an anonymous visitor sees it.
    response = client.get("/fr/search/", {"q": "partenariat"})
    assert response.status_code == 200
    content = " ".join(BeautifulSoup(response.content, "html.parser").get_text().split())
    assert "Le partenariat numérique" in content
    assert "Brouillon du partenariat secret" not in content
    assert "Partenariat réservé" not in content


def test_live_index_follows_publishing_drafts_unpublishing_and_deletion(
    live_backends, pages, corpus
):
    page = StandardPageFactory(
        parent=corpus["homes"]["es"], title="Cooperación regional", introduction="Texto."
    )
    page.save_revision().publish()
    refresh()
    assert page.pk in visible("es", "cooperacion")

    page = StandardPage.objects.get(pk=page.pk)
    page.title = "Texto provisional secreto"
    page.save_revision()  # a draft: the live page keeps its title
    refresh()
    assert page.pk not in visible("es", "provisional")
    assert page.pk in visible("es", "cooperacion")

    page.unpublish()
    refresh()
    assert page.pk not in visible("es", "cooperacion")

    Page.objects.get(pk=page.pk).delete()
    refresh()
    everything = Page.objects.all().search("cooperacion", backend=backend_for("es"))
    assert page.pk not in [result.pk for result in everything]


def test_live_results_are_ranked_title_first(live_backends, pages, corpus):
    mention = StandardPageFactory(
        parent=corpus["homes"]["fr"],
        title="Actualités",
        introduction="Un long texte qui parle, entre autres choses, du monde numérique.",
    )
    mention.save_revision().publish()
    refresh()
    try:
        results = visible("fr", "numerique", locale=corpus["locales"]["fr"])
        assert results == [pages["fr"].pk, mention.pk]
    finally:
        Page.objects.get(pk=mention.pk).delete()


def test_live_admin_search_finds_records_in_any_language(live_backends, partners, corpus):
    """The "default" backend, used by the Wagtail admin, reads each locale in its language."""
    backend = get_search_backend()
    everyone = Partner.objects.all()
    assert [p.pk for p in backend.search("الاتحاد", everyone)] == [partners["ar"].pk]
    found = {p.pk for p in backend.search("ITU", everyone)}
    assert found == {partners["en"].pk, partners["ar"].pk, partners["zh-hans"].pk}
    assert [p.pk for p in backend.autocomplete("国际电", everyone)] == [partners["zh-hans"].pk]
    assert [p.pk for p in backend.search("партнерства", Page.objects.all())] == [
        corpus["pages"]["ru"].pk
    ]


def test_live_outage_is_caught_up_when_the_cluster_answers_again(live_backends, partners, corpus):
    partner = Partner.objects.get(pk=partners["fr"].pk)
    old_name = partner.name
    gone = StandardPageFactory(parent=corpus["homes"]["ru"], title="Временная страница")
    gone.save_revision().publish()
    refresh()
    assert gone.pk in visible("ru", "временная")

    with override_settings(WAGTAILSEARCH_BACKENDS=search_backends(UNREACHABLE, timeout=1)):
        partner.name = "Union internationale Zorglub"
        partner.save()  # the cluster is down: the save goes through, the change is queued
        Page.objects.get(pk=gone.pk).delete()
    assert PendingIndexOperation.objects.count() == 2
    refresh()
    assert found_partners(partners, corpus, "fr", "zorglub") == set()
    russian_pages = f"{LIVE_PREFIX}ru_wagtailcore_page"
    assert live_client().exists(index=russian_pages, id=str(gone.pk))  # not deleted yet

    try:
        assert catch_up() == (2, 0)  # the cluster answers again
        refresh()
        assert found_partners(partners, corpus, "fr", "zorglub") == {"fr"}
        assert not live_client().exists(index=russian_pages, id=str(gone.pk))
        assert not PendingIndexOperation.objects.exists()
    finally:
        partner.name = old_name
        partner.save()
        refresh()
    assert found_partners(partners, corpus, "fr", "zorglub") == set()


def test_live_reindex_restores_a_lost_language_and_keeps_one_document_per_object(
    live_backends, pages, corpus
):
    es = live_client()
    french_pages = f"{LIVE_PREFIX}fr_wagtailcore_page"
    before = sorted(es.indices.get(index=f"{LIVE_PREFIX}*"))
    es.indices.delete(index=list(es.indices.get_alias(index=french_pages)))
    assert not es.indices.exists(index=french_pages)

    out = StringIO()
    call_command("rebuild_search_index", "--language", "fr", stdout=out)
    refresh()

    assert "fr:" in out.getvalue() and "ru:" not in out.getvalue()
    assert found_pages(pages, "fr", "partenariats") == {"fr"}
    assert found_pages(pages, "ru", "партнерству") == {"ru"}
    # Rebuilt beside the live index and swapped in: as many indexes as before, no leftovers.
    assert len(es.indices.get(index=f"{LIVE_PREFIX}*")) == len(before)
    # One document per French page (the home page, the content page, the draft, the private one).
    french = Page.objects.filter(locale=corpus["locales"]["fr"]).count()
    assert es.count(index=french_pages)["count"] == french

    call_command("rebuild_search_index", "--language", "fr", verbosity=0)  # again: safe
    refresh()
    assert es.count(index=french_pages)["count"] == french
    assert len(es.indices.get(index=f"{LIVE_PREFIX}*")) == len(before)
    assert found_pages(pages, "fr", "numerique") == {"fr"}


# --- Live, issue 18 item 1 and zero results: the site search's order, promotions and "Did you
# mean" on the engine (search/site/ranking.py, promotions.py, spelling.py) ------------------------


def _site_api(client, query, language):
    response = client.get("/api/v1/search/", {"q": query, "lang": language, "page_size": 50})
    assert response.status_code == 200
    return response.json()


def test_live_site_search_puts_a_title_match_above_text_matches(
    live_backends, pages, corpus, client
):
    made = [
        StandardPageFactory(
            parent=corpus["homes"]["fr"],
            title=f"Rapport annuel {number}",
            introduction="Partenariat, partenariats et encore un partenariat avec l'UIT.",
        )
        for number in range(3)
    ]
    try:
        for page in made:
            page.save_revision().publish()
        refresh()
        titles = [item["title"] for item in _site_api(client, "partenariat", "fr")["results"]]
        assert titles[0] == "Le partenariat numérique"
        assert {f"Rapport annuel {number}" for number in range(3)} <= set(titles[1:])
    finally:
        for page in made:
            page.delete()
        refresh()


def test_live_promotion_comes_first_in_its_language_only(live_backends, pages, client):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    SearchPromotion.objects.create(query=Query.get("connectivité"), page=pages["fr"], sort_order=0)
    french = _site_api(client, "connectivité", "fr")["results"]
    assert french[0]["title"] == "Le partenariat numérique"
    assert french[0]["recommended"] is True
    assert not any(
        item["recommended"] for item in _site_api(client, "connectivité", "es")["results"]
    )


def test_live_zero_results_offer_the_suggesters_spelling_of_public_titles(
    live_backends, pages, client
):
    from search.site.scope import SearchScope
    from search.site.spelling import _closest_by_suggester, title_words

    # The engine's own suggestion, mapped back to the public word (not Python's fallback).
    scope = SearchScope("fr")
    assert _closest_by_suggester(["numerike"], title_words(scope), scope) == {
        "numerike": ["numerique"]
    }
    answer = _site_api(client, "numerike", "fr")
    assert answer["count"] == 0
    assert "numérique" in answer["did_you_mean"]
    assert _site_api(client, answer["did_you_mean"][0], "fr")["count"] > 0
    # The draft's and the private page's words are in the index, never in the spellings.
    for typo in ("brouilon", "confidentiel secrett", "reservé"):
        offered = " ".join(_site_api(client, typo, "fr")["did_you_mean"])
        for word in ("brouillon", "secret", "confidentiels", "réservé"):
            assert word not in offered, (typo, offered)


# --- Partial words, compounds and synonyms on the engine (issue 18, item 2) ---------------------
# The tables of tests/search/test_partial_words.py, read by the engine: the last word as the
# beginning of an indexed stem or of a title's word, hyphenated words indexed apart and joined
# (the partnerhub_compounds character filter), the editors' synonyms applied to the query.


def test_compounds_filter_is_in_the_index_analyzers_only():
    for language in LANGUAGES:
        analyzers = analysis(language)["analyzer"]
        key = language.replace("-", "_")
        text = analyzers[f"partnerhub_{key}"]
        edgengram = analyzers[f"partnerhub_{key}_edgengram"]
        autocomplete = analyzers[f"partnerhub_{key}_autocomplete"]
        assert text["char_filter"][0] == "partnerhub_compounds"
        assert edgengram["char_filter"][0] == "partnerhub_compounds"
        assert "partnerhub_compounds" not in autocomplete["char_filter"]


@pytest.mark.parametrize(("language", "query", "expected"), PARTIAL_QUERIES)
def test_live_partial_words(live_backends, pages, language, query, expected):
    assert found_pages(pages, language, query) == expected


@pytest.mark.parametrize(("language", "terms", "query", "expected"), SYNONYM_QUERIES)
def test_live_synonyms(live_backends, pages, language, terms, query, expected):
    assert_synonym_query(pages, language, terms, query, expected)


def test_live_e_waste_meets_ewaste_and_e_waste(live_backends, pages, corpus):
    page = StandardPageFactory(
        parent=corpus["homes"]["en"],
        title="Managing e-waste sustainably",
        introduction="Collection and recycling.",
    )
    page.save_revision().publish()
    refresh()
    try:
        for query in ("e-waste", "ewaste", "e waste", "managing ewas"):
            results = Page.objects.live().search(query, backend=backend_for("en"))
            assert page.pk in [result.pk for result in results], query
    finally:
        page.delete()

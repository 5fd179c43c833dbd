"""Elasticsearch: the generated settings and mappings (everywhere), an outage that never
blocks editors (against a closed local port), and the query table against a real cluster
(only when ELASTICSEARCH_URL is set)."""

import os

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from cms.pages.models import StandardPage
from cms.snippets.models import Partner
from search.backends import backend_for
from search.backends.config import search_backends
from search.backends.elasticsearch import (
    ElasticsearchLanguageSearchBackend,
    index_settings,
    language_mapping_class,
)
from search.models import PendingIndexOperation
from search.pending import catch_up

from .test_query_table import PAGE_QUERIES, found_pages

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
    assert analysis("ru")["analyzer"]["partnerhub_ru"]["char_filter"] == ["partnerhub_russian_yo"]
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


def test_backend_indexes_per_language_with_its_settings():
    backend = ElasticsearchLanguageSearchBackend(
        {"LANGUAGE": "fr", "URLS": [UNREACHABLE], "INDEX_PREFIX": "ph_fr_", "TIMEOUT": 1}
    )
    assert backend.get_index_for_model(StandardPage).name == "ph_fr_wagtailcore_page"
    assert "partnerhub_fr" in backend.settings["settings"]["analysis"]["analyzer"]
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


ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
live = pytest.mark.skipif(
    not ELASTICSEARCH_URL,
    reason="ELASTICSEARCH_URL is not set: the live Elasticsearch query table needs a cluster",
)


@live
@pytest.mark.parametrize(("language", "query", "expected"), PAGE_QUERIES)
def test_live_query_table(pages, language, query, expected):
    with override_settings(
        WAGTAILSEARCH_BACKENDS=search_backends(ELASTICSEARCH_URL, prefix="partnerhub_test_")
    ):
        call_command("rebuild_search_index", verbosity=0)
        for alias in ("en", "fr", "es", "ru", "ar", "zh-hans"):
            from modelsearch.backends import get_search_backend

            get_search_backend(alias).refresh_indexes()
        assert backend_for(language) == language
        assert found_pages(pages, language, query) == expected

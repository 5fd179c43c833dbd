"""The index follows publishing, unpublishing, deletion and translation; any input is safe."""

import pytest
from django.contrib.contenttypes.models import ContentType
from modelsearch.backends import get_search_backend
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail_localize.models import TranslationSource

from cms.pages.models import StandardPage
from cms.snippets.models import Agreement, Partner
from search.backends import backend_for

UNSAFE_QUERIES = [
    "-Data",
    "Data-X.2",
    "a-b.2",
    "-word",
    '"unclosed quote',
    "'single' quote's",
    "partnership AND OR NOT",
    "(a | b) & !c <-> d:* \\ ",
    "x" * 10_000,
    " ".join(["partnership"] * 5_000),
    "",
    "   ",
    "😀🎉",
    "?!.,;:()[]{}<>/\\|*&^%$#@~`",
    "NEAR(a b) title:x ^2 *",
    "\x00\x01 null",
    "ال",
    "合",
]


def visible(language, query, **filters):
    """What an anonymous visitor finds: live, public pages of the language."""
    queryset = Page.objects.live().public().filter(**filters)
    return [page.pk for page in queryset.search(query, backend=backend_for(language))]


@pytest.mark.parametrize("language", ["en", "fr", "es", "ru", "ar", "zh-hans"])
def test_unsafe_input_never_raises(pages, language):
    for query in UNSAFE_QUERIES:
        backend = backend_for(language)
        list(Page.objects.live().search(query, backend=backend))
        list(Page.objects.live().autocomplete(query, backend=backend))
        list(Partner.objects.search(query, backend=backend))
        assert Page.objects.live().search(query, backend=backend).count() >= 0


def test_unsafe_input_never_raises_in_the_admin_backend(pages):
    for query in UNSAFE_QUERIES:
        list(get_search_backend().search(query, Page.objects.all()))
        list(get_search_backend().autocomplete(query, Partner.objects.all()))
        list(get_search_backend().search(query, Agreement.objects.all()))


def test_long_input_is_cut_but_still_finds(pages):
    assert pages["en"].pk in visible("en", " ".join(["partnerships"] * 2_000))


def test_draft_is_never_found(pages):
    assert pages["fr-draft"].pk not in visible("fr", "brouillon")
    assert pages["fr-draft"].pk not in visible("fr", "partenariat")


def test_private_page_is_never_found_by_anonymous_visitors(pages):
    assert pages["fr-private"].pk not in visible("fr", "réservé")


def test_unpublished_page_is_no_longer_found(pages):
    page = pages["ru"]
    assert page.pk in visible("ru", "партнерства")
    page.unpublish()
    assert page.pk not in visible("ru", "партнерства")


def test_published_changes_are_found_and_drafts_are_not(pages):
    page = StandardPage.objects.get(pk=pages["es"].pk)
    page.title = "Cooperación regional"
    page.save_revision().publish()
    assert page.pk in visible("es", "cooperacion")
    assert page.pk not in visible("es", "conectividad")

    page.title = "Texto provisional secreto"
    page.save_revision()  # a draft: the live page keeps its title
    assert page.pk not in visible("es", "provisional")
    assert page.pk in visible("es", "cooperacion")


def test_deleted_page_disappears_from_the_index(pages):
    page = pages["ar"]
    content_type = ContentType.objects.get_for_model(StandardPage)
    assert IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).exists()
    Page.objects.get(pk=page.pk).delete()
    assert visible("ar", "الشراكة") == []
    assert not IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).exists()


def test_each_object_is_indexed_once(pages, partners):
    content_type = ContentType.objects.get_for_model(Partner)
    for partner in partners.values():
        assert (
            IndexEntry.objects.filter(content_type=content_type, object_id=str(partner.pk)).count()
            == 1
        )


def test_translation_through_wagtail_localize_is_indexed_in_its_language(
    pages, corpus, django_capture_on_commit_callbacks
):
    """A page translated with wagtail-localize is found in the target language only."""
    english = StandardPage.objects.get(pk=pages["en"].pk)
    source, _created = TranslationSource.get_or_create_from_instance(english)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes then
        source.create_or_update_translation(corpus["locales"]["fr"], fallback=True)
    translation = english.get_translation(corpus["locales"]["fr"])
    # Not yet translated: the French copy holds the English text, analysed as French.
    assert translation.pk in visible("fr", "digital inclusion")
    assert translation.pk not in visible("en", "digital inclusion", locale=translation.locale)


def test_translated_snippet_is_indexed_in_its_language(partners, corpus):
    partner = Partner.objects.get(pk=partners["en"].pk)
    translation = partner.copy_for_translation(corpus["locales"]["ru"])
    translation.name = "Международный союз партнёров"
    translation.save()
    results = Partner.objects.search("партнеров", backend=backend_for("ru"))
    assert translation.pk in [result.pk for result in results]
    results = Partner.objects.search("партнеров", backend=backend_for("en"))
    assert translation.pk not in [result.pk for result in results]


def test_admin_backend_finds_a_partner_in_any_language(partners, corpus):
    """The "default" backend, used by the Wagtail admin, reads each locale in its language."""
    backend = get_search_backend()
    everyone = Partner.objects.all()
    assert [p.pk for p in backend.search("الاتحاد", everyone)] == [partners["ar"].pk]
    assert [p.pk for p in backend.search("партнерства", Page.objects.all())] == [
        pages.pk for pages in [corpus["pages"]["ru"]]
    ]
    found = {p.pk for p in backend.search("ITU", everyone)}
    assert found == {partners["en"].pk, partners["ar"].pk, partners["zh-hans"].pk}
    assert [p.pk for p in backend.autocomplete("国际电", everyone)] == [partners["zh-hans"].pk]
    french = Partner.objects.filter(locale=corpus["locales"]["fr"])
    assert [p.pk for p in backend.search("télécommunications", french)] == [partners["fr"].pk]
    assert backend.search("ITU", everyone).count() == 3

"""The demo's public sections in the six languages: the opportunities with their briefs, the
partner directory, the recognitions and "How to partner", translated through wagtail-localize
and served at the same address in every language."""

import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django_countries import countries
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageLogEntry, Revision
from wagtail_localize.models import SegmentOverride, StringTranslation, Translation

from cms.core.roles import PUBLIC_MEDIA_COLLECTION
from cms.demo.content import texts
from cms.demo.facts import read_json
from cms.pages.models import (
    HomePage,
    OpportunityIndexPage,
    OpportunityPage,
    PartnerDirectoryPage,
    RecognitionsPage,
    StandardPage,
)
from cms.snippets.models import Agreement, BeneficiaryRegion, Material, ThematicArea

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
OTHER_LANGUAGES = LANGUAGES[1:]
SECTIONS = {
    "opportunities": OpportunityIndexPage,
    "partners": PartnerDirectoryPage,
    "recognitions": RecognitionsPage,
    "how-to-partner": StandardPage,
}
TRANSLATED_FIELDS = ("title", "introduction", "objectives", "expected_results", "contact_name")
MHEALTH = "mobile-health-noncommunicable-diseases"


@pytest.fixture(autouse=True)
def clean_cache():
    """Wagtail caches the site's root paths, which page addresses depend on; other test
    packages leave theirs behind."""
    cache.clear()
    yield
    cache.clear()


def english_opportunities():
    return OpportunityPage.objects.filter(locale__language_code="en").order_by("path")


def translations_of(instance):
    """{language code: row} of a page or snippet and its translations."""
    model = type(instance)
    rows = model.objects.filter(translation_key=instance.translation_key).select_related("locale")
    return {row.locale.language_code: row for row in rows}


def body_text(page):
    return " ".join(
        block.value["text"] if block.block_type == "heading" else str(block.value)
        for block in page.body
    )


def english_brief(page):
    return page.materials.get(material__kind=Material.Kind.BRIEF).material


# --- The fact files ------------------------------------------------------------------------


def _shape(value):
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(item) for item in value]
    return type(value).__name__


def test_every_language_file_translates_every_english_text():
    english = texts("en")
    for language in OTHER_LANGUAGES:
        translated = texts(language)
        assert _shape(translated) == _shape(english), language
        for slug, opportunity in english["opportunities"].items():
            kinds = [kind for kind, _value in opportunity["body"]]
            assert [kind for kind, _v in translated["opportunities"][slug]["body"]] == kinds


def test_opportunity_facts_use_known_codes():
    vocabularies = read_json("vocabularies.json")
    codes = {key: {term["code"] for term in terms} for key, terms in vocabularies.items()}
    facts = read_json("opportunities.json")["opportunities"]
    assert len({fact["slug"] for fact in facts}) == len(facts)
    assert set(texts("en")["opportunities"]) == {fact["slug"] for fact in facts}
    for fact in facts:
        assert set(fact["areas"]) <= codes["thematic_areas"]
        assert set(fact["regions"]) <= codes["regions"]
        assert set(fact["sdgs"]) <= codes["sdgs"]
        assert set(fact["partner_kinds"]) <= codes["partner_kinds"]
        assert 0 <= fact["funding_gap_usd"] <= fact["budget_usd"]
        assert set(fact["brief_variants"]) <= {"fr", "es"}
        assert all(code in countries for code in fact["countries"])


# --- Pages in six languages ----------------------------------------------------------------


@pytest.mark.parametrize(("slug", "model"), SECTIONS.items())
def test_each_section_is_published_in_six_languages_under_the_same_slug(demo_data, slug, model):
    english = model.objects.get(locale__language_code="en", slug=slug)
    pages = translations_of(english)
    assert sorted(pages) == sorted(LANGUAGES)
    for language, page in pages.items():
        assert page.live and page.show_in_menus
        assert page.slug == slug
        assert page.url == f"/{language}/{slug}/"
        assert isinstance(page.get_parent().specific, HomePage)
        assert page.get_parent().locale_id == page.locale_id
        if language != "en":
            assert page.title != english.title
            assert page.introduction != english.introduction


def test_how_to_partner_explains_the_ways_the_steps_and_the_contact(demo_data):
    pages = translations_of(
        StandardPage.objects.get(locale__language_code="en", slug="how-to-partner")
    )
    english = pages["en"]
    text = body_text(english)
    for words in ("Funding", "In-kind", "Expertise", "Sponsorship", "partnerships@itu.int"):
        assert words in text
    assert "<ol>" in text  # the steps, in order
    blocks = [block.block_type for block in english.body]
    assert "call_to_action" in blocks
    for language in OTHER_LANGUAGES:
        translated = pages[language]
        assert [block.block_type for block in translated.body] == blocks
        assert body_text(translated) != text
        assert "partnerships@itu.int" in body_text(translated)
    assert "Financement" in body_text(pages["fr"])
    assert "Patrocinio" in body_text(pages["es"])


def test_at_least_twelve_published_opportunities_in_each_language(demo_data):
    english = list(english_opportunities())
    assert len(english) >= 12
    for language in LANGUAGES:
        locale = Locale.objects.get(language_code=language)
        index = OpportunityIndexPage.objects.get(locale=locale, slug="opportunities")
        pages = OpportunityPage.objects.live().child_of(index)
        assert pages.count() == len(english) >= 12
        assert set(pages.values_list("slug", flat=True)) == {page.slug for page in english}


def test_opportunities_cover_every_area_region_kind_and_status(demo_data):
    pages = english_opportunities()
    areas = {link.area.code for page in pages for link in page.thematic_areas.all()}
    regions = {link.region.code for page in pages for link in page.regions.all()}
    assert areas == set(ThematicArea.objects.in_source_locale().values_list("code", flat=True))
    assert len(areas) == 11
    assert regions == {"afr", "ams", "arb", "asp", "cis", "eur", "glo"}
    assert (
        set(BeneficiaryRegion.objects.in_source_locale().values_list("code", flat=True)) == regions
    )
    assert {page.kind for page in pages} == set(OpportunityPage.Kind.values)
    statuses = [page.status for page in pages]
    assert set(statuses) == set(OpportunityPage.Status.values)
    assert statuses.count(OpportunityPage.Status.OPEN) > len(statuses) / 2
    assert 2 <= sum(page.featured for page in pages) <= 3


def test_each_opportunity_has_the_facts_of_its_summary_box(demo_data):
    for page in english_opportunities():
        assert page.budget_usd > 0
        assert 0 <= page.funding_gap_usd <= page.budget_usd
        assert page.duration_months
        assert page.thematic_areas.exists() and page.regions.exists()
        assert page.sdgs.exists() and page.partner_kinds.exists()
        assert page.contact_name == "Partnerships Division"
        assert page.contact_email.endswith("@itu.int")
        assert page.objectives.count("<li>") >= 3
        assert page.expected_results.count("<li>") >= 3
        assert len(body_text(page)) > 300
        if page.status == OpportunityPage.Status.FUNDED:
            assert page.funding_gap_usd == 0
    mhealth = english_opportunities().get(slug=MHEALTH)
    assert "World Health Organization" in mhealth.introduction
    assert {link.country.code for link in mhealth.countries.all()} >= {"SN", "IN"}


def test_every_text_of_an_opportunity_is_translated(demo_data):
    for english in english_opportunities():
        pages = translations_of(english)
        assert sorted(pages) == sorted(LANGUAGES)
        for language in OTHER_LANGUAGES:
            page = pages[language]
            assert page.live and page.slug == english.slug
            for field in TRANSLATED_FIELDS:
                assert getattr(page, field) != getattr(english, field), (language, field)
            assert body_text(page) != body_text(english)
            # Synchronized facts follow the English page.
            assert (page.kind, page.status, page.budget_usd) == (
                english.kind,
                english.status,
                english.budget_usd,
            )
            assert [link.area_id for link in page.thematic_areas.all()] == [
                link.area_id for link in english.thematic_areas.all()
            ]
    french = OpportunityPage.objects.get(locale__language_code="fr", slug=MHEALTH)
    assert "Organisation mondiale de la santé" in french.introduction
    chinese = OpportunityPage.objects.get(locale__language_code="zh-hans", slug=MHEALTH)
    assert "世界卫生组织" in chinese.introduction


def test_titles_in_non_latin_scripts_are_written_in_those_scripts(demo_data):
    # Home pages and lists show these; a Latin word there would read as untranslated.
    for language in ("ru", "ar", "zh-hans"):
        pages = Page.objects.filter(locale__language_code=language, depth__gte=3).specific()
        for page in pages:
            for text in (page.title, page.introduction):
                assert not re.findall(r"\b[A-Za-z]{4,}\b", text), (language, page.slug)


def test_translations_go_through_wagtail_localize(demo_data):
    english = english_opportunities().get(slug=MHEALTH)
    translations = Translation.objects.filter(source__object_id=english.translation_key)
    assert sorted(t.target_locale.language_code for t in translations) == sorted(OTHER_LANGUAGES)
    spanish = StringTranslation.objects.get(
        translation_of__data=english.title, locale__language_code="es", context__path="title"
    )
    assert spanish.data.startswith("Be He@lthy, Be Mobile: ampliar la salud móvil")


# --- Communication material ----------------------------------------------------------------


def _variants(language):
    """English pages whose brief has its own document in `language`."""
    variants = []
    for page in english_opportunities():
        material = english_brief(page)
        translated = translations_of(material)[language]
        if translated.document_id != material.document_id:
            variants.append(page)
    return variants


def test_every_opportunity_has_an_english_brief_translated_into_five_languages(demo_data):
    public_media = PUBLIC_MEDIA_COLLECTION
    for page in english_opportunities():
        material = english_brief(page)
        assert material.locale.language_code == "en"
        assert material.document.collection.name == public_media
        assert material.title == f"Brief: {page.title}"
        rows = translations_of(material)
        assert sorted(rows) == sorted(LANGUAGES)
        for language in OTHER_LANGUAGES:
            assert rows[language].title != material.title
            assert rows[language].caption != material.caption
            assert rows[language].document_id is not None


def test_some_briefs_have_french_and_spanish_variants_with_their_own_pdf(demo_data):
    french, spanish = _variants("fr"), _variants("es")
    assert len(french) >= 4
    assert len(spanish) >= 2
    assert len(french) < english_opportunities().count()  # others fall back to English
    for language, pages in (("fr", french), ("es", spanish)):
        for page in pages:
            translated = translations_of(english_brief(page))[language]
            document = translated.document
            assert document.collection.name == PUBLIC_MEDIA_COLLECTION
            assert document.title == translated.title
            assert document.file.name.endswith(f"-brief-{language}.pdf")
    for language in ("ru", "ar", "zh-hans"):
        assert _variants(language) == []


def test_a_variant_is_a_wagtail_localize_override_that_survives_a_sync(demo_data):
    page = _variants("fr")[0]
    material = english_brief(page)
    french = translations_of(material)["fr"]
    override = SegmentOverride.objects.get(
        locale__language_code="fr",
        context__object_id=material.translation_key,
        context__path="document",
    )
    assert override.data_json == str(french.document_id)
    # A translator syncing the translation again (e.g. after an English edit) keeps it.
    Translation.objects.get(
        source__object_id=material.translation_key, target_locale__language_code="fr"
    ).save_target(publish=True)
    french.refresh_from_db()
    assert french.document_id == int(override.data_json) != material.document_id


def _pdf_is_valid(data):
    """A structural check of a PDF: header, trailer, and an xref table whose offsets point at
    the objects they name."""
    assert data.startswith(b"%PDF-1.")
    assert data.rstrip().endswith(b"%%EOF")
    start = int(re.search(rb"startxref\s+(\d+)", data).group(1))
    assert data[start:].startswith(b"xref")
    table = data[start:].split(b"trailer")[0].split(b"\n")
    count = int(table[1].split()[1])
    offsets = [int(line[:10]) for line in table[3 : 2 + count]]
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj" % number)
    return True


def test_briefs_are_one_page_pdfs_in_their_language(demo_data):
    page = _variants("fr")[0]
    material = english_brief(page)
    french = translations_of(material)["fr"]
    french_page = translations_of(page)["fr"]
    for row, title in ((material, page.title), (french, french_page.title)):
        with row.document.file.open("rb") as handle:
            data = handle.read()
        assert _pdf_is_valid(data)
        assert data.count(b"/Type /Page ") == 1
        assert b"/BaseFont /Helvetica" in data
        assert title.split(" ")[-1].encode("cp1252") in data
    with french.document.file.open("rb") as handle:
        assert "Objectifs".encode("cp1252") in handle.read()
    assert get_document_model().objects.filter(file__endswith="-brief-es.pdf").exists()


# --- Links and rendering -------------------------------------------------------------------


def test_programme_agreements_link_to_their_opportunity(demo_data):
    mhealth = english_opportunities().get(slug=MHEALTH)
    linked = Agreement.objects.filter(tags__slug="be-healthy-be-mobile")
    assert linked.exists()
    assert set(linked.values_list("project_page", flat=True)) == {mhealth.pk}
    centres = Agreement.objects.filter(tags__slug="centres-of-excellence")
    assert centres.count() >= 28
    assert not centres.filter(project_page=None).exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_sections_and_an_opportunity_render_in_each_language(client, demo_data, language):
    for slug in [*SECTIONS, f"opportunities/{MHEALTH}"]:
        response = client.get(f"/{language}/{slug}/")
        assert response.status_code == 200, slug
        assert response.headers["Content-Language"] == language
    page = OpportunityPage.objects.get(locale__language_code=language, slug=MHEALTH)
    response = client.get(f"/{language}/opportunities/{MHEALTH}/")
    assert page.title in response.content.decode()


def test_the_french_page_offers_the_french_brief_and_the_russian_page_the_english_one(
    client, demo_data
):
    page = _variants("fr")[0]
    material = english_brief(page)
    rows = translations_of(material)
    french = client.get(f"/fr/opportunities/{page.slug}/").content.decode()
    assert rows["fr"].document.url in french
    assert material.document.url not in french
    russian = client.get(f"/ru/opportunities/{page.slug}/").content.decode()
    assert material.document.url in russian


# --- Idempotency ---------------------------------------------------------------------------


def test_loading_again_changes_nothing_in_the_sections_and_opportunities(demo_data):
    models = [
        Page,
        Revision,
        PageLogEntry,
        Material,
        get_document_model(),
        Translation,
        StringTranslation,
        SegmentOverride,
    ]
    before = {model: model.objects.count() for model in models}
    pages = {page.pk: page.last_published_at for page in Page.objects.filter(depth__gte=3)}
    linked = Agreement.objects.exclude(project_page=None).values_list("pk", "project_page")
    links = dict(linked)
    output = StringIO()
    call_command("load_demo_data", "--skip-index", stdout=output)
    assert {model: model.objects.count() for model in models} == before
    assert {page.pk: page.last_published_at for page in Page.objects.filter(depth__gte=3)} == pages
    assert (
        dict(Agreement.objects.exclude(project_page=None).values_list("pk", "project_page"))
        == links
    )
    printed = output.getvalue()
    assert "Section pages written: 0" in printed
    assert "0 pages written" in printed
    assert "0 translations written" in printed

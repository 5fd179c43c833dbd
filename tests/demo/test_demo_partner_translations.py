"""The demo's partners in six languages: every partner named in the source and the 40 with the
most agreements are translated through wagtail-localize (name, acronym and other names where
the language has its own, mandate, strategy); the directory and the site search find them by
their name in the visitor's language and by their English name or acronym; a partner still in
English says so."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db.models import Count, Q
from wagtail.models import Locale
from wagtail_localize.models import SegmentOverride, Translation

from cms.demo.facts import read_json
from cms.demo.partners import partner_translation_facts, translate_partners
from cms.snippets.models import Partner
from tests.demo.test_load import NAMED_IN_THE_SOURCE

LANGUAGES = ("fr", "es", "ru", "ar", "zh-hans")


def english(name):
    return Partner.objects.get(name=name, locale__language_code="en")


def translation(name, language):
    return english(name).get_translation(Locale.objects.get(language_code=language))


def kind_names(code, language):
    """The names in `language` of the funding partners of a kind (all of them translated)."""
    keys = Partner.objects.filter(
        locale__language_code="en", is_funding_partner=True, kind__code=code
    ).values("translation_key")
    return sorted(
        Partner.objects.filter(locale__language_code=language, translation_key__in=keys)
        .values_list("name", flat=True)
        .distinct()
    )


def directory_names(client, language, query):
    response = client.get(f"/{language}/partners/", {"q": query})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return sorted(a.get_text() for a in soup.select(".partner-card__name a"))


def search_names(client, language, query):
    response = client.get(f"/{language}/search/", {"q": query, "type": "partner"})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    titles = [a.get_text() for a in soup.select(".search-hit__link")]
    return sorted(re.sub(r" \([^)]*\)$", "", title) for title in titles)


def test_the_partners_named_in_the_source_and_the_40_with_most_agreements_are_translated(
    demo_data,
):
    facts = partner_translation_facts()
    top_40 = (
        Partner.objects.filter(locale__language_code="en")
        .annotate(agreements=Count("agreement_links__agreement", distinct=True))
        .order_by("-agreements", "name")
        .values_list("name", flat=True)[:40]
    )
    named = {
        english.name
        for name in NAMED_IN_THE_SOURCE
        for english in Partner.objects.filter(
            Q(name=name) | Q(acronym=name), locale__language_code="en"
        )
    }
    assert len(named) == len(NAMED_IN_THE_SOURCE)
    wanted = {*named, *top_40}
    assert wanted <= set(facts)
    for name in facts:
        partner = english(name)
        for language in LANGUAGES:
            text = facts[name][language]
            translated = translation(name, language)
            assert translated.name == text["name"], (name, language)
            assert (text.get("mandate", "") in translated.mandate) and translated.mandate
            assert translated.acronym == (text.get("acronym") or partner.acronym)
            assert translated.kind_id == partner.kind_id  # synchronized
    # Through wagtail-localize: translators find them in the editor.
    assert Translation.objects.filter(
        source__object_id=english("African Development Bank").translation_key
    ).count() == len(LANGUAGES)


def test_acronyms_and_other_names_of_a_language_are_overrides(demo_data):
    bank = english("African Development Bank")
    assert translation(bank.name, "fr").acronym == "BAD"
    assert translation(bank.name, "es").acronym == "BAfD"
    assert translation(bank.name, "ru").acronym == "АфБР"
    assert translation(bank.name, "ar").acronym == "AfDB"  # no Arabic acronym: the English one
    assert (
        SegmentOverride.objects.filter(
            context__object_id=bank.translation_key, context__path="acronym"
        ).count()
        == 4
    )
    ministry = translation("Ministry of Science and ICT (Republic of Korea)", "fr")
    assert ministry.alias_list == [
        "Ministère de la science, des TIC et de la planification future (MSIP)"
    ]


def test_translating_again_writes_nothing(demo_data):
    partners = {p.name: p for p in Partner.objects.filter(locale__language_code="en")}
    targets = list(Locale.objects.exclude(language_code="en"))
    assert translate_partners(targets, partners) == 0


@pytest.mark.parametrize(
    ("language", "query", "kind", "left_out"),
    [
        ("fr", "banque", "development-bank", []),
        ("zh-hans", "银行", "development-bank", []),
        # The Arab Bank for Economic Development in Africa writes its Arabic name with
        # "مصرف", the other word for bank: the demo's search synonyms (بنك, مصرف) find it too.
        ("ar", "البنك", "development-bank", []),
        ("ru", "фонд", "foundation", []),
    ],
)
def test_the_directory_and_the_site_search_find_partners_by_their_name_in_the_language(
    demo_data, client, language, query, kind, left_out
):
    expected = [name for name in kind_names(kind, language) if name not in left_out]
    assert len(expected) >= 8
    found = directory_names(client, language, query)
    assert set(expected) <= set(found), set(expected) - set(found)
    assert not set(left_out) & set(found)
    searched = search_names(client, language, query)
    assert set(expected) <= set(searched), set(expected) - set(searched)
    bank = translation("African Development Bank", language).name
    if kind == "development-bank":
        assert bank in found and bank in searched


def test_the_arab_bank_is_found_by_its_own_word_and_by_its_acronym(demo_data, client):
    name = "المصرف العربي للتنمية الاقتصادية في أفريقيا"
    assert name in directory_names(client, "ar", "مصرف")
    assert name in directory_names(client, "ar", "BADEA")
    assert name in search_names(client, "ar", "المصرف")


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_names_and_acronyms_find_partners_in_every_language(demo_data, client, language):
    bank = translation("African Development Bank", language).name
    for query in ("AfDB", "African Development Bank"):
        assert bank in directory_names(client, language, query), query
        assert bank in search_names(client, language, query), query


def test_a_partner_in_english_only_says_so(demo_data, client):
    society = english("Internet Society")
    assert not society.get_translations().exists()
    response = client.get("/fr/partners/", {"q": "ISOC"})
    soup = BeautifulSoup(response.content, "html.parser")
    card = soup.select_one(".partner-card")
    assert card.select_one(".partner-card__name a")["lang"] == "en"
    assert card.select_one(".material-note").get_text(strip=True) == (
        "Disponible en anglais uniquement"
    )
    response = client.get("/ar/search/", {"q": "ISOC"})
    soup = BeautifulSoup(response.content, "html.parser")
    hit = soup.select_one(".search-group--partner .search-hit")
    assert hit.select_one(".search-hit__link")["lang"] == "en"
    assert hit.select_one(".material-note").get_text(strip=True) == "متاح باللغة الإنكليزية فقط"


def test_sponsors_are_named_in_the_visitors_language(demo_data, client):
    html = client.get("/zh-hans/sponsorship/sponsors/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    # A sponsor's logo is named by its alternative text, one without a logo by its name.
    names = [img["alt"] for img in soup.select(".sponsor-logo img")]
    names += [span.get_text() for span in soup.select(".sponsor-logo__name")]
    assert "华为技术有限公司" in names and "微软公司" in names
    assert "Huawei Technologies" not in names
    assert not soup.select(".sponsor-logo .material-note")  # every sponsor is translated


def test_the_fact_file_of_translations_holds_together():
    partners = {p["name"]: p for p in read_json("partners.json")}
    for name, languages in partner_translation_facts().items():
        partner = partners[name]
        assert set(languages) == set(LANGUAGES), name
        for language, text in languages.items():
            assert text["name"].strip(), (name, language)
            assert "[" not in text["name"] and "]" not in text["name"], (name, language)
            # A segment of the English record has its translation, and only those.
            for field in ("mandate", "strategy"):
                assert bool(text.get(field)) == bool(partner.get(field)), (name, language, field)
            if language == "fr":  # a no-break space before the high punctuation
                assert not re.search(r" [:;?!»]|« ", " ".join(map(str, text.values()))), name
            # Only a value of the English record can be overridden.
            assert not text.get("acronym") or partner.get("acronym"), (name, language)
            assert not text.get("aliases") or partner.get("aliases"), (name, language)

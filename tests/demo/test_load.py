"""What `load_demo_data` puts in the database, in the six languages, and that running it
again adds nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models import Q
from wagtail.models import Locale, Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import StringTranslation, Translation

from cms.alerts.roles import SUBSCRIBER_MANAGERS
from cms.core.roles import EDITORS, LEADS, OFFICERS, translator_group_name
from cms.pages.models import HomePage
from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    AgreementTag,
    BeneficiaryRegion,
    Country,
    Partner,
    PartnerThematicArea,
    Recognition,
    SustainableDevelopmentGoal,
    ThematicArea,
    Vocabulary,
)

VOCABULARIES = Vocabulary.__subclasses__()
OTHER_LANGUAGES = ["fr", "es", "ru", "ar", "zh-hans"]
# Names spelt the same in English and in a translation (they are right as they are).
SAME_SPELLING = {("fr", "Europe"), ("fr", "Innovation")}
NAMED_IN_THE_SOURCE = [
    "WHO",
    "World Diabetes Foundation",
    "Fondation Pierre Fabre",
    "European Union",
    "European Commission",
    "ARM",
    "GSMA",
    "Sanofi",
    "Novartis Pharma AG",
    "World Lung Foundation",
    "GSK",
    "Norwegian Directorate of Health",
    "NCD Alliance",
    "Bill & Melinda Gates Foundation",
    "FAO",
    "International Solid Waste Association",
    "UNU-ViE SCYCLE",
    "Universidad Nacional de La Plata",
    "Government of Australia",
]


def english_funding_partners():
    return Partner.objects.in_source_locale().funding_partners()


def test_about_110_funding_partners(demo_data):
    assert 100 <= english_funding_partners().count() <= 120
    assert Partner.objects.in_source_locale().filter(is_funding_partner=False).exists()


@pytest.mark.parametrize("name", NAMED_IN_THE_SOURCE)
def test_every_partner_named_in_the_source_is_a_funding_partner(demo_data, name):
    assert english_funding_partners().filter(Q(name=name) | Q(acronym=name)).count() == 1


def test_funding_partners_have_the_facts_officers_search_on(demo_data):
    partners = english_funding_partners()
    for field in ("priority_areas", "beneficiary_regions", "funding_types"):
        assert not partners.filter(**{f"{field}__isnull": True}).exists(), field
    assert not partners.filter(Q(mandate="") | Q(website="")).exists()
    assert not partners.filter(kind=None).exists()
    ministry = Partner.objects.in_source_locale().get(acronym="MIC")
    assert ministry.parent.name == "Government of Japan"
    australia = Partner.objects.in_source_locale().get(name="Government of Australia")
    assert australia.beneficiary_countries.filter(country__code="FJ").exists()


@pytest.mark.parametrize("model", VOCABULARIES, ids=lambda m: m.__name__)
def test_each_term_is_translated_into_the_five_other_languages(demo_data, model):
    english = model.objects.filter(locale__language_code="en")
    assert english.exists()
    for term in english:
        translations = {
            row.locale.language_code: row
            for row in model.objects.filter(translation_key=term.translation_key).exclude(
                pk=term.pk
            )
        }
        assert sorted(translations) == sorted(OTHER_LANGUAGES)
        for code, row in translations.items():
            assert row.code == term.code
            assert row.name and (row.name != term.name or (code, row.name) in SAME_SPELLING)


def test_vocabularies_hold_what_the_brief_lists(demo_data):
    regions = BeneficiaryRegion.objects.in_source_locale().values_list("code", flat=True)
    assert list(regions) == ["afr", "ams", "arb", "asp", "cis", "eur", "glo"]
    assert ThematicArea.objects.in_source_locale().count() == 11
    goals = SustainableDevelopmentGoal.objects.filter(locale__language_code="fr")
    assert sorted(goals.values_list("number", flat=True)) == list(range(1, 18))
    assert goals.get(number=17).name == "Partenariats pour la réalisation des objectifs"
    assert ThematicArea.objects.get(code="cybersecurity", locale__language_code="zh-hans").name == (
        "网络安全"
    )


def test_translations_go_through_wagtail_localize(demo_data):
    area = ThematicArea.objects.get(code="capacity-building", locale__language_code="en")
    translations = Translation.objects.filter(source__object_id=area.translation_key)
    assert sorted(t.target_locale.language_code for t in translations) == sorted(OTHER_LANGUAGES)
    spanish = StringTranslation.objects.get(
        translation_of__data="Capacity Building", locale__language_code="es"
    )
    assert spanish.data == "Creación de capacidades"


def test_records_refer_to_the_english_terms(demo_data):
    english = Q(locale__language_code="en")
    assert not Agreement.objects.exclude(primary_area__in=ThematicArea.objects.filter(english))
    assert not Agreement.objects.exclude(agreement_type__locale__language_code="en").exists()
    assert not Agreement.regions.through.objects.exclude(
        beneficiaryregion__locale__language_code="en"
    ).exists()
    assert not PartnerThematicArea.objects.exclude(area__locale__language_code="en").exists()


def test_every_country_with_its_itu_d_region(demo_data):
    assert Country.objects.count() == 249
    regions = dict(Country.objects.values_list("code", "region__code"))
    expected = {"KE": "afr", "BR": "ams", "EG": "arb", "IN": "asp", "RU": "cis", "FR": "eur"}
    assert {code: regions[code] for code in expected} == expected
    assert regions["GL"] is None  # a territory: in no ITU-D region
    assert Country.objects.filter(region__code="afr").count() == 44
    assert Country.objects.filter(region__code="ams").count() == 35


def test_home_page_published_in_six_languages(demo_data):
    english = HomePage.objects.get(locale__language_code="en")
    pages = {
        page.locale.language_code: page
        for page in HomePage.objects.filter(translation_key=english.translation_key)
    }
    assert sorted(pages) == sorted(["en", *OTHER_LANGUAGES])
    assert all(page.live and page.introduction for page in pages.values())
    assert pages["fr"].title == "Partenariats pour le développement numérique"
    assert pages["ar"].title == "شراكات من أجل التنمية الرقمية"
    assert pages["zh-hans"].introduction != english.introduction
    assert english.introduction.startswith("The ITU Telecommunication Development Bureau")


def test_three_recognitions_of_the_25th_anniversary_in_six_languages(demo_data):
    english = Recognition.objects.filter(locale__language_code="en")
    assert sorted(english.values_list("partner__name", flat=True)) == [
        "Bill & Melinda Gates Foundation",
        "European Commission",
        "Government of Australia",
    ]
    for recognition in english:
        assert recognition.occasion == "25th anniversary of ITU-D, WTDC-17"
        assert recognition.year == 2017
        translations = Recognition.objects.filter(
            translation_key=recognition.translation_key
        ).exclude(pk=recognition.pk)
        assert sorted(t.locale.language_code for t in translations) == sorted(OTHER_LANGUAGES)
        assert all(t.citation != recognition.citation for t in translations)
        assert all(t.partner_id == recognition.partner_id for t in translations)
    spanish = Recognition.objects.get(
        locale__language_code="es", partner__name="Government of Australia"
    )
    assert spanish.occasion == "25.º aniversario del UIT-D, CMDT-17"
    gates = Partner.objects.get(locale__language_code="ru", acronym="BMGF")
    assert gates.name == "Фонд Билла и Мелинды Гейтс"


def test_one_demo_user_per_role(demo_data):
    users = {user.username: user for user in get_user_model().objects.all()}
    expected_groups = {
        "editor": EDITORS,
        "lead": LEADS,
        "officer": {OFFICERS, SUBSCRIBER_MANAGERS},
        "translator-fr": translator_group_name("fr"),
        "translator-es": translator_group_name("es"),
        "translator-ru": translator_group_name("ru"),
        "translator-ar": translator_group_name("ar"),
        "translator-zh": translator_group_name("zh-hans"),
    }
    assert users["admin"].is_superuser
    for username, groups in expected_groups.items():
        user = users[username]
        expected = groups if isinstance(groups, set) else {groups}
        assert set(user.groups.values_list("name", flat=True)) == expected
        assert not user.is_superuser
        assert user.check_password("partnerhub-demo")


def test_search_index_and_reference_index_are_rebuilt(demo_data):
    english = Locale.objects.get(language_code="en")
    results = get_search_backend().search("Sanofi", Partner.objects.filter(locale=english))
    assert "Sanofi" in [partner.name for partner in results]
    sanofi = Partner.objects.in_source_locale().get(name="Sanofi")
    assert ReferenceIndex.get_references_to(sanofi).exists()  # its agreements


def test_loading_again_adds_nothing(demo_data):
    models = [
        Agreement,
        AgreementPartner,
        AgreementTag,
        Agreement.regions.through,
        Country,
        Partner,
        PartnerThematicArea,
        Recognition,
        Page,
        Revision,
        PageLogEntry,
        Translation,
        StringTranslation,
        get_user_model(),
        *VOCABULARIES,
    ]
    before = {model: model.objects.count() for model in models}
    output = StringIO()
    call_command("load_demo_data", "--skip-index", stdout=output)
    assert {model: model.objects.count() for model in models} == before
    assert "(0 new)" in output.getvalue()

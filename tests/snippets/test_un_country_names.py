"""Country names as the United Nations writes them (UNTERM short names), in each of its six
languages, wherever a country is named: django-countries, the Country records, a partner's
public profile and the agreement form of the admin."""

import csv

import pytest
from django.utils import translation
from django_countries import countries
from django_countries.data import COUNTRIES
from wagtail.models import Site
from wagtail.users.models import UserProfile

from cms.snippets.country_names import DATA_FILE, LANGUAGES, code_for_name, un_country_name
from cms.snippets.models import Country
from tests.pages.directory import data
from tests.pages.directory.fixtures import make_directories, make_homes
from tests.pages.html import parse
from tests.rollback import refetched, rolled_back
from tests.snippets.admin.records import make_agreement, make_user

# The hard cases: long official short names, names that changed, names that ISO or common
# usage writes otherwise ("Naoero", "Bahamas (The)", "North Korea", "Turkey", "Ivory Coast").
HARD_CASES = {
    "BS": {
        "en": "Bahamas",
        "fr": "Bahamas",
        "es": "Bahamas",
        "ru": "Багамские Острова",
        "ar": "جزر البهاما",
        "zh-hans": "巴哈马",
    },
    "NR": {
        "en": "Nauru",
        "fr": "Nauru",
        "es": "Nauru",
        "ru": "Науру",
        "ar": "ناورو",
        "zh-hans": "瑙鲁",
    },
    "KP": {
        "en": "Democratic People's Republic of Korea",
        "fr": "République populaire démocratique de Corée",
        "es": "República Popular Democrática de Corea",
        "ru": "Корейская Народно-Демократическая Республика",
        "ar": "جمهورية كوريا الشعبية الديمقراطية",
        "zh-hans": "朝鲜民主主义人民共和国",
    },
    "KR": {
        "en": "Republic of Korea",
        "fr": "République de Corée",
        "es": "República de Corea",
        "ru": "Республика Корея",
        "ar": "جمهورية كوريا",
        "zh-hans": "大韩民国",
    },
    "TR": {
        "en": "Türkiye",
        "fr": "Türkiye",
        "es": "Türkiye",
        "ru": "Турция",
        "ar": "تركيا",
        "zh-hans": "土耳其",
    },
    "CI": {
        "en": "Côte d'Ivoire",
        "fr": "Côte d'Ivoire",
        "es": "Côte d’Ivoire",
        "ru": "Кот-д’Ивуар",
        "ar": "كوت ديفوار",
        "zh-hans": "科特迪瓦",
    },
    "IR": {
        "en": "Iran (Islamic Republic of)",
        "fr": "Iran (République islamique d')",
        "es": "Irán (República Islámica del)",
        "ru": "Иран (Исламская Республика)",
        "ar": "إيران (جمهورية - الإسلامية)",
        "zh-hans": "伊朗伊斯兰共和国",
    },
    "BO": {
        "en": "Bolivia (Plurinational State of)",
        "fr": "Bolivie (État plurinational de)",
        "es": "Bolivia (Estado Plurinacional de)",
        "ru": "Боливия (Многонациональное Государство)",
        "ar": "بوليفيا (دولة - المتعددة القوميات)",
        "zh-hans": "多民族玻利维亚国",
    },
    "GB": {
        "en": "United Kingdom of Great Britain and Northern Ireland",
        "fr": "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord",
        "es": "Reino Unido de Gran Bretaña e Irlanda del Norte",
        "ru": "Соединенное Королевство Великобритании и Северной Ирландии",
        "ar": "المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية",
        "zh-hans": "大不列颠及北爱尔兰联合王国",
    },
    "US": {
        "en": "United States of America",
        "fr": "États-Unis d'Amérique",
        "es": "Estados Unidos de América",
        "ru": "Соединенные Штаты Америки",
        "ar": "الولايات المتحدة الأمريكية",
        "zh-hans": "美利坚合众国",
    },
}
CASES = [(code, language) for code in HARD_CASES for language in LANGUAGES]


@pytest.mark.parametrize(("code", "language"), CASES)
def test_django_countries_names_a_country_as_the_un_does(code, language):
    with translation.override(language):
        assert countries.name(code) == HARD_CASES[code][language]
        assert str(Country(code=code).name) == HARD_CASES[code][language]
        assert dict(countries)[code] == HARD_CASES[code][language]


def test_the_data_file_names_every_un_member_in_the_six_languages():
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        rows = {row["code"]: row for row in csv.DictReader(handle)}

    # Every ISO code but Taiwan, which the UN names in no list (django-countries names it).
    assert set(COUNTRIES) - set(rows) == {"TW"}
    assert all(row[language] for row in rows.values() for language in LANGUAGES)
    assert not [name for row in rows.values() for name in row.values() if "_" in name]


def test_a_language_without_a_column_keeps_django_countries_name():
    assert un_country_name("BS", "de") is None
    with translation.override("de"):
        assert countries.name("DE") == "Deutschland"


def test_choices_are_sorted_by_the_un_name_in_the_active_language():
    with translation.override("fr"):
        names = [name for _code, name in countries]
    korea = names.index("République de Corée")
    assert korea < names.index("République populaire démocratique de Corée")
    assert names.index("Türkiye") < names.index("Tuvalu") < names.index("Ukraine")


@pytest.fixture
def hard_countries(db):
    return {code: Country.objects.create(code=code) for code in HARD_CASES}


def make_partner_with_hard_countries():
    """A funding partner whose headquarters and beneficiary countries are the hard cases,
    with its profile under the partner directory in the six languages."""
    hard_countries = {code: Country.objects.create(code=code) for code in HARD_CASES}
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    homes = make_homes(home_page)
    directories = make_directories(homes)
    for code in ("es", "ru"):
        homes[code] = data.translate_page(home_page, code)
        directories[code] = data.translate_page(directories["en"], code)
    vocab = data.make_vocabularies()
    return data.make_partner(
        vocab,
        "Hard Cases Fund",
        headquarters_country=hard_countries["NR"],
        countries=[hard_countries[code] for code in HARD_CASES],
    )


@pytest.fixture(scope="class")
def partner_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, make_partner_with_hard_countries)


@pytest.fixture
def partner_with_hard_countries(db, partner_records):
    return refetched(partner_records)


class TestPartnerProfile:
    """The profile in the six languages, of one partner built once for them (in a class, so
    that its records are gone before the agreement form's tests, which list every country)."""

    @pytest.mark.parametrize("language", LANGUAGES)
    def test_a_partner_profile_names_the_countries_as_the_un_does(
        self, client, partner_with_hard_countries, language
    ):
        partner = partner_with_hard_countries
        response = client.get(f"/{language}/partners/{partner.pk}/hard-cases-fund/", follow=True)

        assert response.status_code == 200
        text = parse(response).get_text(" ", strip=True)
        for code, names in HARD_CASES.items():
            assert names[language] in text, code
        assert "Naoero" not in text
        assert "North Korea" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_agreement_form_offers_the_countries_by_their_un_name(client, hard_countries, language):
    user = make_user(f"officer-{language}", is_superuser=True, is_staff=True)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    agreement = make_agreement()
    client.force_login(user)

    response = client.get(f"/admin/snippets/snippets/agreement/edit/{agreement.pk}/")

    assert response.status_code == 200
    options = {
        option["value"]: option.get_text(strip=True)
        for option in parse(response).select("select[name=countries] option")
    }
    assert options == {
        str(hard_countries[code].pk): names[language] for code, names in HARD_CASES.items()
    }


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("United Kingdom of Great Britain and Northern Ireland", "GB"),  # the UN's
        ("United Kingdom", "GB"),  # the common name imports used to take
        ("north korea", "KP"),
        ("Bahamas (The)", "BS"),  # ISO's
        ("Turkey", "TR"),  # a former name
        ("Türkiye", "TR"),
        ("Naoero", "NR"),
        ("Atlantis", ""),
    ],
)
def test_an_english_name_finds_its_country(name, code):
    with translation.override("fr"):
        assert code_for_name(name) == code

"""Agreements found by the name of any of their partners in any language (issue 19, item 4).

Agreements point at a partner's English row; an officer who reads Arabic, Russian or Chinese
types the name the partner has in that language, or its acronym, and finds the agreements of
the English row (and each agreement once). The searches make as many queries for thirty
agreements as for three.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from cms.snippets.factories import AgreementFactory, PartnerFactory
from cms.snippets.models import Agreement
from tests.rollback import refetched, rolled_back

NAMES = {
    "fr": "Organisation mondiale de la Santé",
    "es": "Organización Mundial de la Salud",
    "ru": "Всемирная организация здравоохранения",
    "ar": "منظمة الصحة العالمية",
    "zh-hans": "世界卫生组织",
}


def list_url():
    return reverse(Agreement.snippet_viewset.get_url_name("list"))


def search(client, query):
    response = client.get(list_url(), {"q": query})
    assert response.status_code == 200
    found = list(response.context["object_list"])
    assert len(found) == len(set(found))
    return found


def build():
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    who = PartnerFactory(name="World Health Organization", acronym="WHO")
    for code, name in NAMES.items():
        translation = who.copy_for_translation(locales[code])
        translation.name = name
        translation.save()
    gsma = PartnerFactory(name="GSM Association", acronym="GSMA")
    return {
        "mhealth": AgreementFactory(
            reference="BDT-2015-017", title="Be He@lthy, Be Mobile", partners=[who]
        ),
        "addendum": AgreementFactory(
            reference="BDT-2016-031", title="Mobile health addendum", partners=[who, gsma]
        ),
        "cyber": AgreementFactory(
            reference="BDT-2017-044", title="Cybersecurity drills", partners=[gsma]
        ),
    }


@pytest.fixture(scope="module")
def archive_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def archive(db, archive_records):
    return refetched(archive_records)


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.mark.parametrize(
    "query",
    [
        # Each language's name, whole or in part.
        "منظمة الصحة العالمية",
        "الصحة",  # Arabic: one word of the name, its article included
        "صحة",  # and without the article, found by the Arabic analysis
        "Всемирная организация здравоохранения",
        "здравоохранению",  # Russian: another case of a word of the name
        "世界卫生组织",
        "卫生",  # Chinese: a word inside the name's run of characters
        "Organisation mondiale de la sante",  # French typed without its accent
        "Organización Mundial",
        # The English name and the acronym, as before.
        "World Health",
        "who",
    ],
)
def test_agreements_are_found_by_a_partner_name_in_any_language(officer_client, archive, query):
    assert set(search(officer_client, query)) == {archive["mhealth"], archive["addendum"]}


def test_a_name_in_another_language_does_not_pull_in_other_partners(officer_client, archive):
    assert search(officer_client, "Ассоциация GSM") == []
    assert set(search(officer_client, "GSMA")) == {archive["addendum"], archive["cyber"]}


def test_references_and_titles_are_still_found(officer_client, archive):
    assert search(officer_client, "2017-044") == [archive["cyber"]]
    assert search(officer_client, "drills") == [archive["cyber"]]


def count_queries(client, query):
    client.get(list_url(), {"q": query})  # warm
    with CaptureQueriesContext(connection) as queries:
        found = search(client, query)
    return len(queries), len(found)


def test_search_by_translated_name_queries_do_not_grow_with_matches(officer_client, db):
    """Counted on records of its own (the module's archive is not built for this test)."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    fao = PartnerFactory(name="Food and Agriculture Organization", acronym="FAO")
    arabic = fao.copy_for_translation(locales["ar"])
    arabic.name = "منظمة الأغذية والزراعة"
    arabic.save()

    def add_agreements(count):
        for _ in range(count):
            AgreementFactory(title="E-agriculture", partners=[fao])

    add_agreements(3)
    few, rows = count_queries(officer_client, "الأغذية والزراعة")
    assert rows == 3
    add_agreements(27)
    many, rows = count_queries(officer_client, "الأغذية والزراعة")
    assert rows == 30
    assert many == few

"""What an officer finds by typing in the search box of the partners and agreements listings.

A search lists the records found by fragments of their names and references (as before) or by
the six-language full-text search, which reads each record in its own language: a partner is
found by its Arabic name without the article or with diacritics, by a Russian case, a French
plural or its acronym.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Locale
from wagtail.search.models import IndexEntry

from cms.core.sorting import sort_key
from cms.snippets.factories import AgreementFactory, PartnerFactory
from cms.snippets.models import Agreement, Partner
from tests.rollback import refetched, rolled_back

ITU_NAMES = {
    "fr": "Union internationale des télécommunications",
    "es": "Unión Internacional de Telecomunicaciones",
    "ru": "Международный союз электросвязи",
    "ar": "الاتحاد الدولي للاتصالات",
    "zh-hans": "国际电信联盟",
}


def list_url(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def listed(response):
    """The records on the page of a listing, in order."""
    assert response.status_code == 200
    return list(response.context["object_list"])


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def build_itu():
    """The ITU in English and translated into the five other languages, and two partners
    that none of the queries below is about."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    english = PartnerFactory(
        name="International Telecommunication Union",
        acronym="ITU",
        mandate="<p>Digital technologies for all.</p>",
    )
    partners = {"en": english}
    for code, name in ITU_NAMES.items():
        translation = english.copy_for_translation(locales[code])
        translation.name = name
        translation.save()
        partners[code] = translation
    partners["afd"] = PartnerFactory(
        name="Agence française de développement",
        acronym="AFD",
        locale=locales["fr"],
        mandate="<p>Finance le développement.</p>",
    )
    partners["gsma"] = PartnerFactory(
        name="GSM Association", acronym="GSMA", mandate="<p>Mobile operators.</p>"
    )
    return partners


# Built once for the module (indexing six translations is the slow part), each test in a
# savepoint of its own; the query counts, which need a database without them, are in
# test_admin_search_queries.py.
@pytest.fixture(scope="module")
def itu_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build_itu)


@pytest.fixture
def itu(db, itu_records):
    return refetched(itu_records)


def search(client, query, **params):
    return listed(client.get(list_url(Partner), {"q": query, **params}))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Arabic: without the article, with diacritics, with "and the", with a hamza.
        ("اتحاد", {"ar"}),
        ("الاتِّحَادُ الدَّوْلِيُّ", {"ar"}),
        ("والاتحاد", {"ar"}),
        ("إتحاد", {"ar"}),
        ("الاتصالات", {"ar"}),
        # Russian cases: the name holds "союз" and "электросвязи".
        ("союзом", {"ru"}),
        ("электросвязью", {"ru"}),
        # French plural and a word typed without its accents.
        ("agences", {"afd"}),
        ("developpement", {"afd"}),
        ("telecommunication", {"en", "fr"}),
        # Spanish without accents.
        ("union internacional", {"es"}),
        # Chinese: a word inside the run of characters.
        ("电信", {"zh-hans"}),
        # The acronym, which every translation keeps, in any case.
        ("ITU", {"en", "fr", "es", "ru", "ar", "zh-hans"}),
        ("afd", {"afd"}),
        # Fragments, as before: a piece of a word that no index holds.
        ("GSM", {"gsma"}),
        ("ssociat", {"gsma"}),
        ("Telecommunication Un", {"en"}),
        ("no such partner", set()),
    ],
)
def test_partner_is_found_in_any_language(officer_client, itu, query, expected):
    found = search(officer_client, query)
    assert len(found) == len(set(found))
    assert set(found) == {itu[key] for key in expected}


def test_arabic_with_diacritics_is_found_by_the_analysis_only(officer_client, itu):
    """The ORM alone finds no row for this query: the match comes from the analysis."""
    query = "الاتِّحَادُ"
    assert not Partner.objects.filter(name__icontains=query).exists()
    assert search(officer_client, query) == [itu["ar"]]


def test_locale_filter_reads_the_query_in_that_language(officer_client, itu):
    assert search(officer_client, "الاتِّحَادُ", locale="ar") == [itu["ar"]]
    assert search(officer_client, "союзом", locale="ru") == [itu["ru"]]
    assert search(officer_client, "agences", locale="fr") == [itu["afd"]]
    # The other languages' rows stay out of a filtered listing.
    assert search(officer_client, "союзом", locale="ar") == []
    assert search(officer_client, "ITU", locale="zh-hans") == [itu["zh-hans"]]


def test_results_keep_the_listing_order(officer_client, itu):
    """By name as people read them (cms.core.sorting: accents and capitals aside), or as the
    officer sorts the listing."""
    translations = Partner.objects.filter(translation_key=itu["en"].translation_key)
    by_name = sorted(translations, key=lambda partner: (sort_key(partner.name), partner.name))
    assert len(by_name) == 6
    assert search(officer_client, "ITU") == by_name
    assert search(officer_client, "ITU", ordering="-name") == by_name[::-1]


def test_a_partner_not_yet_indexed_is_found_by_fragments(officer_client, itu, locales):
    """Records imported without signals (bulk_create) are in no index until the next
    rebuild, but a listing finds them at once."""
    (imported,) = Partner.objects.bulk_create(
        [
            Partner(
                name="Banque africaine de développement",
                acronym="BAD",
                kind=itu["afd"].kind,
                locale=locales["fr"],
            )
        ]
    )
    content_type = ContentType.objects.get_for_model(Partner)
    assert not IndexEntry.objects.filter(
        content_type=content_type, object_id=str(imported.pk)
    ).exists()
    assert search(officer_client, "africaine") == [imported]
    assert search(officer_client, "BAD") == [imported]


# --- Agreements -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def archive_records(itu_records, django_db_blocker):
    def build():
        return {
            "schools": AgreementFactory(
                reference="ITU-D/2016/45",
                title="Connecting schools in rural areas",
                partners=[itu_records["en"]],
            ),
            "cyber": AgreementFactory(
                reference="ITU-D/2016/145",
                title="Cybersecurity capacity for national teams",
                partners=[itu_records["gsma"]],
            ),
            "mobile": AgreementFactory(
                reference="BDT-2019-007",
                title="Mobile money for financial inclusion",
                partners=[itu_records["gsma"]],
            ),
        }

    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def archive(db, archive_records):
    return refetched(archive_records)


def search_agreements(client, query, **params):
    return listed(client.get(list_url(Agreement), {"q": query, **params}))


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Fragments of references, as before.
        ("ITU-D/2016/45", {"schools"}),
        ("2016/45", {"schools"}),
        ("2016/1", {"cyber"}),
        ("ITU-D", {"schools", "cyber"}),
        ("bdt-2019", {"mobile"}),
        # A stemmed word of the title, which no fragment matches.
        ("connected school", {"schools"}),
        ("team", {"cyber"}),
        ("national team", {"cyber"}),
        ("inclusions", {"mobile"}),
        # Through a partner's name or acronym, each agreement once.
        ("GSMA", {"cyber", "mobile"}),
        ("no such agreement", set()),
    ],
)
def test_agreement_is_found_by_reference_fragment_or_stemmed_title(
    officer_client, archive, query, expected
):
    found = search_agreements(officer_client, query)
    assert len(found) == len(set(found))
    assert set(found) == {archive[key] for key in expected}


def test_stemmed_title_word_is_found_by_the_analysis_only(officer_client, archive):
    assert not Agreement.objects.filter(title__icontains="connected").exists()
    assert search_agreements(officer_client, "connected schools") == [archive["schools"]]


# --- Any input --------------------------------------------------------------------------------

UNSAFE_QUERIES = [
    "-Data",
    "Data-X.2",
    '"unclosed quote',
    "'single' quote's",
    "ITU AND OR NOT -union",
    "(a | b) & !c <-> d:* \\ ",
    "title:x ^2 * NEAR(a b)",
    "?!.,;:()[]{}<>/\\|*&^%$#@~`",
    "😀🎉",
    "ال",
    "合",
    "%_%",
    "x" * 10_000,
    " ".join(["union"] * 5_000),
    "\x00 null",
]


@pytest.mark.parametrize("query", UNSAFE_QUERIES)
@pytest.mark.parametrize("params", [{}, {"locale": "ar"}, {"locale": "zh-hans"}])
def test_any_input_answers(officer_client, archive, query, params):
    for model in (Partner, Agreement):
        response = officer_client.get(list_url(model), {"q": query, **params})
        assert response.status_code == 200


def test_long_input_still_finds(officer_client, itu):
    assert itu["ru"] in search(officer_client, " ".join(["союзом"] * 2_000))


def test_percent_and_underscore_are_plain_characters(officer_client, itu):
    assert search(officer_client, "%_%") == []

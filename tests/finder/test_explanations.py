"""The finder's explanations are true (issue 18): an agreement is explained by the words of the
text found in its title and by no other; stop words never make a partner match; a word is
looked for in the partners' text in the language it is written in and in English, in the admin
and the JSON endpoint alike."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from cms.finder.criteria import Criteria
from cms.finder.presentation import finder_terms, present
from cms.finder.ranking import rank_partners
from cms.snippets.factories import PartnerFactory
from tests.rollback import refetched, rolled_back

from .conftest import REFERENCE_DATE, agreement, make_vocab
from .scores import disagreements

pytestmark = pytest.mark.django_db

ADMIN_URL = "/admin/partner-finder/"
API_URL = "/api/v1/partner-finder/"
FRENCH_QUERY = "protection en ligne des enfants"


def translate(partner, locale, **fields):
    """A translation of `partner` into `locale` with these fields."""
    translation = partner.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def make_texts(vocab, locales):
    """Partners whose agreements and profiles hold the words of the queries in one way each:
    in part, in full, only through stop words, in a translation or in English."""

    def partner(name, mandate="<p>Development cooperation.</p>"):
        return PartnerFactory(name=name, mandate=mandate, kind=vocab["government"])

    def signed(who, reference, title):
        # Out of any requested area or place: only the title can make it count.
        agreement(vocab, who, reference=reference, area="infra", regions=("eur",), title=title)

    partners = {
        "part": partner("Safety Week Partner"),
        "full": partner("Full Match Partner"),
        "stop": partner("Energy Partner", mandate="<p>Engagement en faveur des territoires.</p>"),
        "french": partner("Youth Trust", mandate="<p>Support for young people.</p>"),
        "english_word": partner("Les Enfants Foundation"),
        "equivalent": partner("Children First", mandate="<p>Safety of children.</p>"),
        "spanish": partner("Andes Fund"),
        "russian": partner("Volga Trust"),
    }
    signed(partners["part"], "PART-1", "Online safety week for schools")
    signed(partners["full"], "FULL-1", "Child online protection in schools")
    signed(partners["full"], "FULL-2", "Schools online")
    # "en" and "des" are inside these titles: only stop words would make them match.
    signed(partners["stop"], "STOP-1", "Energy access in rural towns")
    signed(partners["stop"], "STOP-2", "Development desks en zone rurale")
    translate(
        partners["french"], locales["fr"], mandate="<p>Soutien aux enfants et aux jeunes.</p>"
    )
    translate(partners["equivalent"], locales["fr"], mandate="<p>Sécurité des jeunes.</p>")
    translate(partners["spanish"], locales["es"], name="Fondo Les Enfants de los Andes")
    # Lower case where the word is found: SQLite's LIKE folds the case of ASCII letters only.
    translate(
        partners["russian"], locales["ru"], mandate="<p>Программа: защита детей в интернете.</p>"
    )
    return partners


def build():
    vocab = make_vocab()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    return {"vocab": vocab, "texts": make_texts(vocab, locales)}


# The vocabularies and the partners built once for the module: every test reads them (only
# the texts vary). Each runs in a savepoint of its own with fresh copies.
@pytest.fixture(scope="module")
def explained_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def vocab(db, explained_records):
    return refetched(explained_records["vocab"])


@pytest.fixture
def texts(db, explained_records):
    """Partners whose agreements and profiles hold the words of the queries in one way each
    (make_texts)."""
    return refetched(explained_records["texts"])


def rank(criteria):
    return rank_partners(criteria, reference_date=REFERENCE_DATE, limit=None)


def by_name(ranking):
    return {match.english_name: match for match in ranking.results}


def reason_words(match):
    return {reason.reference: reason.matched_words for reason in match.agreements}


# --- Stop words ---------------------------------------------------------------------


def test_french_stop_words_never_make_a_partner_match(texts):
    ranking = rank(Criteria(text=FRENCH_QUERY))
    matches = by_name(ranking)

    assert ranking.criteria.words == ["protection", "ligne", "enfants"]
    assert "Energy Partner" not in matches  # "en" in "Energy", "des" in its mandate
    assert set(matches) == {"Full Match Partner", "Youth Trust", "Les Enfants Foundation"}
    for match in ranking.results:
        assert set(match.text_words) <= {"protection", "ligne", "enfants"}
        for reason in match.agreements:
            assert set(reason.matched_words) <= {"protection", "ligne", "enfants"}


@pytest.mark.parametrize("language", ["", "en", "fr", "es"])
def test_the_french_text_is_read_as_french_whatever_the_editors_language(texts, language):
    matches = by_name(rank(Criteria(text=FRENCH_QUERY, language=language)))

    assert "Energy Partner" not in matches
    assert "Youth Trust" in matches


def test_a_text_of_stop_words_only_asks_for_nothing(texts):
    assert rank(Criteria(text="en des de la")).results == []


# --- Each agreement names its own words ---------------------------------------------


def test_an_agreement_is_explained_by_the_words_of_its_title_only(texts):
    matches = by_name(rank(Criteria(text="child online protection", language="en")))

    assert reason_words(matches["Safety Week Partner"]) == {"PART-1": ("online",)}
    assert reason_words(matches["Full Match Partner"]) == {
        "FULL-1": ("child", "online", "protection"),
        "FULL-2": ("online",),
    }
    part = matches["Safety Week Partner"].agreements[0]
    full = matches["Full Match Partner"].agreements[0]
    assert part.text_match == pytest.approx(1 / 3)
    assert full.text_match == 1.0


def test_the_explanation_shown_names_only_the_words_found(texts):
    ranking = rank(Criteria(text="child online protection", language="en"))
    rows = {row.match.english_name: row for row in present(ranking, finder_terms("en"))}

    assert rows["Safety Week Partner"].agreements[0].matched == ["title matches the words: online"]
    full = {item.reason.reference: item.matched for item in rows["Full Match Partner"].agreements}
    assert full["FULL-1"] == ["title matches the words: child, online, protection"]
    assert full["FULL-2"] == ["title matches the words: online"]


def test_the_admin_page_shows_the_same_reasons(client, officer, texts):
    client.force_login(officer)
    response = client.get(ADMIN_URL, {"text": "child online protection"})

    page = BeautifulSoup(response.content.decode(), "html.parser")
    cells = {
        row.select_one(".finder-agreements__title").get_text(strip=True): row.get_text(" ")
        for row in page.select(".finder-agreements tr")
        if row.select_one(".finder-agreements__title")
    }
    assert "title matches the words: online" in cells["Online safety week for schools"]
    assert "child" not in cells["Online safety week for schools"].replace(
        "Online safety week for schools", ""
    )
    assert (
        "title matches the words: child, online, protection"
        in (cells["Child online protection in schools"])
    )


# --- The language of the words ------------------------------------------------------


def test_a_french_word_is_looked_for_in_french_and_in_english(texts):
    matches = by_name(rank(Criteria(text="enfants", language="fr")))

    # Its French translation holds the word; its English text does not.
    assert matches["Youth Trust"].text_words == ("enfants",)
    # Its English name holds the word itself.
    assert matches["Les Enfants Foundation"].text_words == ("enfants",)
    # Its English text holds "children", the English equivalent, not the word: no match.
    assert "Children First" not in matches
    # Only its Spanish translation holds the word: not the language of the word.
    assert "Andes Fund" not in matches
    assert set(matches) == {"Youth Trust", "Les Enfants Foundation"}


def test_an_english_word_is_not_looked_for_in_the_translations(texts):
    matches = by_name(rank(Criteria(text="jeunes", language="en")))

    # "jeunes" is in two French translations only: typed by an English editor, with nothing
    # to tell it is French, it is looked for in English.
    assert matches == {}
    assert set(by_name(rank(Criteria(text="jeunes", language="fr")))) == {
        "Youth Trust",
        "Children First",
    }


def test_a_russian_word_is_looked_for_in_russian_and_in_english(texts):
    matches = by_name(rank(Criteria(text="защита детей в интернете", language="fr")))

    assert set(matches) == {"Volga Trust"}
    assert matches["Volga Trust"].text_words == ("защита", "детей", "интернете")


def test_the_database_and_python_agree_with_languages_and_stop_words(vocab, texts):
    for criteria in (
        Criteria(text=FRENCH_QUERY),
        Criteria(text="child online protection", language="en"),
        Criteria(text="the schools en ligne", regions={vocab["eur"].pk}),
    ):
        wrong, largest, _compared, earning = disagreements(criteria)

        assert wrong == {}
        assert largest < 1e-9
        assert earning >= 1


# --- The JSON endpoint --------------------------------------------------------------


def test_the_api_gives_the_same_reasons(client, officer, texts):
    client.force_login(officer)
    response = client.get(API_URL, {"text": "child online protection", "limit": 50})

    assert response.status_code == 200
    results = {result["partner"]: result for result in response.json()}
    assert {
        r["reference"]: r["matched_words"] for r in results["Safety Week Partner"]["reasons"]
    } == {"PART-1": ["online"]}
    assert {
        r["reference"]: r["matched_words"] for r in results["Full Match Partner"]["reasons"]
    } == {
        "FULL-1": ["child", "online", "protection"],
        "FULL-2": ["online"],
    }
    ranking = rank(Criteria(text="child online protection", language="en"))
    for match in ranking.results:
        api = {
            r["reference"]: tuple(r["matched_words"])
            for r in results[match.english_name]["reasons"]
        }
        assert api == reason_words(match)
        assert tuple(results[match.english_name]["profile_words"]) == match.text_words


def test_the_api_drops_stop_words_and_takes_the_language(client, officer, texts):
    client.force_login(officer)
    french = client.get(API_URL, {"text": FRENCH_QUERY, "limit": 50}).json()

    assert "Energy Partner" not in {result["partner"] for result in french}
    for result in french:
        for reason in result["reasons"]:
            assert set(reason["matched_words"]) <= {"protection", "ligne", "enfants"}

    def partners(lang):
        response = client.get(API_URL, {"text": "jeunes", "lang": lang})
        return (
            {result["partner"] for result in response.json()}
            if response.status_code == 200
            else response.status_code
        )

    assert partners("fr") == {"Youth Trust", "Children First"}
    assert partners("en") == set()

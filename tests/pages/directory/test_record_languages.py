"""Partners in the visitor's language or, untranslated, in English with a notice: the
directory, a profile and the recognitions page say in the visitor's language when a record is
shown in English (with lang="en" on the English text), and the directory's name box finds a
partner by its name in the visitor's language and by its English name or acronym."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.pages.context.directory import NameQuery, _Entry, _name_terms

from . import data
from .fixtures import from_records

# The vocabularies, the home pages and the directories, built once for the module
# (fixtures.make_site), for every test (the one that asks for none of them included); the
# development banks are made for each test that asks for them.
pytestmark = pytest.mark.usefixtures("built_records")
vocab = from_records("vocab")
homes = from_records("homes")
directories = from_records("directories")

NOTE = {
    "fr": "Disponible en anglais uniquement",
}


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card(soup, name):
    for article in soup.select(".partner-card"):
        if article.select_one(".partner-card__name a").get_text() == name:
            return article
    raise AssertionError(f"no card for {name!r}: {soup.select('.partner-card__name')}")


def card_names(soup):
    return sorted(a.get_text() for a in soup.select(".partner-card__name a"))


@pytest.fixture
def banks(vocab, directories):
    """The African Development Bank, translated into French, Arabic and Chinese with the
    French acronym of its own; and the Asian one, in English only."""
    return data.make_development_banks(vocab)


# --- The English-only notice ---------------------------------------------------------------


def test_an_untranslated_partner_says_it_is_in_english_on_a_french_card(client, banks):
    soup = parse(client.get("/fr/partners/"))
    asian = card(soup, "Asian Development Bank")
    link = asian.select_one(".partner-card__name a")
    assert link["lang"] == "en"
    note = asian.select_one(".material-note")
    assert note.get_text(strip=True) == NOTE["fr"]
    assert link["aria-describedby"] == note["id"]
    assert asian.select_one(".partner-card__acronym")["lang"] == "en"

    african = card(soup, "Banque africaine de développement")
    assert african.select_one(".partner-card__name a")["lang"] == "fr"
    assert african.select_one(".partner-card__acronym").get_text() == "(BAD)"
    assert not african.select(".material-note")


def test_no_notice_on_english_pages(client, banks):
    soup = parse(client.get("/en/partners/"))
    assert len(soup.select(".partner-card")) == 2
    assert not soup.select(".material-note")
    asian = banks["asian"]
    soup = parse(client.get(f"/en/partners/{asian.pk}/asian-development-bank/"))
    assert not soup.select(".material-note")


def test_a_profile_in_english_says_so_in_the_visitors_language(client, banks):
    asian = banks["asian"]
    soup = parse(client.get(f"/fr/partners/{asian.pk}/asian-development-bank/"))
    note = soup.select_one(".partner-header .material-note")
    assert note.get_text(strip=True) == NOTE["fr"]
    assert soup.select_one("h1")["aria-describedby"] == note["id"]
    assert soup.select_one("h1 span")["lang"] == "en"
    assert soup.select_one(".partner-profile__section .rich-text")["lang"] == "en"

    african = banks["african"]
    soup = parse(client.get(f"/fr/partners/{african.pk}/african-development-bank/"))
    assert not soup.select(".material-note")
    assert soup.select_one("h1 span").get_text() == "Banque africaine de développement"
    acronym = soup.select_one(".partner-summary dd[lang]")
    assert (acronym.get_text(), acronym["lang"]) == ("BAD", "fr")


def test_an_untranslated_recognition_says_it_is_in_english(client, homes, banks):
    directory_page = data.make_recognitions_page(homes["en"])
    data.translate_page(directory_page, "fr", title="Distinctions")
    recognition = data.add_recognition(
        banks["asian"], award_title="Partner award", citation="<p>For its partnership.</p>"
    )
    soup = parse(client.get("/fr/recognitions/"))
    article = soup.select_one(".recognition")
    assert article.select_one(".recognition__meta")["lang"] == "en"
    note = article.select_one(".material-note")
    assert note.get_text(strip=True) == NOTE["fr"]
    assert note["id"] == f"recognition-note-{recognition.pk}"

    # Translated, award and partner: no notice.
    data.translate_snippet(recognition, "fr", award_title="Prix", citation="<p>Pour.</p>")
    data.translate_snippet(banks["asian"], "fr", name="Banque asiatique de développement")
    soup = parse(client.get("/fr/recognitions/"))
    assert not soup.select(".recognition .material-note")


# --- Names in two languages ----------------------------------------------------------------


#: (language, what is typed in the name box, the partners listed) with the development banks
#: (`banks`); also run with the search engine reading the names (test_engine.py).
NAME_BOX_QUERIES = [
    # The name in the visitor's language, whole or in part, with or without accents.
    ("fr", "banque", ["Banque africaine de développement"]),
    ("fr", "developpement", ["Banque africaine de développement"]),
    ("fr", "BAD", ["Banque africaine de développement"]),
    # The English name and acronym, in every language.
    ("fr", "AfDB", ["Banque africaine de développement"]),
    ("fr", "development bank", ["Asian Development Bank", "Banque africaine de développement"]),
    ("fr", "banks", ["Asian Development Bank", "Banque africaine de développement"]),
    ("ar", "البنك", ["البنك الأفريقي للتنمية"]),
    ("ar", "بنك", ["البنك الأفريقي للتنمية"]),
    ("ar", "الافريقي", ["البنك الأفريقي للتنمية"]),
    ("ar", "afdb", ["البنك الأفريقي للتنمية"]),
    ("zh-hans", "银行", ["非洲开发银行"]),
    ("zh-hans", "非洲 银行", ["非洲开发银行"]),
    ("zh-hans", "Asian", ["Asian Development Bank"]),
    ("fr", "mondiale", []),
]


@pytest.mark.parametrize(("language", "query", "expected"), NAME_BOX_QUERIES)
def test_the_name_box_finds_a_partner_in_the_visitors_language_and_in_english(
    client, banks, language, query, expected
):
    soup = parse(client.get(f"/{language}/partners/", {"q": query}))
    assert card_names(soup) == sorted(expected)


def test_a_russian_name_is_found_whatever_its_case(client, homes, vocab, directories):
    home = data.translate_page(homes["en"], "ru", title="Главная")
    assert home.live
    data.translate_page(directories["en"], "ru", title="Партнеры")
    foundation = data.make_partner(vocab, "World Diabetes Foundation", kind="foundation")
    data.translate_snippet(foundation, "ru", name="Всемирный диабетический фонд")
    for query in ("фонд", "фонды", "фонда", "Diabetes", "ДИАБЕТИЧЕСКИЙ"):
        soup = parse(client.get("/ru/partners/", {"q": query}))
        assert card_names(soup) == ["Всемирный диабетический фонд"], query


def test_name_query_matches_words_in_either_language(db):  # db: the editors' synonyms are read
    entry = _Entry(
        pk=1,
        name="Banque africaine de développement",
        kind_id=1,
        areas=frozenset(),
        regions=frozenset(),
        initial="B",
        sort_key="banque africaine de developpement",
        search_text="banque africaine de developpement bad african development bank afdb",
        terms=_name_terms(
            "fr", "Banque africaine de développement", "BAD", "African Development Bank", "AfDB"
        ),
    )
    for text in ("banque", "Banques africaines", "african banks", "afdb", "ban"):
        assert NameQuery.read(text, "fr").matches(entry), text
    for text in ("banque mondiale", "asian", "fondation"):
        assert not NameQuery.read(text, "fr").matches(entry), text


def test_the_name_box_costs_the_same_queries_for_3_or_10_partners(client, vocab, directories):
    def count():
        client.get("/fr/partners/", {"q": "bank"})
        with CaptureQueriesContext(connection) as context:
            assert client.get("/fr/partners/", {"q": "bank"}).status_code == 200
        return len(context.captured_queries)

    for number in range(3):
        partner = data.make_partner(vocab, f"Development Bank {number}")
        if number % 2:
            data.translate_snippet(partner, "fr", name=f"Banque de développement {number}")
    few = count()
    for number in range(3, 10):
        partner = data.make_partner(vocab, f"Development Bank {number}")
        if number % 2:
            data.translate_snippet(partner, "fr", name=f"Banque de développement {number}")
    assert count() == few

"""The words of the finder's free text: each language's stop words are dropped, and each word
carries the languages of the partners' text it is looked for in (its own and English)."""

import pytest

from cms.finder.criteria import Criteria
from cms.finder.text import MAX_WORDS, is_stop_word, stop_words, text_words


def looked_for(text, hint=None):
    return [(word.text, sorted(word.languages)) for word in text_words(text, hint)]


def test_french_stop_words_are_dropped_and_the_words_are_looked_for_in_french_and_english():
    assert looked_for("protection en ligne des enfants") == [
        ("protection", ["en", "fr"]),
        ("ligne", ["en", "fr"]),
        ("enfants", ["en", "fr"]),
    ]


def test_the_stop_words_of_the_text_win_over_the_editors_language():
    # An editor working in English who types French: the text is read as French.
    assert [w for w, _ in looked_for("la protection des enfants en ligne", "en")] == [
        "protection",
        "enfants",
        "ligne",
    ]
    assert all(langs == ["en", "fr"] for _, langs in looked_for("la protection des enfants", "en"))


def test_english_text_is_looked_for_in_english_only():
    assert looked_for("the protection of children online", "en") == [
        ("protection", ["en"]),
        ("children", ["en"]),
        ("online", ["en"]),
    ]


def test_a_text_without_stop_words_goes_to_the_editors_language():
    assert looked_for("protection enfants", "fr") == [
        ("protection", ["en", "fr"]),
        ("enfants", ["en", "fr"]),
    ]
    assert looked_for("protection enfants", "fr-ca")[0][1] == ["en", "fr"]
    # No hint (the command): every Latin-script language it could be written in.
    assert looked_for("protection enfants")[0][1] == ["en", "es", "fr"]


def test_spanish_stop_words_with_or_without_accents():
    assert [w for w, _ in looked_for("protección de los niños en línea")] == [
        "protección",
        "niños",
        "línea",
    ]
    assert looked_for("proteccion de los ninos", "en")[0] == ("proteccion", ["en", "es"])


def test_russian_stop_words_and_the_russian_script():
    assert looked_for("защита детей в интернете и на мобильных") == [
        ("защита", ["en", "ru"]),
        ("детей", ["en", "ru"]),
        ("интернете", ["en", "ru"]),
        ("мобильных", ["en", "ru"]),
    ]


def test_arabic_stop_words_with_the_article_and_conjunction():
    assert looked_for("حماية الأطفال في الفضاء الرقمي وعلى الإنترنت") == [
        ("حماية", ["ar", "en"]),
        ("الأطفال", ["ar", "en"]),
        ("الفضاء", ["ar", "en"]),
        ("الرقمي", ["ar", "en"]),
        ("الإنترنت", ["ar", "en"]),
    ]


def test_chinese_is_cut_in_pairs_and_loses_its_function_words():
    # 的 and 和 standing alone are dropped; a run becomes pairs of characters, as the search
    # of the site segments it, so that 在线 is found in 儿童在线保护.
    assert looked_for("儿童 的 在线保护 和 教育") == [
        ("儿童", ["en", "zh-hans"]),
        ("在线", ["en", "zh-hans"]),
        ("线保", ["en", "zh-hans"]),
        ("保护", ["en", "zh-hans"]),
        ("教育", ["en", "zh-hans"]),
    ]


def test_a_mixed_text_gives_each_word_the_language_of_its_script():
    assert looked_for("ИКТ for schools") == [("икт", ["en", "ru"]), ("schools", ["en"])]


@pytest.mark.parametrize(
    ("language", "word"),
    [
        ("en", "the"),
        ("en", "of"),
        ("fr", "des"),
        ("fr", "à"),
        ("fr", "été"),
        ("es", "los"),
        ("es", "más"),
        ("ru", "в"),
        ("ru", "её"),
        ("ar", "في"),
        ("ar", "التي"),
        ("zh-hans", "的"),
    ],
)
def test_each_language_has_its_stop_list(language, word):
    assert stop_words(language)
    assert is_stop_word(word, [language])


def test_content_words_are_not_stop_words():
    for language, word in [("en", "online"), ("fr", "enfants"), ("es", "niños"), ("ru", "дети")]:
        assert not is_stop_word(word, [language])


def test_only_stop_words_make_an_empty_search():
    assert Criteria(text="de la des en").is_empty
    assert Criteria(text="the of and").words == []


def test_at_most_max_words_each_once():
    words = text_words("one two three four five six seven eight nine ten two one")
    assert [word.text for word in words] == [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
    ]
    assert len(words) == MAX_WORDS


def test_criteria_carry_the_languages_of_their_words():
    criteria = Criteria(text="protection des enfants", language="en")

    assert criteria.words == ["protection", "enfants"]
    assert criteria.word_languages == [frozenset({"en", "fr"})] * 2

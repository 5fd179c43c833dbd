"""The demo home page shows no untranslated string in any of the six languages."""

import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.conf import settings

CATALOGUES = {"fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh-hans": "zh_Hans"}


def visible_text(html):
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup(["script", "style", "head", "template"]):
        hidden.decompose()
    return re.sub(r"\s+", " ", soup.get_text(" ")).strip()


def english_interface_strings(catalogue):
    """Interface strings whose translation differs from the English text."""
    return {
        entry.msgid
        for entry in catalogue
        if entry.msgstr
        and entry.msgstr != entry.msgid
        and len(entry.msgid) > 3
        and "%(" not in entry.msgid
    }


@pytest.mark.parametrize("language", list(CATALOGUES))
def test_home_page_has_no_english_left(client, demo_data, language):
    english = visible_text(client.get("/en/").content.decode())
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())

    path = Path(settings.BASE_DIR) / "locale" / CATALOGUES[language] / "LC_MESSAGES" / "django.po"
    # The switcher names each language in its own language, so "English" stays English.
    own_names = {name for _code, name in settings.LANGUAGES}
    leftovers = sorted(
        msgid
        for msgid in english_interface_strings(polib.pofile(str(path))) - own_names
        if re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text)
    )
    assert leftovers == []
    # The content itself is the translation, not the English page served as a fallback.
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == language
    assert soup.h1.get_text(strip=True) not in english
    # Only language names and the brand may stay in Latin letters outside French and Spanish.
    if language in {"ru", "ar", "zh-hans"}:
        latin_words = set(re.findall(r"\b[A-Za-z]{4,}\b", text))
        # "JSON" names a format (the footer's link to the JSON API), like a brand.
        assert latin_words <= {"PartnerHub", "English", "JSON"}


def test_english_home_page_is_in_english(client, demo_data):
    response = client.get("/en/")
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.html["lang"] == "en"
    assert soup.html["dir"] == "ltr"
    assert "Partnerships" in soup.h1.get_text()

"""The interface is fully translated into the five languages besides English."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TARGETS = {"fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh-hans": "zh_Hans"}


@pytest.mark.parametrize("language", TARGETS.values())
def test_po_file_has_no_untranslated_or_fuzzy_entry(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(catalogue.translated_entries()) > 50
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []


@pytest.mark.parametrize("language", TARGETS.values())
def test_compiled_catalogue_matches_its_po_file(language):
    """The committed .mo file (used on machines without gettext) is the .po file compiled."""
    folder = LOCALE_DIR / language / "LC_MESSAGES"

    def entries(catalogue):
        return {
            (e.msgctxt, e.msgid): (e.msgstr, sorted(e.msgstr_plural.items()))
            for e in catalogue
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    po = entries(polib.pofile(str(folder / "django.po")))
    mo = entries(polib.mofile(str(folder / "django.mo")))
    assert mo == po

"""The interface is fully translated into the five languages besides English: the project's
own catalogue (`locale/`) and its catalogue of Wagtail's messages that Wagtail's catalogues
leave untranslated (`upstream_locale/`)."""

import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

BASE_DIR = Path(settings.BASE_DIR)
CATALOGUES = ["locale", "upstream_locale"]
TARGETS = {"fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "zh-hans": "zh_Hans"}


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("language", TARGETS.values())
def test_po_file_has_no_untranslated_or_fuzzy_entry(catalogue, language):
    messages = polib.pofile(str(BASE_DIR / catalogue / language / "LC_MESSAGES" / "django.po"))
    assert len(messages.translated_entries()) > 10
    assert [entry.msgid for entry in messages.untranslated_entries()] == []
    assert [entry.msgid for entry in messages.fuzzy_entries()] == []


@pytest.mark.parametrize("catalogue", CATALOGUES)
@pytest.mark.parametrize("language", TARGETS.values())
def test_compiled_catalogue_matches_its_po_file(catalogue, language):
    """The committed .mo file (used on machines without gettext) is the .po file compiled."""
    folder = BASE_DIR / catalogue / language / "LC_MESSAGES"

    def entries(messages):
        return {
            (e.msgctxt, e.msgid): (e.msgstr, sorted(e.msgstr_plural.items()))
            for e in messages
            if e.msgid and not e.obsolete and "fuzzy" not in e.flags
        }

    po = entries(polib.pofile(str(folder / "django.po")))
    mo = entries(polib.mofile(str(folder / "django.mo")))
    assert mo == po


def test_the_upstream_catalogue_lists_every_message_wagtail_leaves_untranslated():
    """After a Wagtail upgrade, `dev/upstream_catalogue.py` adds the new gaps: this fails until
    it has been run and its new entries translated."""
    result = subprocess.run(
        [sys.executable, "dev/upstream_catalogue.py", "--dry-run"],
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("language", "message", "translated"),
    [
        # Wagtail's Spanish and Chinese catalogues have no entry for these admin messages.
        ("es", "Keyboard shortcuts", "Atajos de teclado"),
        ("zh-hans", "Sort by '%(label)s' in ascending order.", "按“%(label)s”升序排列。"),
        # Wagtail's catalogues say "Paramètres régionaux" or "Región": a language here.
        ("fr", "Locale", "Langue"),
        ("es", "Locale", "Idioma"),
    ],
)
def test_wagtails_untranslated_admin_messages_show_in_the_staff_members_language(
    language, message, translated
):
    with translation.override(language):
        assert translation.gettext(message) == translated

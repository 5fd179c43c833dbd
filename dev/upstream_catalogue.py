"""Build `upstream_locale/`: the project's translations of Wagtail's and wagtail-localize's
messages that their own catalogues leave untranslated (or translate wrongly for this site).

Why a second catalogue: Wagtail's Spanish and Chinese catalogues lack about 400 of the admin's
messages each, Arabic and Russian a few dozen, and Wagtail 8's newest messages are in no
catalogue yet. A staff member working in those languages met English in the middle of their
screens. These messages are not the project's own, so `makemessages` (`make messages`) must
neither drop nor rewrite them: they live in `upstream_locale/`, the second entry of
`LOCALE_PATHS` (below the project's `locale/`, above every app's catalogue), which
`makemessages` never writes to.

What goes in, per language: every message translated by one of the installed Wagtail or
wagtail-localize catalogues of the six languages (or German, the most complete) but not by
that language's, plus the messages of `EXTRA` that no catalogue translates or that the site
words differently. Entries already translated in `upstream_locale/` are kept; new ones are
added untranslated, with the French and German translations as a translator's comment; entries
that Wagtail's catalogue has since translated are dropped (Wagtail's own wording then wins).

Run after upgrading Wagtail or wagtail-localize::

    .venv/bin/python dev/upstream_catalogue.py --dry-run   # says what is missing, exit 1
    .venv/bin/python dev/upstream_catalogue.py             # adds and drops entries
    # translate the new (empty) entries, then
    .venv/bin/python manage.py compilemessages --ignore=.venv
"""

import sys
from pathlib import Path

import polib
import wagtail
import wagtail_localize

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "upstream_locale"
LANGUAGES = ["ar", "es", "fr", "ru", "zh_Hans"]
REFERENCES = ["fr", "de", "es", "ar", "ru", "zh_Hans"]
PACKAGES = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]

# Messages shown on the project's screens that no upstream catalogue translates yet (new in
# Wagtail 8) or that this site must word differently ("Locale" is a language here).
EXTRA = [
    "Locale",
    "Status: ",
    'You do not have permission to publish pages at "%(page_title)s"',
    "Cancelled by %(cancelled_by)s",
    "Locked by",
    "Anyone",
    "Schedule to publish",
    "Scheduling…",
    "Use machine translation",
    "Apply machine translations to the incoming changes.",
    "Apply the updates and publish immediately. The changes will use the original "
    "language until translated.",
    "Apply the updates and publish immediately. The changes will use the original "
    'language until translated unless you also select "Use machine translation".',
    "Converted page to an alias of the translation source page",
    "Page '{}' has been converted into an alias.",
]


def key(entry):
    return (entry.msgctxt, entry.msgid)


def upstream_catalogues(language):
    for package in PACKAGES:
        yield from sorted(package.glob(f"**/locale/{language}/LC_MESSAGES/django.po"))


def translated(language):
    """{key: entry} of the upstream messages `language`'s catalogues translate."""
    found = {}
    for path in upstream_catalogues(language):
        for entry in polib.pofile(str(path)):
            if entry.translated() and not entry.obsolete:
                found.setdefault(key(entry), entry)
    return found


def plural_forms(language):
    project = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    return project.metadata["Plural-Forms"], int(
        project.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0]
    )


def build(language, references, write=True):
    """Rebuild `language`'s catalogue; return how many of its messages lack a translation
    (with `write=False`: how many messages it should add, drop or translate)."""
    path = TARGET / language / "LC_MESSAGES" / "django.po"
    old = polib.pofile(str(path)) if path.exists() else None
    kept = {key(entry): entry for entry in old or [] if entry.translated()}
    project = {
        key(entry): entry
        for entry in polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    }
    own = references[language]
    wanted = {k: e for ref in REFERENCES for k, e in references[ref].items() if k not in own}
    for msgid in EXTRA:
        wanted.setdefault((None, msgid), polib.POEntry(msgid=msgid))
        # The site's own wording wins over Wagtail's for the EXTRA messages.
        if (None, msgid) in own:
            wanted[(None, msgid)] = own[(None, msgid)]

    forms, count = plural_forms(language)
    catalogue = polib.POFile(wrapwidth=100)
    catalogue.metadata = {
        "Project-Id-Version": "PartnerHub (Wagtail and wagtail-localize messages)",
        "Report-Msgid-Bugs-To": "",
        "PO-Revision-Date": "2026-12-07 04:00+0000",
        "Last-Translator": "PartnerHub translators",
        "Language-Team": "PartnerHub translators",
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": forms,
    }
    catalogue.header = (
        f"{language}: Wagtail's and wagtail-localize's messages that their catalogues leave\n"
        "untranslated. Built by dev/upstream_catalogue.py; translated by the project."
    )
    for k in sorted(wanted, key=lambda k: (k[1].casefold(), k[0] or "")):
        source = wanted[k]
        entry = polib.POEntry(
            msgctxt=source.msgctxt, msgid=source.msgid, msgid_plural=source.msgid_plural
        )
        notes = [
            f"{ref}: {references[ref][k].msgstr or references[ref][k].msgstr_plural.get(0, '')}"
            for ref in ("fr", "de")
            if ref != language and k in references[ref]
        ]
        entry.comment = "\n".join(notes)
        previous = kept.get(k) or (project.get(k) if k[1] in EXTRA else None)
        if previous is not None and previous.translated():
            entry.msgstr = previous.msgstr
            if entry.msgid_plural:
                entry.msgstr_plural = dict(previous.msgstr_plural)
        elif entry.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(range(count), "")
        entry.flags = [flag for flag in source.flags if flag.endswith("-format")]
        catalogue.append(entry)
    missing = len(catalogue.untranslated_entries())
    if not write:
        differing = {key(entry) for entry in catalogue} ^ {key(entry) for entry in old or []}
        if differing or missing:
            print(f"{language}: {len(differing)} messages to add or drop, {missing} to translate")
        return len(differing) + missing
    path.parent.mkdir(parents=True, exist_ok=True)
    catalogue.save(str(path))
    print(f"{language}: {len(catalogue)} messages, {missing} to translate")
    return missing


def main():
    references = {language: translated(language) for language in REFERENCES}
    write = "--dry-run" not in sys.argv
    missing = sum(build(language, references, write) for language in LANGUAGES)
    return 1 if missing and not write else 0


if __name__ == "__main__":
    sys.exit(main())

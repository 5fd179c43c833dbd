"""A small French and Arabic catalogue of the form's and e-mails' strings, for the tests.

The project's translations (locale/) are filled in after the strings are written. So that the
tests can check that a French page answers in French and an Arabic one in Arabic now, this
catalogue is compiled into a temporary folder added at the END of LOCALE_PATHS: once locale/
translates the same strings, its translations take precedence, and the tests, which compute
what they expect with gettext, keep passing.
"""

from pathlib import Path

import polib
from django.utils import translation

SUBJECT = "Your expression of interest in “%(title)s”"
THANKS = "Thank you. Your expression of interest has been sent."
CONSENT_ERROR = "Tick the box to agree to the privacy notice, so that we can pass on your message."
EMAIL_ERROR = "Enter an e-mail address in the correct format, like name@example.org."
PROBLEM = "There is a problem"

CATALOGUE = {
    "fr": {
        SUBJECT: "Votre manifestation d’intérêt pour « %(title)s »",
        THANKS: "Merci. Votre manifestation d’intérêt a été envoyée.",
        CONSENT_ERROR: (
            "Cochez la case pour accepter l’avis de confidentialité, afin que nous puissions "
            "transmettre votre message."
        ),
        EMAIL_ERROR: "Saisissez une adresse électronique valide, comme nom@exemple.org.",
        PROBLEM: "Il y a un problème",
    },
    "ar": {
        SUBJECT: "إبداء اهتمامك بـ «%(title)s»",
        THANKS: "شكرًا لك. لقد أُرسل إبداء اهتمامك.",
        CONSENT_ERROR: "ضع علامة في المربع للموافقة على إشعار الخصوصية حتى نتمكن من إرسال رسالتك.",
        EMAIL_ERROR: "أدخل عنوان بريد إلكتروني بالصيغة الصحيحة، مثل name@example.org.",
        PROBLEM: "توجد مشكلة",
    },
}


def compile_catalogue(folder):
    """Write the catalogue as compiled .mo files under `folder`; return the folder."""
    folder = Path(folder)
    for language, entries in CATALOGUE.items():
        po = polib.POFile()
        po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": language}
        for msgid, msgstr in entries.items():
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
        target = folder / language / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        po.save_as_mofile(str(target / "django.mo"))
    return folder


def translated(msgid, language, **params):
    """`msgid` in `language`, as the site would show it."""
    with translation.override(language):
        text = translation.gettext(msgid)
    return text % params if params else text

"""Machine translation for translators: DeepL in production, an offline translator otherwise.

`machine_translator_setting()` chooses the translator from the environment (settings call it);
`OfflineTranslator` gives development and tests a deterministic, network-free first draft.
Either way, wagtail-localize's "Machine translate" only fills segments that have no
translation yet: hand-made translations are never overwritten, and what the machine wrote stays
marked "not reviewed" until a person saves it (cms/localization/review.py).

The offline translator's marker ("[fr] ") never reaches an address: a slug-like string is left
unmarked, and a translated page's slug is made from its translated title with any marker taken
off (cms/localization/slugs.py).
"""

import re
from functools import cache

from bs4 import BeautifulSoup, NavigableString
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue, lstrip_keep, rstrip_keep

from cms.core import languages

__all__ = ["OfflineTranslator", "machine_translator_setting", "strip_marker"]


# The offline translator's marker at the start of a text: "[fr] ", "[zh-hans] ".
@cache
def _marker_re():
    # Built on first use: this module is imported by the settings, before they are read.
    return re.compile(r"^\s*\[(?:" + "|".join(map(re.escape, languages.codes())) + r")\]\s*")


# A page slug ("island-cyber-resilience-partnership"): an address, never marked.
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)+$")


def strip_marker(text):
    """`text` without the offline translator's language marker in front."""
    return _marker_re().sub("", text or "", count=1)


def machine_translator_setting(deepl_api_key):
    """The `WAGTAILLOCALIZE_MACHINE_TRANSLATOR` setting for a DeepL key, or offline without one.

    A free DeepL key (ending in ":fx") needs the free API host; wagtail-localize's
    DeepLTranslator picks it from the key itself, so the key is all it needs.
    """
    if deepl_api_key:
        return {
            "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
            "OPTIONS": {"AUTH_KEY": deepl_api_key},
        }
    return {"CLASS": "cms.localization.machine_translation.OfflineTranslator", "OPTIONS": {}}


def _vocabulary_translations(source_locale, target_locale, texts):
    """Names of vocabulary terms in the source locale mapped to their name in the target."""
    from django.apps import apps

    from cms.snippets.models import Vocabulary

    known = {}
    for model in apps.get_models():
        if not issubclass(model, Vocabulary):
            continue
        keys = dict(
            model.objects.filter(locale=source_locale, name__in=texts).values_list(
                "translation_key", "name"
            )
        )
        if not keys:
            continue
        for key, name in model.objects.filter(
            locale=target_locale, translation_key__in=keys
        ).values_list("translation_key", "name"):
            # A row still carrying the source name is an untranslated copy (the one being
            # translated, for instance): it teaches nothing.
            if name != keys[key]:
                known.setdefault(keys[key], name)
    return known


class OfflineTranslator(BaseMachineTranslator):
    """A translator that needs no network: it reuses translations the project already has.

    A string is translated when the project's gettext catalogues know it, or when it is the
    name of a vocabulary term (a thematic area, a region...) already translated into the
    target language. Anything else comes back unchanged but marked with the target language,
    e.g. "[fr] Our partners", so a reviewer sees at a glance what still needs a human.
    """

    display_name = _("Offline translator")

    def can_translate(self, source_locale, target_locale):
        return (
            languages.is_site_language(source_locale.language_code)
            and languages.is_site_language(target_locale.language_code)
            and source_locale.language_code != target_locale.language_code
        )

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        texts = {text for string in strings for text in self._texts(string)}
        vocabulary = _vocabulary_translations(source_locale, target_locale, texts)
        marker = f"[{target_locale.language_code}] "

        def lookup(text):
            if text in vocabulary:
                return vocabulary[text]
            with translation.override(target_locale.language_code):
                translated = translation.gettext(text)
            return translated if translated != text else None

        return {string: self._translate(string, lookup, marker) for string in strings}

    @staticmethod
    def _texts(string):
        """The stripped texts a string could be known by: whole, and each text node."""
        texts = {string.render_text().strip()}
        soup = BeautifulSoup(string.data, "html.parser")
        texts.update(node.strip() for node in soup.find_all(string=True))
        texts.discard("")
        return texts

    @staticmethod
    def _translate(string, lookup, marker):
        whole = string.render_text().strip()
        if SLUG_RE.match(whole) and "<" not in string.data:
            # An address (a page's slug): never marked; the page's slug is made from its
            # translated title anyway.
            return StringValue.from_plaintext(whole)
        # gettext("") returns the catalogue header, so empty text is never looked up.
        translated = lookup(whole) if whole else None
        if translated is not None and "<" not in string.data:
            return StringValue.from_plaintext(translated)

        # Rich text: translate text nodes one by one so inline tags and links survive.
        soup = BeautifulSoup(string.data, "html.parser")
        complete = True
        for node in list(soup.find_all(string=True)):
            text, left = lstrip_keep(str(node))
            text, right = rstrip_keep(text)
            if not text:
                continue
            known = lookup(text)
            if known is None:
                complete = False
            else:
                node.replace_with(NavigableString(left + known + right))
        if not complete:
            soup.insert(0, NavigableString(marker))
        return StringValue.from_translated_html(str(soup))

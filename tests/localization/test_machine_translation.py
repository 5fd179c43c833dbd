"""Machine translation: DeepL with a key, offline otherwise; it never overwrites a translator."""

import os
import subprocess
import sys

from django.conf import settings
from django.urls import reverse
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from cms.localization.machine_translation import OfflineTranslator, machine_translator_setting
from cms.pages.factories import StandardPageFactory
from cms.snippets.factories import ThematicAreaFactory

DEEPL = "wagtail_localize.machine_translators.deepl.DeepLTranslator"


def test_a_deepl_key_selects_deepl_and_no_key_the_offline_translator():
    assert machine_translator_setting("secret:fx") == {
        "CLASS": DEEPL,
        "OPTIONS": {"AUTH_KEY": "secret:fx"},
    }
    assert (
        machine_translator_setting("")["CLASS"]
        == "cms.localization.machine_translation.OfflineTranslator"
    )


def test_settings_read_the_deepl_key_from_the_environment():
    code = "from cms.settings import base; print(base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['CLASS'])"
    env = {**os.environ, "DEEPL_API_KEY": "secret:fx"}
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.strip() == DEEPL


def test_free_deepl_keys_use_the_free_api(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting("secret:fx")
    assert get_machine_translator().get_api_endpoint() == "https://api-free.deepl.com/v2/translate"
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting("secret")
    assert get_machine_translator().get_api_endpoint() == "https://api.deepl.com/v2/translate"


def test_tests_and_development_use_the_offline_translator():
    assert isinstance(get_machine_translator(), OfflineTranslator)


def test_offline_translator_translates_between_the_six_languages_only(locales):
    translator = OfflineTranslator({})
    assert translator.can_translate(locales["en"], locales["zh-hans"])
    assert translator.can_translate(locales["fr"], locales["ar"])
    assert not translator.can_translate(locales["en"], locales["en"])


def test_offline_translator_uses_catalogues_vocabularies_and_marks_the_rest(locales):
    area = ThematicAreaFactory(code="quantum-networks", name="Quantum networks")
    french_area = area.copy_for_translation(locales["fr"])
    french_area.name = "Réseaux quantiques"
    french_area.save()
    strings = {
        "catalogue": StringValue.from_plaintext("Partners"),
        "vocabulary": StringValue.from_plaintext("Quantum networks"),
        "unknown": StringValue.from_plaintext("Tom & Jerry"),
        "rich": StringValue.from_source_html(
            'Meet our <b>Partners</b>, <a href="/x">online today</a>'
        )[0],
    }
    result = OfflineTranslator({}).translate(locales["en"], locales["fr"], strings.values())
    assert result[strings["catalogue"]].render_text() == "Partenaires"
    assert result[strings["vocabulary"]].render_text() == "Réseaux quantiques"
    assert result[strings["unknown"]].render_text() == "[fr] Tom & Jerry"
    rich = result[strings["rich"]]
    # Inline markup and the link survive; the known word inside is translated.
    assert rich.render_html({"a1": {"href": "/x"}}) == (
        '[fr] Meet our <b>Partenaires</b>, <a href="/x">online today</a>'
    )


def test_machine_translate_fills_only_untranslated_segments(admin_client, home_page, locales):
    page = StandardPageFactory(
        parent=home_page, title="Partners", introduction="Digital skills for everyone."
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["fr"])
    translation.save_target(publish=False)

    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        context=title.context,
        locale=locales["fr"],
        data="Nos partenaires (revu)",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )

    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = admin_client.post(url, {"next": "/admin/"})
    assert response.status_code == 302

    def french(path):
        segment = StringSegment.objects.get(source=source, context__path=path)
        return StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=locales["fr"]
        )

    kept = french("title")
    assert kept.data == "Nos partenaires (revu)"
    assert kept.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    filled = french("introduction")
    assert filled.data == "[fr] Digital skills for everyone."
    assert filled.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert str(filled.tool_name) == "Offline translator"

    # Once every segment has a translation, there is nothing left for the machine.
    admin_client.post(url, {"next": "/admin/"})
    assert french("title").data == "Nos partenaires (revu)"

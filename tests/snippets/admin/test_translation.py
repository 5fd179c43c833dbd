"""Partners and vocabularies in wagtail-localize, as translators and officers meet them."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.snippets.models import Partner, PartnerContact, ThematicArea

from .records import make_partner, make_user, term


def translate(instance, language_code):
    """Submit `instance` for translation into a locale, as the Translate button does."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )
    translation.save_target(publish=True)
    return instance.get_translation(Locale.objects.get(language_code=language_code))


def list_url(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


@pytest.fixture
def who(db):
    partner = make_partner(
        "World Health Organization", acronym="WHO", internal_notes="Board approval pending"
    )
    PartnerContact.objects.create(partner=partner, name="Dr Ana Contact")
    return partner


def test_translation_editor_hides_internal_notes_from_translators(client, translator, who):
    french = translate(who, "fr")
    client.force_login(translator)
    response = client.get(reverse(Partner.snippet_viewset.get_url_name("edit"), args=[french.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "World Health Organization" in html  # the translation editor, with the name
    assert "Board approval pending" not in html
    assert "Dr Ana Contact" not in html


def test_internal_notes_follow_the_translation_for_officers(who):
    french = translate(who, "fr")
    assert french.internal_notes == "Board approval pending"


def test_listing_offers_translate_then_sync(client, officer, who):
    client.force_login(officer)
    html = client.get(list_url(Partner)).content.decode()
    submit = reverse(
        "wagtail_localize:submit_snippet_translation", args=["snippets", "partner", who.pk]
    )
    assert submit in html
    assert "Sync translated snippets" not in html

    translate(who, "fr")
    html = client.get(list_url(Partner)).content.decode()
    source = TranslationSource.objects.get()
    assert reverse("wagtail_localize:update_translations", args=[source.pk]) in html
    # Four of the six languages are still missing: Translate is still offered.
    assert submit in html


def test_listing_offers_no_translate_button_once_every_language_exists(client, officer, db):
    area = term(ThematicArea, "cybersecurity", "Cybersecurity")
    for code in ("fr", "es", "ru", "ar", "zh-hans"):
        area.copy_for_translation(Locale.objects.get(language_code=code)).save()
    client.force_login(officer)
    html = client.get(list_url(ThematicArea), {"locale": "en"}).content.decode()
    assert "Cybersecurity" in html
    assert (
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["snippets", "thematicarea", area.pk],
        )
        not in html
    )


def test_users_without_the_translation_right_get_no_translate_button(client, db, who):
    reader = make_user("reader")
    reader.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "view_partner"])
    )
    client.force_login(reader)
    response = client.get(list_url(Partner))
    assert response.status_code == 200
    assert "wagtail-localize-language" not in response.content.decode()

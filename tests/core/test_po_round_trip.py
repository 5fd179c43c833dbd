"""A translator exports a translation as a PO file, edits it offline and imports it back."""

import polib
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from cms.pages.factories import StandardPageFactory


def test_po_file_round_trip_updates_edited_strings_and_keeps_the_others(
    admin_client, home_page, locales
):
    page = StandardPageFactory(
        parent=home_page, title="Partners", introduction="Digital skills for everyone."
    )
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locales["es"])
    translation.save_target(publish=False)
    admin_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )

    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/x-gettext-translation"
    po = polib.pofile(response.content.decode())
    entries = {entry.msgctxt: entry for entry in po}
    assert entries["introduction"].msgstr == "[es] Digital skills for everyone."
    entries["introduction"].msgstr = "Competencias digitales para todos."

    upload = SimpleUploadedFile("page-es.po", str(po).encode(), "text/x-gettext-translation")
    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    def spanish(path):
        segment = StringSegment.objects.get(source=source, context__path=path)
        return StringTranslation.objects.get(
            translation_of=segment.string, context=segment.context, locale=locales["es"]
        ).data

    assert spanish("introduction") == "Competencias digitales para todos."
    # The title was known to the offline translator (a catalogue string): kept by the import.
    assert not entries["title"].msgstr.startswith("[es]")
    assert spanish("title") == entries["title"].msgstr

    translation.save_target(publish=True)
    spanish_page = page.get_translation(locales["es"]).specific
    assert spanish_page.introduction == "Competencias digitales para todos."
    assert spanish_page.title == entries["title"].msgstr

"""Rebuilding the whole translation status matrix at once (the demo loader, the
`refresh_translation_status` command) gives each object the same row and cells as its own
refresh after each change, and each cell agrees with wagtail-localize's own reading of the
translation (its progress, its unreviewed machine segments)."""

import pytest
from wagtail_localize.models import Translation

from cms.localization.models import TranslationCell, TranslationStatus
from cms.localization.review import unreviewed_machine_segments
from cms.localization.status import rebuild_status
from cms.pages.factories import StandardPageFactory
from cms.snippets.factories import PartnerFactory

from .workflow import committed, machine_translate, publish, review, submit, translation_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(client, superuser, home_page):
    """Objects in every state, in two languages, pages and snippets mixed."""
    client.force_login(superuser)
    with committed():
        done = StandardPageFactory(parent=home_page, title="Done page", introduction="Ready.")
        machine = StandardPageFactory(parent=home_page, title="Machine page", introduction="Hi.")
        started = StandardPageFactory(parent=home_page, title="Started page")
        stale = PartnerFactory(name="Stale partner", mandate="<p>Old mandate.</p>")
        StandardPageFactory(parent=home_page, title="Untouched page")
    for item in (done, stale):
        submit(client, item, "fr", "ar")
        for code in ("fr", "ar"):
            machine_translate(client, translation_of(item, code))
            review(client, translation_of(item, code))
            publish(client, translation_of(item, code))
    submit(client, machine, "fr")
    machine_translate(client, translation_of(machine, "fr"))
    submit(client, started, "fr", "ar")
    stale.mandate = "<p>New mandate.</p>"
    with committed():
        stale.save()


def _matrix():
    return {
        (status.content_type_id, str(status.translation_key)): (
            status.title,
            status.source_object_id,
            status.translation_source_id,
            {
                cell.locale.language_code: (cell.state, cell.percent, cell.object_id)
                for cell in status.cells.all()
            },
        )
        for status in TranslationStatus.objects.prefetch_related("cells__locale")
    }


def test_a_rebuild_gives_what_each_refresh_gave(varied):
    refreshed = _matrix()
    states = {cell[0] for _t, _o, _s, cells in refreshed.values() for cell in cells.values()}
    assert {"up_to_date", "machine", "in_progress", "outdated", "missing", "source"} <= states

    TranslationStatus.objects.all().delete()
    assert rebuild_status() == len(refreshed)
    assert _matrix() == refreshed


def test_each_cell_agrees_with_wagtail_localize(varied):
    rebuild_status()
    checked = 0
    for cell in TranslationCell.objects.select_related("status", "locale"):
        if cell.state not in ("up_to_date", "machine", "in_progress"):
            continue
        translation = Translation.objects.filter(
            source_id=cell.status.translation_source_id, target_locale=cell.locale
        ).first()
        if translation is None:
            continue
        total, done = translation.get_progress()
        assert cell.percent == (100 if total == 0 else done * 100 // total)
        assert (cell.state == "machine") == unreviewed_machine_segments(translation).exists()
        checked += 1
    assert checked >= 6

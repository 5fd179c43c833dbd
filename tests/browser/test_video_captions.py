"""In a real browser (issue 20, item 1): on the French page of an opportunity, its video
material plays in the browser's own player, its French captions are showing with a French
cue's text, and axe-core finds no serious problem on the page.

The video and its WebVTT captions are those the demo writes (cms/demo/material_files.py),
served by the documents' view from files on disk. The tests only read: the site is built once
for the module (`committed_for_module`)."""

import pytest
from django.core.files.base import ContentFile
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site

from cms.demo.material_files import webm_video, webvtt_captions
from cms.pages.factories_opportunities import (
    MaterialFactory,
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
)
from cms.snippets.models import Material, MaterialCaptionTrack
from tests.browser.module_data import committed_for_module

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]

CUES = {
    "en": ["Partners wanted.", "Read the brief on this page."],
    "fr": ["Nous cherchons des partenaires.", "Lisez la note sur cette page."],
    "es": ["Buscamos socios.", "Lea la nota en esta página."],
}


@pytest.fixture(scope="module")
def files_on_disk(tmp_path_factory):
    """Documents on disk for the module: the test settings' in-memory storage has no file
    path, which makes Wagtail's serve view answer 404."""
    with override_settings(
        MEDIA_ROOT=tmp_path_factory.mktemp("media"),
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


@pytest.fixture(scope="module")
def site_data(files_on_disk, django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_site)


def _document(name, data):
    return get_document_model().objects.create(
        title=name,
        file=ContentFile(data, name=name),
        collection=Collection.get_first_root_node(),
    )


def build_site():
    """The home page and an index in French; an opportunity with a captioned video (tracks in
    English, French and Spanish), its material and the page translated into French."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = OpportunityIndexPageFactory(parent=home)
    for page, title in ((home, "Accueil"), (index, "Opportunités")):
        copy = page.copy_for_translation(locales["fr"])
        copy.title = title
        copy.save_revision().publish()
    video = MaterialFactory(
        title="Partners wanted",
        kind=Material.Kind.VIDEO,
        document=_document("partners.webm", webm_video("partners")),
        transcript="Partners wanted. Read the brief on this page.",
    )
    for code, cues in CUES.items():
        MaterialCaptionTrack.objects.create(
            material=video,
            language=code,
            document=_document(f"partners-{code}.vtt", webvtt_captions(cues)),
        )
    french_video = video.copy_for_translation(locales["fr"])
    french_video.title = "Nous cherchons des partenaires"
    french_video.transcript = "Nous cherchons des partenaires. Lisez la note sur cette page."
    french_video.save()
    page = OpportunityPageFactory(parent=index, title="Rural broadband", materials=[video])
    french = page.copy_for_translation(locales["fr"])
    french.title = "Le haut débit rural"
    french.save_revision().publish()
    french.refresh_from_db()
    return {"french": french}


def test_the_video_plays_with_its_french_captions_showing(
    live_server, site_data, open_page, axe_violations
):
    page = open_page(live_server.url + site_data["french"].url, locale="fr-FR")
    video = page.locator(".materials video")
    assert video.get_attribute("controls") is not None

    # Browsers let a page start a video by script only when it is muted.
    video.evaluate("element => { element.muted = true; return element.play(); }")
    page.wait_for_function(
        "() => document.querySelector('.materials video').currentTime > 0.5", timeout=15_000
    )

    tracks = video.evaluate(
        "element => Array.from(element.textTracks).map(t => [t.language, t.label, t.mode])"
    )
    assert ["fr", "Français", "showing"] in tracks
    assert [mode for _language, _label, mode in tracks].count("showing") == 1
    page.wait_for_function(
        """() => {
            const track = Array.from(document.querySelector('.materials video').textTracks)
                .find(t => t.language === 'fr');
            return track && track.activeCues && track.activeCues.length > 0;
        }""",
        timeout=15_000,
    )
    cue = video.evaluate(
        """element => Array.from(element.textTracks).find(t => t.language === 'fr')
            .activeCues[0].text"""
    )
    assert cue in CUES["fr"]

    assert axe_violations(page) == []

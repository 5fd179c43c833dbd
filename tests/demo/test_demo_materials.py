"""The demo's communication material (issue 20, item 1): briefs, brochures, slide decks and
videos on several opportunities, small generated files whose content is what their extension
says, French and Spanish variants, videos captioned in the six languages with a transcript in
each, and the French page of an opportunity playing its French video with French captions on."""

from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings

from cms.core.uploads import as_file, check_upload
from cms.demo.material_kinds import material_plan
from cms.pages.models import OpportunityPage
from cms.snippets.models import Material

pytestmark = pytest.mark.django_db

#: The largest file the demo may write for a material (they are a few KB).
MAX_BYTES = 64 * 1024


def _opportunities_with(kind):
    """The English opportunity pages that show a material of `kind`."""
    return set(
        OpportunityPage.objects.filter(
            locale__language_code="en", materials__material__kind=kind
        ).values_list("slug", flat=True)
    )


def test_every_kind_of_material_is_on_several_opportunities(demo_data):
    counts = {kind: len(_opportunities_with(kind)) for kind in Material.DOCUMENT_KINDS}
    counts[Material.Kind.VIDEO] = len(_opportunities_with(Material.Kind.VIDEO))

    assert (
        counts[Material.Kind.BRIEF]
        == OpportunityPage.objects.filter(locale__language_code="en").count()
    )
    assert all(count >= 2 for count in counts.values()), counts


def test_each_kind_has_french_and_spanish_variants(demo_data):
    variants = Counter()
    for material in Material.objects.filter(locale__language_code="en").exclude(
        kind=Material.Kind.BRIEF
    ):
        for translation in Material.objects.filter(
            translation_key=material.translation_key, locale__language_code__in=["fr", "es"]
        ):
            if translation.document_id != material.document_id:
                variants[(material.kind, translation.locale.language_code)] += 1
    for kind in (Material.Kind.BROCHURE, Material.Kind.SLIDES, Material.Kind.VIDEO):
        assert variants[(kind, "fr")] >= 1, (kind, variants)
        assert variants[(kind, "es")] >= 1, (kind, variants)


def test_the_files_are_small_and_what_their_extension_says(demo_data):
    materials = Material.objects.exclude(kind=Material.Kind.BRIEF).select_related("document")
    documents = {material.document for material in materials}
    for material in Material.objects.filter(kind=Material.Kind.VIDEO, locale__language_code="en"):
        documents |= {track.document for track in material.caption_tracks.all()}
    extensions = Counter()
    for document in documents:
        with document.file.open("rb") as handle:
            data = handle.read()
        assert 0 < len(data) <= MAX_BYTES, (document.title, len(data))
        check_upload(as_file(data, document.file.name))  # raises if not
        extensions[document.file_extension] += 1
    assert {"pdf", "pptx", "webm", "vtt"} <= set(extensions), extensions


def test_videos_have_captions_in_the_six_languages_and_a_transcript_in_each(demo_data):
    videos = Material.objects.filter(kind=Material.Kind.VIDEO, locale__language_code="en")
    assert videos.count() == len(material_plan()["videos"])
    for video in videos:
        assert sorted(video.caption_tracks.values_list("language", flat=True)) == sorted(
            ["ar", "en", "es", "fr", "ru", "zh-hans"]
        )
        transcripts = dict(
            Material.objects.filter(translation_key=video.translation_key).values_list(
                "locale__language_code", "transcript"
            )
        )
        assert len(transcripts) == 6
        assert len(set(transcripts.values())) == 6, "a transcript is not translated"


@override_settings(PAGE_CACHE_ENABLED=False)
def test_the_french_page_plays_the_french_video_with_french_captions_on(demo_data, client):
    slug = next(slug for slug, variants in material_plan()["videos"].items() if "fr" in variants)
    english = OpportunityPage.objects.get(locale__language_code="en", slug=slug)
    page = OpportunityPage.objects.get(
        translation_key=english.translation_key, locale__language_code="fr"
    )
    source = english.materials.get(material__kind=Material.Kind.VIDEO).material
    video = source.get_translation(page.locale)
    assert video.document_id != source.document_id, "no French variant of the video"

    soup = BeautifulSoup(client.get(page.url).content, "html.parser")

    player = soup.select_one(".materials video")
    assert player.select_one("source")["src"] == video.document.url
    default = player.select("track[default]")
    assert [(track["srclang"], track["label"]) for track in default] == [("fr", "Français")]
    assert len(player.select("track")) == 6
    assert video.transcript in soup.select_one(".material-video details").get_text(" ")

"""An uploaded video on an opportunity page: played by the browser's own player, a caption
track per language labelled in the visitor's language with theirs on by default, the
transcript beside it, a French variant in place of the English file; its files served from
the documents' view (WebVTT as text/vtt), private where their collection is."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from cms.demo.material_files import webm_video, webvtt_captions
from cms.pages.factories_opportunities import (
    MaterialFactory,
    OpportunityIndexPageFactory,
    OpportunityPageFactory,
)
from cms.snippets.models import Material, MaterialCaptionTrack

from .html import parse
from .opportunity_data import translate_material

pytestmark = pytest.mark.django_db

CUES = {
    "en": ["Welcome.", "We are looking for partners."],
    "fr": ["Bienvenue.", "Nous cherchons des partenaires."],
    "ar": ["مرحبا.", "نبحث عن شركاء."],
}


@pytest.fixture(autouse=True)
def _without_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def files_on_disk(settings, tmp_path):
    """Documents are served from disk: the test settings' in-memory storage has no file path,
    which makes Wagtail's serve view answer 404."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


def document(name, data, collection=None):
    Document = get_document_model()
    return Document.objects.create(
        title=name,
        file=ContentFile(data, name=name),
        collection=collection or Collection.get_first_root_node(),
    )


def video_material(title="The project in six seconds", languages=("en", "fr", "ar"), **kwargs):
    """A video material with its WebM file and caption tracks in `languages`."""
    video = MaterialFactory(
        title=title,
        kind=Material.Kind.VIDEO,
        document=document("project.webm", webm_video("project")),
        transcript="A title card. Welcome. We are looking for partners.",
        **kwargs,
    )
    for code in languages:
        MaterialCaptionTrack.objects.create(
            material=video,
            language=code,
            document=document(f"captions-{code}.vtt", webvtt_captions(CUES[code])),
        )
    return video


@pytest.fixture
def site(home_page, translated_home, translate):
    index = OpportunityIndexPageFactory(parent=home_page)
    return {
        "index": index,
        "fr": translate(index, "fr", slug="opportunites"),
        "es": translate(index, "es", slug="oportunidades"),
    }


def player(soup):
    video = soup.select_one(".materials video")
    assert video is not None, "no video player on the page"
    return video


def tracks(video):
    return [
        (track["srclang"], track["label"], track.has_attr("default"))
        for track in video.select("track")
    ]


def test_the_french_page_plays_the_video_with_its_tracks_french_first_and_on(
    client, site, translate, locales
):
    video = video_material()
    translate_material(
        video,
        locales["fr"],
        title="Le projet en six secondes",
        transcript="Un carton de titre. Bienvenue. Nous cherchons des partenaires.",
    )
    page = OpportunityPageFactory(parent=site["index"], materials=[video])
    french = translate(page, "fr")

    soup = parse(client.get(french.url))

    element = player(soup)
    assert element.has_attr("controls")
    source = element.select_one("source")
    assert source["src"] == video.document.url
    assert source["type"] == "video/webm"
    assert tracks(element) == [
        ("fr", "Français", True),
        ("en", "Anglais", False),
        ("ar", "Arabe", False),
    ]
    assert all(track["kind"] == "captions" for track in element.select("track"))
    transcript = soup.select_one(".material-video details")
    assert transcript.summary.get_text(" ", strip=True).startswith("Transcription")
    assert "Nous cherchons des partenaires." in transcript.get_text(" ", strip=True)
    # Captioned in French: no note that the video is in English.
    assert soup.select_one(".material-video .material-note") is None


def test_the_english_page_names_the_tracks_in_english_with_english_on(client, site):
    page = OpportunityPageFactory(parent=site["index"], materials=[video_material()])

    element = player(parse(client.get(page.url)))

    assert tracks(element) == [
        ("en", "English", True),
        ("fr", "French", False),
        ("ar", "Arabic", False),
    ]


def test_without_captions_in_the_visitors_language_none_is_on_and_the_page_says_so(
    client, site, translate
):
    page = OpportunityPageFactory(parent=site["index"], materials=[video_material()])
    spanish = translate(page, "es")

    soup = parse(client.get(spanish.url))

    element = player(soup)
    assert [default for _code, _label, default in tracks(element)] == [False] * 3
    assert [label for _code, label, _default in tracks(element)] == ["Inglés", "Francés", "Árabe"]
    note = soup.select_one(".material-video .material-note")
    assert note is not None
    assert element.select_one("source")["src"] == page.materials.first().material.document.url


def test_a_french_variant_replaces_the_video_in_french_only(client, site, translate, locales):
    video = video_material()
    french_file = document("projet.webm", webm_video("project", "fr"))
    translate_material(video, locales["fr"], title="Le projet", document=french_file)
    page = OpportunityPageFactory(parent=site["index"], materials=[video])
    french = translate(page, "fr")

    french_player = player(parse(client.get(french.url)))
    english_player = player(parse(client.get(page.url)))

    assert french_player.select_one("source")["src"] == french_file.url
    assert english_player.select_one("source")["src"] == video.document.url
    # The tracks stay those of the material.
    assert [code for code, _label, _default in tracks(french_player)] == ["fr", "en", "ar"]


def test_the_caption_and_video_files_are_served_with_their_media_types(client, site, files_on_disk):
    video = video_material()
    track = video.caption_tracks.get(language="fr")

    captions = client.get(track.document.url)
    film = client.get(video.document.url)

    assert captions.status_code == 200
    assert captions["Content-Type"].startswith("text/vtt")
    assert b"".join(captions.streaming_content).decode().startswith("WEBVTT")
    assert film.status_code == 200
    assert film["Content-Type"] == "video/webm"


def test_files_of_a_restricted_collection_stay_private(client, site, files_on_disk):
    root = Collection.get_first_root_node()
    private = root.add_child(name="Embargoed media")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    vtt = document("private.vtt", webvtt_captions(CUES["en"]), collection=private)
    film = document("private.webm", webm_video("private"), collection=private)

    for url in (vtt.url, film.url):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("wagtailcore_login"))


def test_a_new_caption_track_shows_on_the_next_render(client, site, settings):
    settings.PAGE_CACHE_ENABLED = True
    video = video_material(languages=("en",))
    page = OpportunityPageFactory(parent=site["index"], materials=[video])
    assert [code for code, *_rest in tracks(player(parse(client.get(page.url))))] == ["en"]

    MaterialCaptionTrack.objects.create(
        material=video,
        language="fr",
        document=document("captions-fr.vtt", webvtt_captions(CUES["fr"])),
    )

    assert [code for code, *_rest in tracks(player(parse(client.get(page.url))))] == ["en", "fr"]


def _queries_without_shared_cache(client, url):
    """The queries of a render that builds the page's shared parts (its material) anew."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_do_not_grow_with_videos_and_tracks(client, site):
    one = OpportunityPageFactory(
        parent=site["index"], materials=[video_material(languages=("en",))]
    )
    three = OpportunityPageFactory(
        parent=site["index"],
        materials=[video_material(title=f"Video {number}") for number in range(3)],
    )

    assert _queries_without_shared_cache(client, three.url) == _queries_without_shared_cache(
        client, one.url
    )

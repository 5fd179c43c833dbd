"""Uploads of video material (issue 20, item 1): a WebVTT caption file is read through (its
header, every cue's timing) and refused with a message in the staff member's language that
names the line; a video must be an MP4 or WebM file, a caption track a .vtt; refused input
loses nothing the editor typed, and what is right is kept."""

import html

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from cms.core.webvtt import BAD_TIMING, ENDS_EARLY, NO_CUE, NO_HEADER, NOT_UTF8, parse_webvtt
from cms.demo.material_files import webm_video, webvtt_captions
from cms.snippets.models import Material

pytestmark = pytest.mark.django_db

GOOD_VTT = (
    "\ufeffWEBVTT - captions of the project video\n"
    "Kind: captions\n"
    "\n"
    "NOTE written by the communications team\n"
    "\n"
    "intro\n"
    "00:00.000 --> 00:02.500 line:90%\n"
    "Bienvenue.\n"
    "\n"
    "01:00:02.500 --> 01:00:04.000\n"
    "Nous cherchons\n"
    "des partenaires.\n"
).encode()


def test_a_well_formed_caption_file_is_read_cue_by_cue():
    cues = parse_webvtt(GOOD_VTT)

    assert [(cue.start, cue.end, cue.text) for cue in cues] == [
        (0.0, 2.5, "Bienvenue."),
        (3602.5, 3604.0, "Nous cherchons\ndes partenaires."),
    ]


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"1\n00:00.000 --> 00:01.000\nHello\n", "webvtt_header"),
        (b"WEBVTTX\n\n00:00.000 --> 00:01.000\nHello\n", "webvtt_header"),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nHé\n".encode("latin-1"), "webvtt_encoding"),
        (b"WEBVTT\n\n00:00,000 --> 00:01,000\nHello\n", "webvtt_timing"),
        (b"WEBVTT\n\nintro\nHello\n", "webvtt_timing"),
        (b"WEBVTT\n\n00:02.000 --> 00:01.000\nHello\n", "webvtt_order"),
        (b"WEBVTT\n\nNOTE nothing here\n", "webvtt_empty"),
    ],
)
def test_a_caption_file_a_browser_would_not_read_is_refused(data, code):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        parse_webvtt(data)
    assert refused.value.code == code


@pytest.fixture
def french_admin(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()
    return admin_client


def _in_french(message, **params):
    with translation.override("fr"):
        french = str(message) % params if params else str(message)
    with translation.override("en"):
        assert french != (str(message) % params if params else str(message))
    return french


@pytest.mark.parametrize(
    ("data", "message", "params"),
    [
        (b"Bienvenue.\n", NO_HEADER, {}),
        (b"WEBVTT\n\n0:00.000 --> 0:01.000\nBienvenue.\n", BAD_TIMING, {"line": 3}),
        (b"WEBVTT\n\n00:03.000 --> 00:01.000\nBienvenue.\n", ENDS_EARLY, {"line": 3}),
        (b"WEBVTT\n", NO_CUE, {}),
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nÉté\n".encode("latin-1"), NOT_UTF8, {}),
    ],
)
def test_the_documents_screen_refuses_a_bad_caption_file_in_french_and_keeps_the_title(
    french_admin, data, message, params
):
    if message is BAD_TIMING:
        params = {**params, "text": "0:00.000 --> 0:01.000"}

    response = french_admin.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Sous-titres de la vidéo",
            "file": SimpleUploadedFile("sous-titres.vtt", data),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    assert _in_french(message, **params) in content
    assert 'value="Sous-titres de la vidéo"' in content
    assert not get_document_model().objects.exists()


def test_the_documents_screen_keeps_a_good_caption_file_and_a_video(admin_client):
    root = Collection.get_first_root_node().pk
    for name, data in (("captions.vtt", GOOD_VTT), ("clip.webm", webm_video("clip"))):
        response = admin_client.post(
            reverse("wagtaildocs:add"),
            {"title": name, "file": SimpleUploadedFile(name, data), "collection": root},
        )
        assert response.status_code == 302, name

    assert sorted(get_document_model().objects.values_list("title", flat=True)) == [
        "captions.vtt",
        "clip.webm",
    ]


def test_a_web_page_named_webm_is_refused(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Clip",
            "file": SimpleUploadedFile("clip.webm", b"<html><script>alert(1)</script></html>"),
            "collection": Collection.get_first_root_node().pk,
        },
    )

    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def _document(name, data):
    return get_document_model().objects.create(
        title=name, file=ContentFile(data, name=name), collection=Collection.get_first_root_node()
    )


def _material_form(**fields):
    """The material form's fields, its caption tracks given as (language, document id)."""
    tracks = fields.pop("tracks", [])
    data = {
        "caption_tracks-TOTAL_FORMS": str(len(tracks)),
        "caption_tracks-INITIAL_FORMS": "0",
        "caption_tracks-MIN_NUM_FORMS": "0",
        "caption_tracks-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for number, (language, document) in enumerate(tracks):
        data[f"caption_tracks-{number}-language"] = language
        data[f"caption_tracks-{number}-document"] = str(document)
        data[f"caption_tracks-{number}-ORDER"] = str(number + 1)
    return data


def test_a_video_with_its_caption_tracks_is_saved_from_the_admin(admin_client, locales):
    video = _document("clip.webm", webm_video("clip"))
    english = _document("clip-en.vtt", webvtt_captions(["Welcome."]))
    french = _document("clip-fr.vtt", webvtt_captions(["Bienvenue."]))

    response = admin_client.post(
        reverse(Material.snippet_viewset.get_url_name("add")) + "?locale=en",
        _material_form(
            title="The project in six seconds",
            kind="video",
            document=video.pk,
            transcript="Welcome.",
            tracks=[("en", english.pk), ("fr", french.pk)],
        ),
    )

    assert response.status_code == 302
    material = Material.objects.get(title="The project in six seconds")
    assert material.document == video
    assert [(t.language, t.document) for t in material.caption_tracks.all()] == [
        ("en", english),
        ("fr", french),
    ]


def test_a_pdf_as_video_or_as_captions_is_refused_in_french_and_nothing_is_lost(
    french_admin, locales
):
    pdf = _document("brief.pdf", b"%PDF-1.4\n% brief\n")
    video = _document("clip.webm", webm_video("clip"))
    url = reverse(Material.snippet_viewset.get_url_name("add")) + "?locale=en"

    as_video = french_admin.post(
        url, _material_form(title="Vidéo du projet", kind="video", document=pdf.pk)
    )
    as_captions = french_admin.post(
        url,
        _material_form(
            title="Vidéo du projet",
            kind="video",
            document=video.pk,
            transcript="Bienvenue.",
            tracks=[("fr", pdf.pk)],
        ),
    )

    for response, message in (
        (as_video, "Une vidéo doit être un fichier MP4 ou WebM."),
        (as_captions, "Les sous-titres doivent être un fichier WebVTT (.vtt)."),
    ):
        assert response.status_code == 200
        content = html.unescape(response.content.decode())
        assert message in content
        assert 'value="Vidéo du projet"' in content
    assert "Bienvenue." in html.unescape(as_captions.content.decode())
    assert not Material.objects.exists()


def test_the_choosers_upload_tab_takes_a_video_file(admin_client, locales):
    url = reverse(Material.snippet_viewset.chooser_viewset.get_url_name("create"))

    response = admin_client.post(
        url,
        {
            "title": "The project in six seconds",
            "kind": "video",
            "file": SimpleUploadedFile("clip.webm", webm_video("clip")),
        },
    )
    refused = admin_client.post(
        url,
        {
            "title": "Not a video",
            "kind": "video",
            "file": SimpleUploadedFile("brief.pdf", b"%PDF-1.4\n% brief\n"),
        },
    )

    assert response.status_code == 200
    material = Material.objects.get(title="The project in six seconds")
    assert material.document.file.name.endswith(".webm")
    assert material.video_url == ""
    assert "MP4" in html.unescape(refused.content.decode())
    assert not Material.objects.filter(title="Not a video").exists()

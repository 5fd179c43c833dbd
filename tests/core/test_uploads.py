"""Uploads are kept only when their content is what their extension says (issue 16: a `.pdf`
holding `<html><script>` was accepted as a document), within the size limit, and the refusal
is in the staff member's language."""

import html
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from cms.core.uploads import MISMATCH, as_file, check_upload, content_matches

HTML = b"<html><script>fetch('/admin/').then(r => r.text())</script></html>"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def ooxml(part):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{part}/document.xml", "<x/>")
    return out.getvalue()


def opendocument(kind):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", "<x/>")
    return out.getvalue()


MATCHING = {
    "brief.pdf": PDF,
    "brief.docx": ooxml("word"),
    "figures.xlsx": ooxml("xl"),
    "deck.pptx": ooxml("ppt"),
    "brief.odt": opendocument("text"),
    "figures.ods": opendocument("spreadsheet"),
    "deck.odp": opendocument("presentation"),
    "list.csv": b"name,amount\nGSMA,12\n",
    "notes.txt": "Arabic: الشراكات\n".encode(),
    "photo.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 20,
    "photo.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 20,
    "clip.mp4": b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 20,
    "clip.webm": b"\x1a\x45\xdf\xa3" + b"\x00" * 20,
}


def _id(value):
    """Test ids by file name and size: the bytes of the ZIP files carry the time they were
    made, and pytest-xdist's workers must collect the same ids."""
    return value if isinstance(value, str) else f"{len(value)}-bytes"


@pytest.mark.parametrize(("name", "data"), MATCHING.items(), ids=_id)
def test_a_file_whose_content_matches_its_extension_is_accepted(name, data):
    assert content_matches(as_file(data, name))


@pytest.mark.parametrize(
    ("name", "data"),
    ids=_id,
    argvalues=[
        ("brief.pdf", HTML),
        ("brief.pdf", ooxml("word")),
        ("brief.docx", PDF),
        ("figures.xlsx", ooxml("word")),
        ("brief.docx", b"PK\x03\x04 not really a zip"),
        ("brief.odt", opendocument("spreadsheet")),
        ("notes.txt", HTML),
        ("list.csv", b"\n  <!DOCTYPE html><svg onload=alert(1)>"),
        ("list.csv", b"a,b\x00c"),
        ("photo.png", HTML),
        ("clip.mp4", HTML),
        ("page.html", HTML),
        ("noextension", PDF),
    ],
)
def test_a_file_whose_content_is_not_what_its_extension_says_is_refused(name, data):
    assert not content_matches(as_file(data, name))


def test_a_file_over_the_limit_is_refused():
    with pytest.raises(Exception, match="too big"):
        check_upload(as_file(PDF, "brief.pdf"), max_bytes=10)
    assert check_upload(as_file(PDF, "brief.pdf"), max_bytes=len(PDF))


def test_the_admin_refuses_a_pdf_that_is_a_web_page_in_the_staff_members_language(
    admin_client, admin_user
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "fr"
    profile.save()

    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Agreement", "file": SimpleUploadedFile("agreement.pdf", HTML), "collection": 1},
    )

    assert response.status_code == 200
    with translation.override("fr"):
        message = str(MISMATCH) % {"extension": "pdf"}
    with translation.override("en"):
        assert message != str(MISMATCH) % {"extension": "pdf"}
    assert message in html.unescape(response.content.decode())
    assert not get_document_model().objects.exists()


def test_the_admin_keeps_a_real_pdf(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Agreement", "file": SimpleUploadedFile("agreement.pdf", PDF), "collection": 1},
    )

    assert response.status_code == 302
    assert get_document_model().objects.get().title == "Agreement"


def test_the_multiple_uploader_refuses_it_too(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("agreement.pdf", HTML)},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert response.json()["success"] is False
    assert "extension" in response.json()["error_message"]
    assert not get_document_model().objects.exists()


@pytest.mark.parametrize("language", ["fr", "es", "ru", "ar", "zh-hans"])
def test_the_refusal_is_translated(language):
    with translation.override("en"):
        english = str(MISMATCH)
    with translation.override(language):
        assert str(MISMATCH) != english

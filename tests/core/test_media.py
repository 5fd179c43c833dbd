"""With DEBUG on (the demo), the development server serves uploaded images but never a
document or a private file, under any spelling of its path (issue 16 read a signed agreement
at /media//documents/<file> and /media/%2fdocuments/<file>, and an officer's import file at
/media/private/imports/...)."""

import importlib

import pytest
from django.urls import clear_url_caches

import cms.urls
from cms.core.media import is_private


@pytest.fixture
def debug_site(settings, tmp_path, db):
    """The project's URLs as the development server builds them, over a media folder with an
    image, a signed agreement and an import file."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\nimage")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "agreement.pdf").write_bytes(b"%PDF-1.7 confidential")
    (tmp_path / "private" / "imports" / "uploads").mkdir(parents=True)
    (tmp_path / "private" / "imports" / "uploads" / "import.bin").write_bytes(b"secret,rows")
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def test_an_uploaded_image_is_served(client, debug_site):
    response = client.get("/media/images/logo.png")

    assert response.status_code == 200
    assert b"".join(response.streaming_content).endswith(b"image")


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/agreement.pdf",
        "/media//documents/agreement.pdf",
        "/media///documents/agreement.pdf",
        "/media/%2fdocuments/agreement.pdf",
        "/media/%2Fdocuments/agreement.pdf",
        "/media/%252fdocuments/agreement.pdf",
        "/media/./documents/agreement.pdf",
        "/media/images/../documents/agreement.pdf",
        "/media/images/%2e%2e/documents/agreement.pdf",
        "/media/Documents/agreement.pdf",
        "/media/%5cdocuments/agreement.pdf",
        "/media/private/imports/uploads/import.bin",
        "/media/./private/imports/uploads/import.bin",
        "/media//private/imports/uploads/import.bin",
        "/media/%2fprivate/imports/uploads/import.bin",
        "/media/images/../../private/imports/uploads/import.bin",
    ],
)
def test_no_spelling_of_a_document_or_private_path_is_served(client, debug_site, path):
    response = client.get(path)

    assert response.status_code == 404
    content = b"".join(getattr(response, "streaming_content", [response.content]))
    assert b"confidential" not in content and b"secret" not in content


def test_a_symbolic_link_into_a_private_folder_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "documents").mkdir()
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "shortcut").symlink_to(tmp_path / "documents")

    assert is_private("images/shortcut/agreement.pdf")
    assert not is_private("images/logo.png")

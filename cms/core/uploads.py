"""What an uploaded file must be before the site keeps it: what its extension says it is.

Issue 16 saw a `.pdf` whose content was `<html><script>...` accepted as a document: served
back from the site's own address, such a file is a page that runs its script in the
visitor's session. So every upload (Wagtail's documents, the signed agreements and
communication material among them, and the import files) is read, and its first bytes must
carry the signature of the format its extension names: `%PDF-` for PDF, a ZIP holding
`word/`, `xl/` or `ppt/` for Office's formats, a ZIP whose `mimetype` names the format for
OpenDocument's, the old Office container for `.doc`/`.xls`/`.ppt`, the magic numbers of the
image and video formats. Text formats (CSV, TXT, WebVTT) have no signature: they must be text,
with no NUL byte, and not begin as HTML, SVG or XML markup. An extension outside the table is
refused. A WebVTT caption file is also read through (cms.core.webvtt): its header and every
cue's timing, which the browser's player would otherwise skip without a word.

A small signature table rather than a library: the formats the site accepts are few, each
check is a line, and the ZIP-based formats need their content read anyway, which the
libraries that only look at the first bytes do not do.

The size limit is Wagtail's WAGTAILDOCS_MAX_UPLOAD_SIZE for documents (checked by its own
field) and IMPORT_MAX_BYTES for imports (cms/imports/reader.py); `check_upload` also takes a
limit, for any other upload.
"""

import io
import os
import zipfile

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .webvtt import validate_webvtt

__all__ = [
    "CONTENT_CHECKS",
    "SIGNATURES",
    "DocumentForm",
    "as_file",
    "check_upload",
    "content_matches",
]

#: How many bytes are read to tell a format; a ZIP's directory is read from the whole file.
_HEAD = 4096


def _starts(*signatures):
    return lambda head, upload: head.startswith(signatures)


def _zip_with(*prefixes):
    """An Office Open XML file: a ZIP archive with the part of its application inside."""

    def check(head, upload):
        if not head.startswith(b"PK\x03\x04"):
            return False
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return False
        return "[Content_Types].xml" in names and any(name.startswith(prefixes) for name in names)

    return check


def _opendocument(mimetype):
    """An OpenDocument file: a ZIP archive whose first entry, `mimetype`, names the format."""
    expected = f"application/vnd.oasis.opendocument.{mimetype}".encode()
    return lambda head, upload: (
        head.startswith(b"PK\x03\x04") and head[30:38] == b"mimetype" and expected in head[:200]
    )


def _iso_media(*brands):
    """MP4 and QuickTime: an `ftyp` box at byte 4 (its brand varies with the encoder)."""
    return lambda head, upload: head[4:8] == b"ftyp" and (not brands or head[8:12] in brands)


_MARKUP = (b"<!doctype", b"<html", b"<head", b"<body", b"<script", b"<svg", b"<?xml", b"<iframe")


def _text(head, upload):
    """A text format: no NUL byte, and no markup that a browser could run as a page."""
    if b"\x00" in head:
        return False
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not start.startswith(_MARKUP)


_OLE = _starts(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")

#: Extension -> how its content starts.
SIGNATURES = {
    "pdf": _starts(b"%PDF-"),
    "docx": _zip_with("word/"),
    "xlsx": _zip_with("xl/"),
    "pptx": _zip_with("ppt/"),
    "odt": _opendocument("text"),
    "ods": _opendocument("spreadsheet"),
    "odp": _opendocument("presentation"),
    "doc": _OLE,
    "xls": _OLE,
    "ppt": _OLE,
    "csv": _text,
    "txt": _text,
    "gif": _starts(b"GIF87a", b"GIF89a"),
    "jpg": _starts(b"\xff\xd8\xff"),
    "jpeg": _starts(b"\xff\xd8\xff"),
    "png": _starts(b"\x89PNG\r\n\x1a\n"),
    "webp": lambda head, upload: head[:4] == b"RIFF" and head[8:12] == b"WEBP",
    "mp4": _iso_media(),
    "m4v": _iso_media(),
    "mov": _iso_media(b"qt  "),
    "webm": _starts(b"\x1a\x45\xdf\xa3"),
    "vtt": _text,
}

#: Extension -> a check of the whole content, once its start matches (raises ValidationError).
CONTENT_CHECKS = {"vtt": validate_webvtt}

MISMATCH = _(
    "The content of this file is not what its extension “.%(extension)s” says. Save it again "
    "in that format, or give it the extension of its real format."
)
TOO_BIG = _("This file is too big (%(size)s). The largest file accepted is %(limit)s.")


def _extension(name):
    return os.path.splitext(name or "")[1].lstrip(".").lower()


def content_matches(upload, name=None):
    """Whether the content of `upload` (a file object) is of the format its name's extension
    says. The file is read from its start and left at its start."""
    check = SIGNATURES.get(_extension(name or getattr(upload, "name", "")))
    if check is None:
        return False
    upload.seek(0)
    head = upload.read(_HEAD)
    upload.seek(0)
    if isinstance(head, str):
        head = head.encode()
    try:
        return bool(check(head, upload))
    finally:
        upload.seek(0)


def check_upload(upload, name=None, max_bytes=None):
    """Raise a ValidationError, in the active language, unless `upload` is within
    `max_bytes` and its content matches its extension."""
    size = getattr(upload, "size", None)
    if max_bytes is not None and size is not None and size > max_bytes:
        raise forms.ValidationError(
            TOO_BIG,
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
        )
    if not content_matches(upload, name):
        raise forms.ValidationError(
            MISMATCH,
            code="content_mismatch",
            params={"extension": _extension(name or getattr(upload, "name", ""))},
        )
    check = CONTENT_CHECKS.get(_extension(name or getattr(upload, "name", "")))
    if check is not None:
        check(upload)
    return upload


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), for one document or many at
    once: a new file is kept only when its content matches its extension (Wagtail's own field
    has checked the extension against WAGTAILDOCS_EXTENSIONS and the size against
    WAGTAILDOCS_MAX_UPLOAD_SIZE)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            check_upload(upload)
        return upload


def as_file(data, name):
    """Bytes as a named file object, for `check_upload` on content already read."""
    stream = io.BytesIO(data)
    stream.name = name
    stream.size = len(data)
    return stream

"""Uploaded files for the development server (DEBUG only), never a document or a private file.

Documents (signed agreements among them) are served by /documents/, which checks private
collections, and MEDIA_ROOT/private/ (import files waiting for their confirmation) is served
by nothing. Issue 16 found the development server's old pattern, a regular expression that
refused a path beginning with `documents/`, serving both to anyone under another spelling of
the same path: `/media//documents/<file>`, `/media/%2fdocuments/<file>` (Django decodes it to
the former), `/media/private/imports/...`. This view compares the path as the file system
will read it: decoded, backslashes as slashes, `.` and `..` and repeated slashes resolved,
without case, and then the real path of the file after symbolic links, so that no spelling
reaches those folders. Production serves media from the web server, which must likewise serve
only `images/` and `original_images/` (README).
"""

import posixpath
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.http import Http404
from django.views.static import serve

__all__ = ["PRIVATE_FOLDERS", "is_private", "serve_public_media"]

#: The folders of MEDIA_ROOT that only their own views may serve.
PRIVATE_FOLDERS = ("documents", "private")


def _normalised(path):
    """The path as the file system reads it, relative to MEDIA_ROOT; None for one that
    climbs out of it."""
    path = unquote(path).replace("\\", "/").replace("\x00", "")
    normal = posixpath.normpath("/" + path).lstrip("/")
    if normal in {"", "."}:
        return ""
    if normal == ".." or normal.startswith("../"):
        return None
    return normal


def is_private(path, root=None):
    """Whether `path` (under MEDIA_URL) leads, however it is written, into a private folder
    of MEDIA_ROOT, or out of MEDIA_ROOT."""
    normal = _normalised(path)
    if normal is None:
        return True
    first = normal.split("/", 1)[0].casefold()
    if first in PRIVATE_FOLDERS:
        return True
    root = Path(root or settings.MEDIA_ROOT).resolve()
    target = (root / normal).resolve()
    if target != root and root not in target.parents:
        return True
    return any(
        target == (root / folder).resolve() or (root / folder).resolve() in target.parents
        for folder in PRIVATE_FOLDERS
    )


def serve_public_media(request, path):
    """An uploaded image (or any file outside the private folders) from MEDIA_ROOT; 404 for a
    document or a private file, whatever the spelling of its path."""
    if is_private(path):
        raise Http404
    return serve(request, _normalised(path), document_root=settings.MEDIA_ROOT)

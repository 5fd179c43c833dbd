"""The middleware that answers anonymous requests from the shared cache, and the gzip
middleware that compresses only what carries no secret.

A request is looked up when the cache is on (PAGE_CACHE_ENABLED), it is a GET or HEAD and it
carries neither a session cookie (signed-in editors, and anyone with a session, always get a
fresh page, which is never stored) nor Django's messages cookie. The entry is found by
scheme, host, path and query string, and used only while the versions of its tags are still
current (one `get_many`). A response is stored when its view said it may be
(`mark_cacheable`: Wagtail's pages through the `before_serve_page` hook, other views through
`cacheable`), it is a 200 that sets no cookie, is not a preview, carries no
`Cache-Control: no-store/private/no-cache` and varies on nothing but the encoding, the
language and the cookies, and none of its tags changed while it was built.

Values that must differ per response (the Content-Security-Policy nonce, the signed moment a
public form was shown) are stored as markers and filled in again for each visitor
(`fragment`). A page with a form is therefore never given to shared caches (`private,
no-cache`: the browser revalidates with its ETag); other pages are `public, max-age=
PAGE_CACHE_MAX_AGE, s-maxage=PAGE_CACHE_S_MAXAGE`, for browsers and for a CDN purged by
cms.publishing.

A hit is answered compressed without compressing: gzip of a listing cost more than all the
rest of a hit (issue 17: cached pages at a fraction of the static-file rate). The entry
keeps its text compressed once, piece by piece between the per-response markers, each piece
on its own deflate stream ended on a byte boundary (`Z_SYNC_FLUSH`); a hit joins the pieces
with the response's values in stored (uncompressed) blocks, a final empty block and gzip's
header and trailer (the CRC-32 over the text as sent). The per-response values share no
compression context with the page, nor the page with any other request, so the compressed
length says nothing about a secret (BREACH), without Django's random padding.
"""

import hashlib
import struct
import time
import zlib
from functools import lru_cache, wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.regex_helper import _lazy_re_compile

from ..csp import is_admin_path
from .pages import mark_cacheable
from .versions import current, recorded_tags, store_allowed, versions, versions_read_once

__all__ = [
    "HIT_HEADER",
    "PageCacheMiddleware",
    "PublicGZipMiddleware",
    "cacheable",
    "fragment",
    "register_fragment",
]

#: Says whether the response came from the cache ("hit") or was built and stored ("miss").
HIT_HEADER = "X-Cache"
ENTRY_PREFIX = "pc:page:"
#: Response headers never stored: per response, or written by the middleware around.
_NOT_STORED = {
    "set-cookie",
    "date",
    "content-length",
    "cache-control",
    "etag",
    "expires",
    "last-modified",
    "content-security-policy",
    "content-security-policy-report-only",
    HIT_HEADER.lower(),
}
_VARY_ALLOWED = {"accept-encoding", "accept-language", "cookie"}
#: Fragments that change per response: name -> factory(request) -> str.
_FRAGMENTS = {"csp_nonce": lambda request: str(request.csp_nonce)}
#: Fragments a shared cache must not keep one copy of.
_PRIVATE_FRAGMENTS = set()


def _enabled():
    return getattr(settings, "PAGE_CACHE_ENABLED", False)


def register_fragment(name, factory, private=True):
    """A value that differs for each response (`factory(request)`); a page that shows one is
    kept with a marker in its place. `private`: its pages never go to a shared cache."""
    _FRAGMENTS[name] = factory
    if private:
        _PRIVATE_FRAGMENTS.add(name)


def fragment(request, name):
    """The value of the fragment `name` for this response, remembered so that the stored
    page carries a marker instead."""
    value = _FRAGMENTS[name](request)
    fragments = getattr(request, "_page_cache_fragments", None)
    if fragments is None:
        fragments = request._page_cache_fragments = {}
    fragments[name] = value
    return value


def _marker(name):
    # Derived from the secret key: page content cannot forge it.
    return _marker_for(settings.SECRET_KEY, name)


@lru_cache(maxsize=64)
def _marker_for(secret, name):
    digest = salted_hmac("cms.core.page_cache.marker", name, secret=secret).hexdigest()[:16]
    return f"pc-{digest}-{name}".encode()


#: Smaller pages are sent as they are (as Django's GZipMiddleware does).
_GZIP_MIN_LENGTH = 200
_ACCEPTS_GZIP = _lazy_re_compile(r"\bgzip\b")
#: gzip's header: deflate, no flags, no time, no extra flags, unknown system.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
#: The last deflate block: empty, fixed codes, marked final.
_DEFLATE_END = b"\x03\x00"
#: A stored block holds at most this many bytes.
_STORED_MAX = 0xFFFF


def _deflated(data):
    """`data` as deflate blocks of a stream of its own, ended on a byte boundary (not final),
    so that the blocks of other streams may follow."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


def _stored(data):
    """`data` as stored (uncompressed) deflate blocks."""
    blocks = []
    for start in range(0, len(data), _STORED_MAX):
        chunk = data[start : start + _STORED_MAX]
        blocks.append(b"\x00" + struct.pack("<HH", len(chunk), len(chunk) ^ 0xFFFF) + chunk)
    return b"".join(blocks)


def _gzip_parts(content, names):
    """The entry's text cut at the markers of `names`: a list of (text, its deflate blocks)
    for the fixed parts and of fragment names in between, in order."""
    parts = [content]
    for name in names:
        marker = _marker(name)
        cut = []
        for part in parts:
            if isinstance(part, str):
                cut.append(part)
                continue
            pieces = part.split(marker)
            for index, piece in enumerate(pieces):
                if index:
                    cut.append(name)
                cut.append(piece)
        parts = cut
    return [part if isinstance(part, str) else (part, _deflated(part)) for part in parts if part]


def _gzip_body(parts, values):
    """A gzip body from the parts of `_gzip_parts` and the values of the fragments."""
    blocks, crc, length = [_GZIP_HEADER], 0, 0
    for part in parts:
        if isinstance(part, str):
            text = values[part]
            blocks.append(_stored(text))
        else:
            text, deflated = part
            blocks.append(deflated)
        crc = zlib.crc32(text, crc)
        length += len(text)
    blocks.append(_DEFLATE_END)
    blocks.append(struct.pack("<II", crc & 0xFFFFFFFF, length & 0xFFFFFFFF))
    return b"".join(blocks)


def cacheable(*tags, when=None):
    """Decorate a public view whose GET answers may be kept for anonymous visitors, depending
    on `tags`; `when(request)` may refuse some (a search with a query)."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if when is None or when(request):
                mark_cacheable(request, *tags)
            return view(request, *args, **kwargs)

        return wrapper

    return decorate


def _has_private_cookie(request):
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _candidate(request):
    return (
        _enabled()
        and request.method in ("GET", "HEAD")
        and not _has_private_cookie(request)
        and not is_admin_path(request.path_info)
    )


def _key(request):
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return ENTRY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _storable(request, response):
    if not getattr(request, "_page_cache_cacheable", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    control = response.get("Cache-Control", "").lower()
    if any(word in control for word in ("no-store", "private", "no-cache")):
        return False
    vary = {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}
    return vary <= _VARY_ALLOWED


def _cache_control(fragments):
    if set(fragments) & _PRIVATE_FRAGMENTS:
        return "private, no-cache"
    max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 60)
    s_maxage = getattr(settings, "PAGE_CACHE_S_MAXAGE", 300)
    return f"public, max-age={max_age}, s-maxage={s_maxage}"


class PageCacheMiddleware:
    """Serve anonymous GETs of cacheable views from the shared cache (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Each tag's version read once per request, whatever the number of values that
        # depend on it (see versions_read_once).
        with versions_read_once():
            return self._answer(request)

    def _answer(self, request):
        if not _candidate(request):
            return self.get_response(request)
        key = _key(request)
        entry = cache.get(key)
        if entry is not None and current(entry["versions"]):
            return self._respond(request, entry, hit=True)
        started = time.time_ns()
        response = self.get_response(request)
        if not _storable(request, response):
            return response
        entry = self._entry(request, response)
        tag_versions = versions(recorded_tags(request))
        entry["versions"] = tag_versions
        if store_allowed(tag_versions, started):
            timeout = getattr(settings, "PAGE_CACHE_TIMEOUT", 24 * 60 * 60)
            cache.set(key, entry, timeout)
        return self._finish(request, response, entry, hit=False)

    def _entry(self, request, response):
        content = response.content
        fragments = dict(getattr(request, "_page_cache_fragments", {}))
        nonce = getattr(request, "_csp_nonce", None)
        if isinstance(nonce, str):
            fragments["csp_nonce"] = nonce
        for name, value in fragments.items():
            content = content.replace(str(value).encode(), _marker(name))
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in _NOT_STORED
        ]
        etag = hashlib.md5(  # noqa: S324 (a fingerprint, not a secret)
            content + repr(headers).encode(), usedforsecurity=False
        ).hexdigest()
        compressible = len(content) >= _GZIP_MIN_LENGTH and not response.has_header(
            "Content-Encoding"
        )
        return {
            "content": content,
            "headers": headers,
            "fragments": sorted(fragments),
            "etag": f'W/"{etag}"',
            "gzip": _gzip_parts(content, sorted(fragments)) if compressible else None,
        }

    def _finish(self, request, response, entry, hit):
        response["Cache-Control"] = _cache_control(entry["fragments"])
        response["ETag"] = entry["etag"]
        response[HIT_HEADER] = "hit" if hit else "miss"
        patch_vary_headers(response, ("Accept-Encoding",))
        conditional = get_conditional_response(request, etag=entry["etag"], response=response)
        return conditional

    def _respond(self, request, entry, hit):
        values = {
            name: str(_FRAGMENTS[name](request)).encode()
            for name in entry["fragments"]
            if name in _FRAGMENTS
        }
        parts = entry.get("gzip")
        gzipped = (
            parts is not None
            and len(values) == len(entry["fragments"])
            and _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        )
        if gzipped:
            content = _gzip_body(parts, values)
        else:
            content = entry["content"]
            for name, value in values.items():
                content = content.replace(_marker(name), value)
        response = HttpResponse(content)
        for name, value in entry["headers"]:
            response[name] = value
        if gzipped:
            response["Content-Encoding"] = "gzip"
        response["Content-Length"] = str(len(content))
        return self._finish(request, response, entry, hit=hit)


class PublicGZipMiddleware(GZipMiddleware):
    """Django's gzip (with its BREACH padding) for responses that carry no secret: not the
    admin, not a request with a session (its pages may carry a CSRF token), not a response
    that sets a cookie (a new CSRF token). Public pages carry no token (cms.core.public_forms)."""

    def process_response(self, request, response):
        if is_admin_path(request.path_info) or _has_private_cookie(request) or response.cookies:
            return response
        return super().process_response(request, response)

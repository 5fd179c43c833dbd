"""Cross-site request forgery on the public forms, without a per-visitor token.

The public forms (expression of interest, registration, sponsorship application) sit on
pages served from the shared cache (cms.core.page_cache), which cannot carry one visitor's
CSRF token. An anonymous POST to a page is accepted only when the browser says it comes from
the site itself: its `Origin` header is the site's own (or one of CSRF_TRUSTED_ORIGINS);
without `Origin`, `Sec-Fetch-Site` is "same-origin" (or "none": typed by the user); without
either, the `Referer` is on the site (the site's referrer policy, same-origin, sends it).
Every browser of the last years sends `Origin` with a form's POST, with or without
JavaScript. Software that posts directly is then left to the other guards (honeypot, fill
time, rate limits). A signed-in visitor's POST still goes through Django's full CSRF check,
with the token their (never cached) page carries.
"""

from urllib.parse import urlsplit

from django.conf import settings

__all__ = ["same_origin"]


def _own_origins(request):
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def same_origin(request):
    """Whether the browser says this request was sent by a page of the site."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return origin in _own_origins(request)
    fetch_site = request.META.get("HTTP_SEC_FETCH_SITE")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    referer = request.META.get("HTTP_REFERER")
    if referer:
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" in _own_origins(request)
    return False

"""The Content-Security-Policy of every response: strict for the public site, wider for the
Wagtail admin, whose screens still carry inline scripts and styles of their own.

Why two policies: a visitor's page runs only the project's own files (and the JSON-LD block,
which carries the request's nonce), so an injected `<script>` or `onclick=` in a partner's
name or a page body does nothing. Wagtail's admin cannot run under that policy; it gets the
widest policy it needs, measured in Chromium (tests/browser/test_csp_in_browser.py), and is
reached only by signed-in staff. No page may be framed by another site (`frame-ancestors
'none'`), except Wagtail's previews, which the editor shows in a frame of its own origin.

django-csp (4.x) writes the header; `SitePolicyMiddleware` only chooses which policy applies.
"""

from csp.constants import HEADER, NONCE, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

__all__ = [
    "ADMIN_DIRECTIVES",
    "EMBED_SOURCES",
    "PUBLIC_DIRECTIVES",
    "SitePolicyMiddleware",
    "is_admin_path",
    "is_preview_path",
]

#: Where the videos of video blocks and communication material are played from (Wagtail's
#: embeds: YouTube and Vimeo), in frames of the public pages and of the admin's previews.
EMBED_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]

#: The public site: the project's own scripts, styles, fonts and images; JSON-LD by nonce.
PUBLIC_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, NONCE],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "media-src": [SELF],
    "frame-src": [SELF, *EMBED_SOURCES],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}

#: The Wagtail admin: its inline scripts and styles, image previews of uploads (blob:),
#: embeds in rich text and previews in its own frames.
ADMIN_DIRECTIVES = {
    "default-src": [SELF],
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "media-src": [SELF, "blob:"],
    "frame-src": [SELF, *EMBED_SOURCES],
    "worker-src": [SELF, "blob:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}


def _admin_prefix():
    return getattr(settings, "CSP_ADMIN_PATH_PREFIX", "/admin/")


def is_admin_path(path):
    """Whether an address belongs to the Wagtail admin."""
    return path.startswith(_admin_prefix())


def is_preview_path(path):
    """Whether an address is one of Wagtail's previews (pages, snippets, workflow tasks),
    which the editor shows in a frame of the admin."""
    return is_admin_path(path) and "/preview/" in path


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under the admin's address and
    same-origin framing for previews. A view's own `csp_override`/`csp_update` still wins."""

    def process_response(self, request, response):
        if is_preview_path(request.path_info) and HEADER in response:
            # Wagtail renders a preview by running a fake request for the page's public
            # address through the whole middleware stack, which already wrote the public
            # policy (and the nonce its JSON-LD carries); only the framing changes.
            directives = [part.strip() for part in response[HEADER].split(";")]
            response[HEADER] = "; ".join(
                "frame-ancestors 'self'" if part.startswith("frame-ancestors") else part
                for part in directives
            )
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        path = request.path_info
        if parts.config is None and is_admin_path(path) and not is_preview_path(path):
            parts = PolicyParts(
                config=dict(settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]),
                update=parts.update,
                replace=parts.replace,
                nonce=parts.nonce,
            )
        if is_preview_path(path):
            # A preview renders the public page, under the public policy, inside the editor.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts

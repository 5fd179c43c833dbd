"""How every e-mail of the product is written: in the reader's language and direction (right to
left in Arabic), as plain text and HTML from three templates, with a one-line subject, absolute
links and the headers of automatic mail. Features render their e-mails with `render` and hand
the result to the outbox (`cms.core.outbox.write`), which keeps it until the mail server
accepts it.
"""

import re
from dataclasses import dataclass, field

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

__all__ = ["AUTOMATIC", "Email", "absolute", "one_line", "page_in", "render", "render_email"]

# RFC 3834: automatic messages, to which autoresponders must not answer.
AUTOMATIC = {"Auto-Submitted": "auto-generated"}


@dataclass
class Email:
    """An e-mail as its reader will get it, before it is queued."""

    recipient: str
    language: str
    subject: str
    text: str
    html: str = ""
    reply_to: list = field(default_factory=list)
    headers: dict = field(default_factory=dict)


def one_line(subject):
    """A rendered subject template as one line: the template's own spaces and line breaks are
    collapsed, not the no-break spaces of a translation (French puts one before a colon)."""
    return re.sub(r"[ \t\r\n]+", " ", subject).strip()


def absolute(url):
    """An address of the site as a link in an e-mail (relative ones get the site's base)."""
    if url and url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url or ""


def page_in(page, language_code):
    """The live version of `page` in a language, or `page` itself (the reader then gets the
    page in the language it was written in)."""
    if page.locale.language_code == language_code:
        return page
    translated = page.get_translations().live().filter(locale__language_code=language_code)
    translated = translated.first()
    return translated.specific if translated else page


def render_email(template, context, language_code, html=True):
    """(subject, text, html) of an e-mail in a language, from the templates
    `<template>_subject.txt`, `<template>.txt` and `<template>.html` (no HTML when `html` is
    false); their context also has the language's code and direction and the site's name."""
    with translation.override(language_code):
        info = translation.get_language_info(language_code)
        context = {
            **context,
            "language_code": language_code,
            "direction": "rtl" if info["bidi"] else "ltr",
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
        subject = render_to_string(f"{template}_subject.txt", context)
        text = render_to_string(f"{template}.txt", context)
        body = render_to_string(f"{template}.html", context) if html else ""
    # A subject is one line: header injection is impossible and long titles stay readable.
    return one_line(subject), text, body


def render(template, context, *, to, language, reply_to=(), headers=None, html=True):
    """The Email of `template` for one recipient, in `language`, marked as automatic mail."""
    subject, text, body = render_email(template, context, language, html=html)
    return Email(
        recipient=to,
        language=language,
        subject=subject,
        text=text,
        html=body,
        reply_to=[address for address in reply_to if address],
        headers={**AUTOMATIC, "Content-Language": language, **(headers or {})},
    )

"""The two e-mails of an expression of interest: the notification to the opportunity's contact
and the confirmation to its sender, each in plain text and HTML, in the reader's language."""

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from cms.core import languages

__all__ = [
    "admin_url",
    "confirmation_message",
    "contact_language",
    "contact_message",
    "one_line",
    "page_in",
    "render_email",
]

# RFC 3834: automatic messages, to which autoresponders must not answer.
AUTOMATIC = {"Auto-Submitted": "auto-generated"}


def one_line(subject):
    """A rendered subject template as one line: the template's own spaces and line breaks are
    collapsed, not the no-break spaces of a translation (French puts one before a colon)."""
    return re.sub(r"[ \t\r\n]+", " ", subject).strip()


def _absolute(url):
    if url and url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url or ""


def admin_url(submission):
    """The address of the submission in the Wagtail admin (read-only view)."""
    from .viewsets import expression_of_interest_viewset

    name = expression_of_interest_viewset.get_url_name("inspect")
    return _absolute(reverse(name, args=[submission.pk]))


def contact_language(page):
    """The language in which to write to an opportunity's contact: that of the page the
    opportunity was written in (the source of its translations), English by default."""
    from wagtail_localize.models import TranslationSource

    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .select_related("locale")
        .order_by("created_at")
        .first()
    )
    if source is not None:
        return source.locale.language_code
    # Pages translated without wagtail-localize's workflow have no recorded source: the
    # oldest page of the group is the original.
    original = (
        Page.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("pk")
        .first()
    )
    if original is not None and languages.is_site_language(original.locale.language_code):
        return original.locale.language_code
    return languages.SOURCE


def page_in(page, language_code):
    """The live version of `page` in a language, or `page` itself."""
    if page.locale.language_code == language_code:
        return page
    translation_ = (
        page.get_translations().live().filter(locale__language_code=language_code).first()
    )
    return translation_.specific if translation_ else page


def render_email(template, context, language_code):
    """(subject, text, html) of an e-mail in a language, from the templates
    `<template>_subject.txt`, `<template>.txt` and `<template>.html`; their context also has
    the language's code and direction (right to left in Arabic) and the site's name."""
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
        html = render_to_string(f"{template}.html", context)
    # A subject is one line: header injection is impossible and long titles stay readable.
    return one_line(subject), text, html


def _render(template, context, language_code):
    return render_email(f"interest/email/{template}", context, language_code)


def _message(subject, text, html, language_code, to, reply_to):
    message = EmailMultiAlternatives(
        subject,
        text,
        to=to,
        reply_to=reply_to,
        headers={**AUTOMATIC, "Content-Language": language_code},
    )
    message.attach_alternative(html, "text/html")
    return message


def contact_message(submission):
    """The notification to the opportunity's contact, in the contact's language; replying to
    it answers the sender."""
    page = submission.page.specific
    language_code = contact_language(page)
    context = {
        "submission": submission,
        "page": page_in(page, language_code),
        "sent_from": page,
        "page_url": _absolute(page.get_url()),
        "admin_url": admin_url(submission),
    }
    subject, text, html = _render("contact", context, language_code)
    return _message(subject, text, html, language_code, [page.contact_email], [submission.email])


def confirmation_message(submission):
    """The confirmation to the sender, in the language of the page it was sent from.

    It repeats none of the text the sender typed: the form could otherwise be used to send
    anyone an e-mail with any content under the site's name.
    """
    page = submission.page.specific
    language_code = submission.locale.language_code
    context = {"submission": submission, "page": page, "page_url": _absolute(page.get_url())}
    subject, text, html = _render("confirmation", context, language_code)
    return _message(subject, text, html, language_code, [submission.email], [page.contact_email])

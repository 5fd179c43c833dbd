"""The e-mails of an expression of interest: the notification to the opportunity's contact,
the confirmation to its sender and, at each change of its status, a note to the sender; each in
plain text and HTML, in the reader's language. Those to the sender carry the signed link to the
page of its status (links.py).

The first two are written to the outbox (`cms.core.outbox`) in the transaction that stores the
submission, each its own row, so that a failure to reach one address never holds back the
other; the submission is their cause, and deleting it deletes them.
"""

from django.urls import reverse
from wagtail.models import Page

from cms.core import languages, outbox
from cms.core.emails import absolute, page_in, render

from . import links

__all__ = [
    "CONFIRMATION",
    "CONTACT",
    "STATUS_CHANGED",
    "admin_url",
    "confirmation_email",
    "contact_email",
    "contact_language",
    "queue",
    "status_email",
]

CONTACT = "interest.contact"
CONFIRMATION = "interest.confirmation"
STATUS_CHANGED = "interest.status"

#: The admin's read-only view of a submission (ExpressionOfInterestViewSet, named
#: "expressions_of_interest"): the e-mail links there without importing the admin.
ADMIN_INSPECT = "expressions_of_interest:inspect"


def admin_url(submission):
    """The address of the submission in the Wagtail admin (read-only view)."""
    return absolute(reverse(ADMIN_INSPECT, args=[submission.pk]))


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


def contact_email(submission):
    """The notification to the opportunity's contact, in the contact's language; replying to
    it answers the sender."""
    page = submission.page.specific
    language_code = contact_language(page)
    context = {
        "submission": submission,
        "page": page_in(page, language_code),
        "sent_from": page,
        "page_url": absolute(page.get_url()),
        "admin_url": admin_url(submission),
    }
    return render(
        "interest/email/contact",
        context,
        to=page.contact_email,
        language=language_code,
        reply_to=[submission.email],
    )


def confirmation_email(submission):
    """The confirmation to the sender, in the language of the page it was sent from.

    It repeats none of the text the sender typed: the form could otherwise be used to send
    anyone an e-mail with any content under the site's name.
    """
    page = submission.page.specific
    context = {"page": page, "page_url": absolute(page.get_url())}
    return _to_sender(submission, "interest/email/confirmation", context, page)


def status_email(submission, change):
    """The note to the sender that their expression of interest has a new status, in the
    language they sent it in, with the signed link to its page (a fresh one, valid from now)."""
    page = submission.page.specific if submission.page_id else None
    language_code = submission.locale.language_code
    context = {
        "change": change,
        "title": page_in(page, language_code).title if page else submission.page_title,
    }
    return _to_sender(submission, "interest/email/status", context, page)


def _to_sender(submission, template, context, page):
    """An e-mail to the sender in the language they sent it in, with the signed link to its
    status page (a fresh one, valid from now); replying answers the opportunity's contact."""
    context = {
        "submission": submission,
        "status_url": links.url(submission),
        "link_days": links.link_days(),
        **context,
    }
    return render(
        template,
        context,
        to=submission.email,
        language=submission.locale.language_code,
        reply_to=[page.contact_email] if page else [],
    )


def queue(submission):
    """Write both e-mails of a new submission to the outbox, in the caller's transaction."""
    for kind, email in (
        (CONTACT, contact_email(submission)),
        (CONFIRMATION, confirmation_email(submission)),
    ):
        outbox.write(kind, email, cause=submission)

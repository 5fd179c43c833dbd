"""The e-mails to subscribers, in plain text and HTML, in the subscriber's language (right to
left in Arabic), each an outbox row (`cms.core.outbox`) whose cause is the subscriber.

They are rendered when they are written, except an alert that waits for translators
(ALERTS_TRANSLATION_WAIT_MINUTES): it is written at the opportunity's first publication and
rendered when the wait is over, so that it shows the opportunity in the subscriber's language
if it exists in it by then, otherwise in English with a note. When a row is due, one that no
longer has a reason (the subscriber left, the confirmation was already used) is not sent.
"""

import uuid

from django.utils.translation import gettext_lazy as _

from cms.core import outbox
from cms.core.emails import absolute, page_in, render
from cms.core.formats import format_date

from . import links
from .models import Match, Reminder, Subscriber

__all__ = [
    "ALERT",
    "CONFIRMATION",
    "DIGEST",
    "KINDS",
    "MANAGE_LINK",
    "REMINDER",
    "email_for",
    "queue",
]

CONFIRMATION = "alerts.confirmation"
MANAGE_LINK = "alerts.manage_link"
ALERT = "alerts.alert"
DIGEST = "alerts.digest"
REMINDER = "alerts.reminder"

KINDS = {
    CONFIRMATION: _("Confirmation request"),
    MANAGE_LINK: _("Link to manage the subscription"),
    ALERT: _("New opportunity"),
    DIGEST: _("Weekly digest"),
    REMINDER: _("Deadline reminder"),
}
#: The e-mails that a subscriber's choices call for: one-click unsubscription in the header.
LIST_MAIL = {ALERT, DIGEST, REMINDER}


def _opportunity(page, language):
    """The opportunity as the subscriber reads it: its page in their language, else English."""
    shown = page_in(page, language)
    return {
        "page": shown,
        "url": absolute(shown.get_url() or ""),
        "translated": shown.locale.language_code == language,
    }


def email_for(subscriber, kind, pages=()):
    """The e-mail of `kind` to a subscriber (alerts and digests: about these opportunities,
    the live ones), or None when there is nothing to say."""
    language = subscriber.language
    context = {
        "subscriber": subscriber,
        "manage_url": links.url(subscriber, "manage"),
        "unsubscribe_url": links.url(subscriber, "unsubscribe"),
    }
    if kind == CONFIRMATION:
        context["confirm_url"] = links.url(subscriber, "confirm")
        # The e-mail counts the link's life in days (48 hours: 2 days).
        context["days"] = max(1, -(-links.confirmation_hours() // 24))
    opportunities = [_opportunity(page, language) for page in pages if page.live]
    if kind in (ALERT, REMINDER):
        if not opportunities:
            return None
        context["opportunity"] = opportunities[0]
    if kind == REMINDER:
        context["deadline"] = format_date(opportunities[0]["page"].deadline, language)
    if kind == DIGEST:
        if not opportunities:
            return None
        context["opportunities"] = opportunities
    headers = {}
    if kind in LIST_MAIL:
        # RFC 2369 and RFC 8058: mail clients offer a one-click "unsubscribe" button.
        headers["List-Unsubscribe"] = f"<{links.one_click_url(subscriber)}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    name = kind.removeprefix("alerts.")
    return render(
        f"alerts/email/{name}", context, to=subscriber.email, language=language, headers=headers
    )


def queue(subscriber, kind, key=None, pages=(), delay=None):
    """Write the e-mail of `kind` to a subscriber in the outbox (in the caller's transaction);
    one with a `delay` is rendered when it is due."""
    email = None if delay else email_for(subscriber, kind, pages)
    return outbox.write(
        kind,
        email,
        cause=subscriber,
        key=key or uuid.uuid4().hex,
        delay=delay,
        recipient=subscriber.email,
        language=subscriber.language,
    )


def _subscriber(row):
    return Subscriber.objects.filter(pk=row.cause_id).first()


def wanted(row):
    """Whether a due e-mail still has a reason: a confirmation request while the registration
    waits for it, alerts and digests while the subscription is confirmed."""
    subscriber = _subscriber(row)
    if subscriber is None:
        return False
    if row.kind == CONFIRMATION:
        return subscriber.status == Subscriber.Status.PENDING
    if row.kind in LIST_MAIL:
        return subscriber.is_confirmed
    return True


def compose(row):
    """Render a row written before its content (an alert after the translators' wait)."""
    subscriber = _subscriber(row)
    if subscriber is None:
        return None
    if row.kind == REMINDER:
        pages = [r.page for r in Reminder.objects.filter(email=row).select_related("page")]
        return email_for(subscriber, row.kind, pages)
    matches = Match.objects.filter(email=row).select_related("page").order_by("matched_at", "pk")
    return email_for(subscriber, row.kind, [match.page for match in matches])


def register_kinds():
    """Declare the subscribers' e-mails to the outbox (apps.py)."""
    for kind, label in KINDS.items():
        outbox.register(kind, label, wanted=wanted, compose=compose)

"""The e-mails to subscribers, in plain text and HTML, in the subscriber's language (right to
left in Arabic), built when they are sent: an alert shows the opportunity in the subscriber's
language if it exists in it by then, otherwise in English with a note."""

from django.core.mail import EmailMultiAlternatives

from cms.interest.emails import AUTOMATIC, page_in, render_email

from . import links
from .models import Delivery, Match, Subscriber

__all__ = ["build_message"]


def _render(name, context, language):
    return render_email(f"alerts/email/{name}", context, language)


def _opportunity(page, language):
    """The opportunity as the subscriber reads it: its page in their language, else English."""
    shown = page_in(page, language)
    return {
        "page": shown,
        "url": links.absolute(shown.get_url() or ""),
        "translated": shown.locale.language_code == language,
    }


def _message(delivery, name, context, list_mail=False):
    subscriber = delivery.subscriber
    language = subscriber.language
    context = {
        **context,
        "subscriber": subscriber,
        "manage_url": links.url(subscriber, "manage"),
        "unsubscribe_url": links.url(subscriber, "unsubscribe"),
    }
    subject, text, html = _render(name, context, language)
    headers = {**AUTOMATIC, "Content-Language": language}
    if list_mail:
        # RFC 2369 and RFC 8058: mail clients offer a one-click "unsubscribe" button.
        headers["List-Unsubscribe"] = f"<{links.one_click_url(subscriber)}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    message = EmailMultiAlternatives(subject, text, to=[subscriber.email], headers=headers)
    message.attach_alternative(html, "text/html")
    return message


def build_message(delivery):
    """The e-mail of a Delivery, or None when it has nothing to say any more."""
    subscriber = delivery.subscriber
    kind = delivery.kind
    if kind == Delivery.Kind.CONFIRMATION:
        if subscriber.status != Subscriber.Status.PENDING:
            return None
        context = {
            "confirm_url": links.url(subscriber, "confirm"),
            "days": links.unconfirmed_days(),
        }
        return _message(delivery, "confirmation", context)
    if kind == Delivery.Kind.MANAGE_LINK:
        return _message(delivery, "manage_link", {})
    if not subscriber.is_confirmed:
        return None
    if kind == Delivery.Kind.ALERT:
        if delivery.page is None or not delivery.page.live:
            return None
        context = {"opportunity": _opportunity(delivery.page, subscriber.language)}
        return _message(delivery, "alert", context, list_mail=True)
    pages = [
        match.page
        for match in Match.objects.filter(delivery=delivery, page__live=True)
        .select_related("page")
        .order_by("matched_at", "pk")
    ]
    if not pages:
        return None
    context = {"opportunities": [_opportunity(page, subscriber.language) for page in pages]}
    return _message(delivery, "digest", context, list_mail=True)

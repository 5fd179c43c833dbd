"""Signed links that let a subscriber act without a password.

Each link carries the subscriber's secret key, signed with a salt per purpose, so that a
confirmation link cannot be used to delete and a guessed key is worth nothing. A confirmation
link is valid ALERTS_CONFIRMATION_HOURS (48) hours and once only: it stands for a registration
waiting for its confirmation, so once confirmed (or unsubscribed, or erased) it leads nowhere,
where issue 16 found it reusable for 7 days and leading to the subscription's page. The others
last as long as the subscription, since every e-mail carries them.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from cms.core.emails import absolute

from .models import Subscriber

__all__ = [
    "absolute",
    "confirmation_hours",
    "subscriber_for",
    "token",
    "unconfirmed_days",
    "url",
]

_SALT = "cms.alerts.{}"
TIMED = {"confirm"}


def unconfirmed_days():
    """Days after which an unconfirmed registration (and its confirmation link) expires."""
    return getattr(settings, "ALERTS_UNCONFIRMED_DAYS", 7)


def confirmation_hours():
    """Hours during which a confirmation link may be used (once)."""
    return getattr(settings, "ALERTS_CONFIRMATION_HOURS", 48)


def _signer(purpose):
    if purpose in TIMED:
        return signing.TimestampSigner(salt=_SALT.format(purpose))
    return signing.Signer(salt=_SALT.format(purpose))


def token(subscriber, purpose):
    """The signed token of a subscriber for one purpose (confirm, manage, unsubscribe)."""
    return _signer(purpose).sign(subscriber.key.hex)


def subscriber_for(value, purpose):
    """The subscriber a token stands for, or None when it is forged, expired or deleted, or,
    for a confirmation, already used."""
    try:
        if purpose in TIMED:
            key = _signer(purpose).unsign(value, max_age=confirmation_hours() * 3600)
        else:
            key = _signer(purpose).unsign(value)
    except signing.BadSignature:
        return None
    subscribers = Subscriber.objects.filter(key=key)
    if purpose == "confirm":
        subscribers = subscribers.filter(status=Subscriber.Status.PENDING)
    return subscribers.first()


def url(subscriber, purpose, language=None):
    """The absolute address of a subscriber's page for `purpose`, in their language."""
    with translation.override(language or subscriber.language):
        path = reverse(f"alerts:{purpose}", args=[token(subscriber, purpose)])
    return absolute(path)


def one_click_url(subscriber):
    """The language-neutral one-click unsubscribe address (List-Unsubscribe, RFC 8058)."""
    return absolute(reverse("alerts_neutral:one_click", args=[token(subscriber, "unsubscribe")]))

"""The signed link that lets the sender of an expression of interest follow its status
without an account.

The link carries the submission's random key (never its id), signed with Django's signing and
a timestamp. It is valid for INTEREST_STATUS_LINK_DAYS days (365 by default) from the e-mail
that carried it: every e-mail about the submission (the confirmation, each change of status)
carries a fresh one, so a sender who hears from us within a year always holds a valid link.
A discussion with a partner can take months; a year is long enough for that and still ends.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from cms.core.emails import absolute

from .models import ExpressionOfInterest

__all__ = ["EXPIRED", "INVALID", "link_days", "submission_for", "token", "url"]

_SALT = "cms.interest.status"

#: Why a link leads nowhere (the page says which).
INVALID = "invalid"
EXPIRED = "expired"


def link_days():
    """Days during which a status link is valid, from the e-mail that carried it."""
    return getattr(settings, "INTEREST_STATUS_LINK_DAYS", 365)


def _signer():
    return signing.TimestampSigner(salt=_SALT)


def token(submission):
    """The signed token of a submission's status page."""
    return _signer().sign(submission.key.hex)


def submission_for(value):
    """(submission, None) for a valid token; (None, EXPIRED) or (None, INVALID) otherwise
    (forged, altered, or the submission was erased)."""
    try:
        key = _signer().unsign(value, max_age=link_days() * 24 * 3600)
    except signing.SignatureExpired:
        return None, EXPIRED
    except signing.BadSignature:
        return None, INVALID
    submission = (
        ExpressionOfInterest.objects.filter(key=key)
        .select_related("page__locale", "locale")
        .first()
    )
    return (submission, None) if submission is not None else (None, INVALID)


def url(submission):
    """The absolute address of a submission's status page, in its sender's language."""
    with translation.override(submission.locale.language_code):
        path = reverse("interest:status", args=[token(submission)])
    return absolute(path)

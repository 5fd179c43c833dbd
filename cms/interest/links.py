"""The signed link that lets the sender of an expression of interest follow its status
without an account.

The link carries the submission's random key (never its id), signed with Django's signing and
a timestamp. It is valid for INTEREST_STATUS_LINK_DAYS days (365 by default) from the e-mail
that carried it: every e-mail about the submission (the confirmation, each change of status)
carries a fresh one, so a sender who hears from us within a year always holds a valid link.
A discussion with a partner can take months; a year is long enough for that and still ends.
"""

from cms.core.signed_links import EXPIRED, INVALID, SignedLink

from .models import ExpressionOfInterest

__all__ = ["EXPIRED", "INVALID", "link_days", "submission_for", "token", "url"]

# The signing and the lifetime are cms.core.signed_links', shared with the sponsors' link.
_LINK = SignedLink(
    salt="cms.interest.status",
    days_setting="INTEREST_STATUS_LINK_DAYS",
    default_days=365,
    url_name="interest:status",
)


def link_days():
    """Days during which a status link is valid, from the e-mail that carried it."""
    return _LINK.days()


def token(submission):
    """The signed token of a submission's status page."""
    return _LINK.token(submission.key)


def submission_for(value):
    """(submission, None) for a valid token; (None, EXPIRED) or (None, INVALID) otherwise
    (forged, altered, or the submission was erased)."""
    key, problem = _LINK.key_for(value)
    if problem:
        return None, problem
    submission = (
        ExpressionOfInterest.objects.filter(key=key)
        .select_related("page__locale", "locale")
        .first()
    )
    return (submission, None) if submission is not None else (None, INVALID)


def url(submission):
    """The absolute address of a submission's status page, in its sender's language."""
    return _LINK.url(submission.key, submission.locale.language_code)

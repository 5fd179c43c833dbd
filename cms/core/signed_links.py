"""Signed links that let a person reach a record of theirs without an account: the sender of
an expression of interest to its status page, a confirmed sponsor to the page where it sends
its logo.

A link carries the record's random key (never its id), signed with Django's signing and a
timestamp under a salt of its own, so that a token of one kind never opens another kind's
page. It is valid for a number of days from the e-mail that carried it (a setting, with a
default): every e-mail about the record carries a fresh one. The pages it opens show one
person's data: never cached, by the site or anyone else, and never indexed.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from .emails import absolute

__all__ = ["EXPIRED", "INVALID", "PRIVATE_HEADERS", "SignedLink", "private"]

#: Why a link leads nowhere (its page says which).
INVALID = "invalid"
EXPIRED = "expired"

#: Whatever a signed link's page answers, it is one person's alone.
PRIVATE_HEADERS = {"Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow"}


def private(response):
    """`response` marked as one person's: kept by no cache, indexed by no search engine."""
    for header, value in PRIVATE_HEADERS.items():
        response[header] = value
    return response


@dataclass(frozen=True)
class SignedLink:
    """One kind of signed link: its salt, the setting of its lifetime in days (and the
    default) and the URL name of its page, which takes the token as its one argument."""

    salt: str
    days_setting: str
    default_days: int
    url_name: str

    def days(self):
        """Days during which a link is valid, from the e-mail that carried it."""
        return getattr(settings, self.days_setting, self.default_days)

    def token(self, key):
        """The signed token of a record's random `key` (a UUID)."""
        return signing.TimestampSigner(salt=self.salt).sign(key.hex)

    def key_for(self, value):
        """(key, None) for a valid token; (None, EXPIRED) or (None, INVALID) otherwise."""
        try:
            key = signing.TimestampSigner(salt=self.salt).unsign(
                value, max_age=self.days() * 24 * 3600
            )
        except signing.SignatureExpired:
            return None, EXPIRED
        except signing.BadSignature:
            return None, INVALID
        return key, None

    def url(self, key, language_code):
        """The absolute address of the page of `key`, in `language_code`."""
        with translation.override(language_code):
            path = reverse(self.url_name, args=[self.token(key)])
        return absolute(path)

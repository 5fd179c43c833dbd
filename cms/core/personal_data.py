"""A person's data across the site, found by their e-mail address: what the data export of
a subscriber holds and what erasure removes, whichever app keeps it.

Each app that stores what a person typed into a public form (expressions of interest,
sponsorship applications) registers here, in its AppConfig.ready(), a `Holder`: how to list
that person's records as plain values and how to erase them. The alerts' export and deletion
(cms/alerts/views.py) then ask every holder, so that issue 16's "export and erasure also
cover the person's expressions of interest and sponsorship applications" holds without the
alerts importing the other apps, and a new form is covered by registering its holder.

`email_digest` and `client_digest` are the keyed hashes that stand for an address or a
client where the site must remember one without keeping it in clear (the suppression entry
after erasure, the consent history).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.crypto import salted_hmac

from .public_forms import client_ip

__all__ = [
    "Holder",
    "client_digest",
    "consent_values",
    "email_digest",
    "erase",
    "export",
    "holders",
    "records_of",
    "register",
]

_HOLDERS = {}


@dataclass(frozen=True)
class Holder:
    """Where one app keeps a person's data: `export(email)` returns a list of plain values,
    `erase(email)` removes them (or strips them from records the organisation must keep)
    and returns how many records it changed."""

    name: str
    export: Callable[[str], list]
    erase: Callable[[str], int]


def register(holder):
    """Add (or replace) the holder of one kind of record."""
    _HOLDERS[holder.name] = holder
    return holder


def holders():
    return list(_HOLDERS.values())


def records_of(model, email):
    """The records of `model` (a public form's submissions) sent from `email`, whatever its
    case."""
    return model.objects.filter(email__iexact=email.strip())


def consent_values(record):
    """What every public form's record says of its consent in an export: when it was given,
    under which privacy notice, and when the record was received."""
    return {
        "consent_given_at": record.consent_given_at.isoformat(),
        "privacy_notice_version": record.privacy_notice_version,
        "received_at": record.created_at.isoformat(),
    }


def export(email):
    """{holder name: [records]} of everything the registered apps hold about `email`."""
    return {holder.name: holder.export(email) for holder in holders()}


def erase(email):
    """Erase `email`'s data in every registered app; {holder name: records changed}."""
    return {holder.name: holder.erase(email) for holder in holders()}


def email_digest(email):
    """A keyed hash of an e-mail address, the same whatever its case."""
    return salted_hmac(
        "cms.core.personal_data.email", email.strip().lower(), algorithm="sha256"
    ).hexdigest()


def client_digest(request):
    """A keyed hash of the client's address and user agent, for the consent history: enough to
    tell two consents from one client, never the address itself."""
    if request is None:
        return ""
    agent = request.META.get("HTTP_USER_AGENT", "")[:500]
    value = f"{client_ip(request)}\n{agent}"
    return salted_hmac("cms.core.personal_data.client", value, algorithm="sha256").hexdigest()

"""An applicant's sponsorship applications in their data export and erasure
(cms.core.personal_data). The application itself is a business record (the package's slots,
the figures, what was agreed), so erasure keeps it and strips what identifies the person: the
contact's name and address, their message, their client hash, and the e-mails it caused."""

from django.db import transaction

from cms.core.personal_data import Holder, consent_values, records_of

from .models import SponsorshipApplication

__all__ = ["HOLDER"]


def _records(email):
    return records_of(SponsorshipApplication, email)


def export(email):
    return [
        {
            "event": record.event_title,
            "package": record.package_name,
            "organisation": record.organisation,
            "contact_name": record.contact_name,
            "email": record.email,
            "message": record.message,
            "status": record.status,
            **consent_values(record),
        }
        for record in _records(email).order_by("pk")
    ]


def erase(email):
    with transaction.atomic():
        records = list(_records(email))
        for record in records:
            record.emails.all().delete()
        changed = _records(email).update(contact_name="", email="", message="", ip_hash="")
    return changed


HOLDER = Holder("sponsorship_applications", export, erase)

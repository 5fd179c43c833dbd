"""A sender's expressions of interest in their data export and erasure (cms.core.personal_data):
exported with what they wrote; erased whole, with the e-mails they caused, since nothing in
them is kept for any other purpose."""

from django.db import transaction

from cms.core.personal_data import Holder, consent_values, records_of

from .models import ExpressionOfInterest

__all__ = ["HOLDER"]


def _records(email):
    return records_of(ExpressionOfInterest, email)


def export(email):
    return [
        {
            "opportunity": record.page_title,
            "organisation": record.organisation,
            "contact_name": record.contact_name,
            "email": record.email,
            "support": record.support,
            "message": record.message,
            "status": record.status,
            "status_history": [
                {"status": change.status, "changed_at": change.changed_at.isoformat()}
                for change in record.status_changes.all()
            ],
            **consent_values(record),
        }
        for record in _records(email).order_by("pk")
    ]


def erase(email):
    with transaction.atomic():
        records = list(_records(email))
        for record in records:
            record.emails.all().delete()
            record.delete()
    return len(records)


HOLDER = Holder("expressions_of_interest", export, erase)

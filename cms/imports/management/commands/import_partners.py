"""`manage.py import_partners FILE [--dry-run] [--encoding ENC]`: import_agreements --kind
partners."""

from .import_agreements import Command as ImportAgreementsCommand


class Command(ImportAgreementsCommand):
    help = (
        "Import partners from a CSV or XLSX file (one row per partner, matched on its name). "
        "Nothing is written if any row is wrong."
    )
    kind = "partners"

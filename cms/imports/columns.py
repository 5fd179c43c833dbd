"""The columns of the import files (also those of the exports, which round-trip).

Lists are separated by ";" (spaces around are ignored); vocabulary terms are given by code or
English name, case-insensitive; dates as YYYY-MM-DD; decimals with "." and no thousands
separator; booleans as "yes" or "no". Optional columns that a file leaves out are left as
they are on existing records (so a public export, without `confidential` and `notes`, can be
imported back without wiping them).
"""

__all__ = ["AGREEMENT_COLUMNS", "COLUMNS", "PARTNER_COLUMNS", "REQUIRED_COLUMNS"]

AGREEMENT_COLUMNS = [
    "reference",
    "title",
    "type",
    "partners",
    "signature_date",
    "amount",
    "currency",
    "usd_value",
    "regions",
    "countries",
    "primary_area",
    "areas",
    "parent_reference",
    "status",
    "confidential",
    "notes",
]

PARTNER_COLUMNS = [
    "name",
    "acronym",
    "aliases",
    "kind",
    "is_funding_partner",
    "website",
    "headquarters_country",
    "membership_category",
    "funding_mechanism",
    "priority_areas",
    "regions",
    "countries",
    "funding_types",
]

COLUMNS = {"agreements": AGREEMENT_COLUMNS, "partners": PARTNER_COLUMNS}

REQUIRED_COLUMNS = {
    "agreements": ["reference", "title", "type", "primary_area", "regions"],
    "partners": ["name", "kind"],
}

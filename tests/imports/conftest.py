"""The vocabulary, partners and files the import tests share, made with the factories."""

import csv
import io

import pytest

from cms.snippets.factories import (
    AgreementTypeFactory,
    BeneficiaryRegionFactory,
    CountryFactory,
    FundingTypeFactory,
    PartnerFactory,
    PartnerKindFactory,
    ThematicAreaFactory,
)

HEADER = [
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
]


@pytest.fixture(autouse=True)
def _private_storage(settings):
    """Uploaded files in memory, and small limits only where a test sets them."""
    settings.STORAGES = {
        **settings.STORAGES,
        "imports": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


@pytest.fixture
def vocabulary(db):
    """Regions, areas, agreement types, countries and two partners, in English."""
    regions = {
        code: BeneficiaryRegionFactory(code=code, name=name)
        for code, name in [("afr", "Africa"), ("asp", "Asia-Pacific"), ("glo", "Global")]
    }
    areas = {
        "capacity-building": ThematicAreaFactory(
            code="capacity-building", name="Capacity Building"
        ),
        "cybersecurity": ThematicAreaFactory(code="cybersecurity", name="Cybersecurity"),
    }
    types = {
        "mou": AgreementTypeFactory(code="mou", name="Memorandum of understanding"),
        "addendum": AgreementTypeFactory(amendment=True),
    }
    countries = {code: CountryFactory(code=code) for code in ["KE", "SN", "FR"]}
    kind = PartnerKindFactory()
    FundingTypeFactory()
    partners = {
        "gsma": PartnerFactory(name="GSM Association", acronym="GSMA", kind=kind),
        "oif": PartnerFactory(
            name="Organisation internationale de la Francophonie",
            acronym="OIF",
            aliases="Francophonie\nAgence de Coopération culturelle et technique",
            kind=kind,
        ),
    }
    return {
        "regions": regions,
        "areas": areas,
        "types": types,
        "countries": countries,
        "partners": partners,
        "kind": kind,
    }


def agreement_row(number, **overrides):
    """One valid agreement row, as text cells by column."""
    row = {
        "reference": f"IMP-{number:05d}",
        "title": f"Coopération numérique {number}",
        "type": "mou",
        "partners": "GSMA; Francophonie",
        "signature_date": "2016-03-01",
        "amount": "12500.50",
        "currency": "EUR",
        "usd_value": "",
        "regions": "AFR; Asia-Pacific",
        "countries": "KE; SN",
        "primary_area": "Capacity Building",
        "areas": "cybersecurity",
        "parent_reference": "",
        "status": "active",
    }
    row.update(overrides)
    return row


def csv_bytes(rows, encoding="utf-8", header=None, delimiter=","):
    header = header or HEADER
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(column, "") for column in header])
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows, header=None, formula_at=None):
    """A workbook of `rows`; `formula_at=(row index, column)` puts a formula there."""
    import openpyxl

    header = header or HEADER
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for index, row in enumerate(rows):
        cells = [row.get(column, "") for column in header]
        if formula_at and formula_at[0] == index:
            cells[header.index(formula_at[1])] = "=1+1"
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def write_file(tmp_path):
    def write(name, data):
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)

    return write

"""`manage.py import_agreements` and `import_partners` on valid and broken files."""

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.imports.models import ImportRun
from cms.imports.service import run_import
from cms.snippets.models import Agreement, Partner

from .conftest import agreement_row, csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db


def run(path, *args):
    """Run the command; return (stdout, stderr, error or None)."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_agreements", path, *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def test_valid_csv_creates_agreements_with_their_relations(vocabulary, write_file):
    rows = [agreement_row(1), agreement_row(2, currency="USD", amount="5000")]
    out, _err, error = run(write_file("a.csv", csv_bytes(rows)))
    assert error is None
    assert "created 2, updated 0, unchanged 0, errors 0" in out
    first = Agreement.objects.get(reference="IMP-00001")
    assert first.title == "Coopération numérique 1"
    assert first.amount == Decimal("12500.50") and first.currency == "EUR"
    # 2016 rate of the table: 1.1069 USD per EUR.
    assert first.amount_usd == Decimal("13836.80")
    assert [link.partner.acronym for link in first.partner_links.order_by("sort_order")] == [
        "GSMA",
        "OIF",
    ]
    assert sorted(r.code for r in first.regions.all()) == ["afr", "asp"]
    assert sorted(str(c.code) for c in first.countries.all()) == ["KE", "SN"]
    assert [a.code for a in first.secondary_areas.all()] == ["cybersecurity"]
    assert first.primary_area.code == "capacity-building"
    assert Agreement.objects.get(reference="IMP-00002").amount_usd == Decimal("5000.00")
    audit = ImportRun.objects.get()
    assert (audit.source, audit.created, audit.dry_run) == ("command", 2, False)
    assert len(audit.checksum) == 64


@pytest.mark.parametrize(
    ("encoding", "data_encoding"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "windows-1252")],
)
def test_encodings(vocabulary, write_file, encoding, data_encoding):
    path = write_file("a.csv", csv_bytes([agreement_row(1)], encoding=encoding))
    _out, _err, error = run(path)
    assert error is None
    assert Agreement.objects.get().title == "Coopération numérique 1"
    assert ImportRun.objects.get().encoding == data_encoding


def test_semicolon_delimited_csv(vocabulary, write_file):
    path = write_file("a.csv", csv_bytes([agreement_row(1)], delimiter=";"))
    assert run(path)[2] is None
    assert Agreement.objects.get().regions.count() == 2


def test_valid_xlsx(vocabulary, write_file):
    path = write_file("a.xlsx", xlsx_bytes([agreement_row(1), agreement_row(2)]))
    out, _err, error = run(path)
    assert error is None, _err
    assert "created 2" in out
    assert Agreement.objects.get(reference="IMP-00002").amount == Decimal("12500.50")


def test_same_file_again_changes_nothing_and_a_changed_row_updates(vocabulary, write_file):
    rows = [agreement_row(n) for n in range(1, 6)]
    path = write_file("a.csv", csv_bytes(rows))
    run(path)
    out, _err, error = run(path)
    assert error is None
    assert "created 0, updated 0, unchanged 5, errors 0" in out
    assert "Nothing changed" in out
    rows[2]["amount"] = "99.99"
    rows[3]["partners"] = "GSMA"
    out, _err, _error = run(write_file("b.csv", csv_bytes(rows)))
    assert "created 0, updated 2, unchanged 3, errors 0" in out
    assert Agreement.objects.get(reference="IMP-00003").amount == Decimal("99.99")
    assert Agreement.objects.get(reference="IMP-00004").partner_links.count() == 1


def test_one_bad_row_deep_inside_writes_nothing(vocabulary, write_file):
    rows = [agreement_row(n) for n in range(1, 1001)]
    rows[997]["amount"] = "12,5O0"  # row 999 of the sheet: the header is row 1
    _out, err, error = run(write_file("big.csv", csv_bytes(rows)))
    assert error is not None
    assert "row 999, amount: '12,5O0' is not a number" in err.splitlines()
    assert Agreement.objects.count() == 0
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_every_problem_is_reported(vocabulary, write_file):
    rows = [
        agreement_row(1, type="treaty"),
        agreement_row(2, signature_date="2016-02-30", regions=""),
        agreement_row(3, partners="Nobody Inc."),
        agreement_row(1),
    ]
    _out, err, error = run(write_file("a.csv", csv_bytes(rows)))
    assert error is not None
    lines = err.splitlines()
    assert (
        "row 2, type: 'treaty' is not a known agreement type, give its code or English name"
        in lines
    )
    assert "row 3, signature_date: '2016-02-30' is not a date written YYYY-MM-DD" in lines
    assert "row 3, regions: give at least one region" in lines
    assert (
        "row 4, partners: unknown partner 'Nobody Inc.' "
        "(give its name, acronym or other name)" in lines
    )
    assert Agreement.objects.count() == 0


def test_unknown_partner_created_on_request(vocabulary, write_file):
    path = write_file("a.csv", csv_bytes([agreement_row(1, partners="Nobody Inc.; GSMA")]))
    assert run(path)[2] is not None
    out, _err, error = run(path, "--create-partners")
    assert error is None
    assert "new partners: 1" in out
    created = Partner.objects.get(name="Nobody Inc.")
    assert created.locale.language_code == "en" and not created.is_funding_partner
    assert Agreement.objects.get().partner_links.count() == 2


def test_wrong_encodings_are_refused_clearly(vocabulary, write_file):
    for data in [
        csv_bytes([agreement_row(1)], encoding="utf-16"),
        b"\x00\x01\x02\x89PNG\x00" * 50,
    ]:
        _out, err, error = run(write_file("a.csv", data))
        assert error is not None
        assert "not a text CSV file in UTF-8 or Windows-1252" in err
    _out, err, error = run(
        write_file("a.csv", "Coopération".encode("cp1252")), "--encoding", "utf-8"
    )
    assert "The file is not in utf-8 (byte 5)." in err
    assert Agreement.objects.count() == 0


def test_formula_in_a_workbook_is_refused_and_a_csv_formula_is_text(vocabulary, write_file):
    rows = [agreement_row(1), agreement_row(2)]
    _out, err, error = run(write_file("a.xlsx", xlsx_bytes(rows, formula_at=(1, "amount"))))
    assert error is not None
    assert "row 3, amount: formulas are not accepted" in err.splitlines()
    assert Agreement.objects.count() == 0
    rows[0]["title"] = "=1+1"
    rows[1]["title"] = '\'=HYPERLINK("x")'  # neutralized by the exports
    assert run(write_file("a.csv", csv_bytes(rows)))[2] is None
    assert Agreement.objects.get(reference="IMP-00001").title == "=1+1"
    assert Agreement.objects.get(reference="IMP-00002").title == '=HYPERLINK("x")'


def test_huge_files_are_refused(vocabulary, write_file, settings):
    rows = [agreement_row(n) for n in range(1, 7)]
    settings.IMPORT_MAX_ROWS = 5
    _out, err, error = run(write_file("a.csv", csv_bytes(rows)))
    assert "The file has more than 5 rows; split it into smaller files." in err
    settings.IMPORT_MAX_ROWS = 20_000
    settings.IMPORT_MAX_BYTES = 1000
    _out, err, error = run(write_file("a.csv", csv_bytes(rows)))
    assert error is not None
    assert "The file is too big" in err and "the limit is 1000 bytes" in err
    assert Agreement.objects.count() == 0


def test_zip_bomb_and_xml_entities_are_refused(vocabulary, write_file):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * 50_000_000)
    _out, err, error = run(write_file("bomb.xlsx", bomb.getvalue()))
    assert "it would expand to an unsafe size" in err
    entities = io.BytesIO()
    with zipfile.ZipFile(entities, "w") as archive:
        archive.writestr(
            "xl/workbook.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
        )
    _out, err, error = run(write_file("lol.xlsx", entities.getvalue()))
    assert "it declares XML entities" in err
    assert Agreement.objects.count() == 0


def test_currency_rules(vocabulary, write_file):
    rows = [agreement_row(1, currency="XAF"), agreement_row(2, currency="EURO")]
    _out, err, error = run(write_file("a.csv", csv_bytes(rows)))
    lines = err.splitlines()
    assert "row 2, usd_value: no rate for XAF in the rate table: give the value in USD" in lines
    assert "row 3, currency: Enter an ISO 4217 currency code, such as USD or EUR." in lines
    rows = [agreement_row(1, currency="XAF", usd_value="21.10")]
    assert run(write_file("b.csv", csv_bytes(rows)))[2] is None
    assert Agreement.objects.get().amount_usd == Decimal("21.10")


def test_parent_references(vocabulary, write_file):
    # The addendum comes first in the file; its original is written before it.
    rows = [
        agreement_row(2, type="addendum", parent_reference="IMP-00001"),
        agreement_row(1),
    ]
    assert run(write_file("a.csv", csv_bytes(rows)))[2] is None
    assert Agreement.objects.get(reference="IMP-00002").parent.reference == "IMP-00001"
    rows = [
        agreement_row(3, parent_reference="IMP-00001"),
        agreement_row(4, type="addendum", parent_reference="IMP-00005"),
        agreement_row(5, type="addendum", parent_reference="IMP-00004"),
        agreement_row(6, type="addendum", parent_reference="NOPE"),
    ]
    _out, err, error = run(write_file("b.csv", csv_bytes(rows)))
    lines = err.splitlines()
    assert (
        "row 2, parent_reference: Only an addendum or amendment can amend another agreement; "
        "change its type or remove the link." in lines
    )
    loop = "parent_reference: An agreement cannot amend itself, directly or through others."
    assert f"row 3, {loop}" in lines and f"row 4, {loop}" in lines
    assert (
        "row 5, parent_reference: 'NOPE' is neither an agreement of the archive nor of this file"
        in lines
    )
    assert Agreement.objects.count() == 2


def test_header_problems(vocabulary, write_file):
    header = ["reference", "title", "typ", "regions", "primary_area"]
    _out, err, error = run(write_file("a.csv", csv_bytes([agreement_row(1)], header=header)))
    assert error is not None
    assert "row 1, typ: unknown column" in err
    assert "row 1, type: this column is missing" in err


def test_dry_run_writes_nothing_and_costs_a_fixed_number_of_queries(vocabulary):
    def queries(count):
        data = csv_bytes([agreement_row(n) for n in range(1, count + 1)])
        with CaptureQueriesContext(connection) as context:
            result = run_import(data, "a.csv", dry_run=True)
        assert result.ok and result.counts["created"] == count
        return len(context)

    assert queries(5) == queries(200)
    assert Agreement.objects.count() == 0


def test_partners_import(vocabulary, write_file):
    header = ["name", "acronym", "aliases", "kind", "is_funding_partner", "website", "regions"]
    rows = [
        {
            "name": "GSM Association",
            "acronym": "GSMA",
            "aliases": "",
            "kind": "government",
            "is_funding_partner": "yes",
            "website": "https://www.gsma.com",
            "regions": "GLO",
        },
        {
            "name": "Fondation Pierre Fabre",
            "kind": "Government / administration",
            "aliases": "FPF; Pierre Fabre",
        },
    ]
    path = write_file("p.csv", csv_bytes(rows, header=header))
    out = io.StringIO()
    call_command("import_partners", path, stdout=out)
    assert "created 1, updated 1, unchanged 0, errors 0" in out.getvalue()
    fabre = Partner.objects.get(name="Fondation Pierre Fabre")
    assert fabre.alias_list == ["FPF", "Pierre Fabre"]
    gsma = Partner.objects.get(name="GSM Association")
    assert [link.region.code for link in gsma.beneficiary_regions.all()] == ["glo"]
    out = io.StringIO()
    call_command("import_agreements", path, "--kind", "partners", stdout=out)
    assert "created 0, updated 0, unchanged 2, errors 0" in out.getvalue()
    rows[0]["website"] = "not a site"
    with pytest.raises(CommandError):
        call_command(
            "import_partners",
            write_file("q.csv", csv_bytes(rows, header=header)),
            stderr=io.StringIO(),
        )
    assert Partner.objects.get(name="GSM Association").website == "https://www.gsma.com"

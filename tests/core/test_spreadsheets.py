"""The spreadsheet kernel: no cell of a CSV or XLSX download can run as a formula, and
numbers, dates and ordinary text come out as they went in."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from cms.core.spreadsheets import (
    csv_cell,
    csv_lines,
    csv_response,
    is_formula_like,
    neutralize,
    strip_neutralization,
    write_xlsx,
    xlsx_response,
)

DANGEROUS = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","click")',
    "+1+2",
    "-3+4",
    "@SUM(1)",
    "\t=1",
    "\r=1",
    "\n=1",
    "\tTabbed",
    "  =1+1",
    "\u00a0@SUM(1)",
]
HARMLESS = ["Ministry of ICT", "a=b", "50% - 20%", "", "'quoted", "مرحبا", "合作伙伴"]


def read_csv(lines):
    text = b"".join(lines).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def read_xlsx(file):
    return [list(row) for row in load_workbook(file).active.iter_rows()]


@pytest.mark.parametrize("text", DANGEROUS)
def test_each_dangerous_beginning_is_quoted_in_csv(text):
    assert is_formula_like(text)
    assert neutralize(text) == "'" + text
    _header, row = read_csv(csv_lines(["title"], [[text]]))
    assert row == ["'" + text]


@pytest.mark.parametrize("text", HARMLESS)
def test_ordinary_text_is_left_alone(text):
    assert not is_formula_like(text)
    assert neutralize(text) == text
    assert csv_cell(text) == text


@pytest.mark.parametrize("text", DANGEROUS)
def test_the_importer_gets_the_typed_text_back(text):
    assert strip_neutralization(neutralize(text)) == text
    assert strip_neutralization("'quoted") == "'quoted"


def test_numbers_and_dates_are_never_quoted_in_csv():
    row = [-12.5, Decimal("-3.20"), -7, 0, datetime.date(2016, 9, 1), None, True]
    _header, written = read_csv(csv_lines(["a", "b", "c", "d", "e", "f", "g"], [row]))
    assert written == ["-12.5", "-3.20", "-7", "0", "2016-09-01", "", "True"]


def test_csv_without_byte_order_mark_and_header_neutralized():
    text = b"".join(csv_lines(["=header"], [["x"]], bom=False)).decode()
    assert text == "'=header\r\nx\r\n"


def test_csv_response_in_memory_or_streamed():
    small = csv_response("f.csv", ["a"], [["=1"]])
    assert small["Content-Type"] == "text/csv; charset=utf-8"
    assert small["Content-Disposition"] == 'attachment; filename="f.csv"'
    assert small.content == "\ufeffa\r\n'=1\r\n".encode()
    streamed = csv_response("f.csv", ["a"], ([str(n)] for n in range(3)), streaming=True)
    assert b"".join(streamed.streaming_content) == "\ufeffa\r\n0\r\n1\r\n2\r\n".encode()


@pytest.mark.parametrize("text", DANGEROUS)
def test_dangerous_xlsx_text_is_a_quoted_text_cell_with_its_value_kept(text):
    (_header, (cell,)) = read_xlsx(write_xlsx(["title"], [[text]]))
    assert cell.data_type == "s"
    assert cell.quotePrefix is True
    assert cell.value == text


def test_xlsx_keeps_numbers_dates_and_ordinary_text():
    rows = [["Ministry of ICT", -12.5, Decimal("1000000.50"), datetime.date(2016, 9, 1), 7]]
    (_header, cells) = read_xlsx(write_xlsx(list("abcde"), rows))
    assert [cell.value for cell in cells] == [
        "Ministry of ICT",
        -12.5,
        1000000.5,
        datetime.datetime(2016, 9, 1),
        7,
    ]
    assert cells[0].quotePrefix is False
    assert cells[1].data_type == cells[2].data_type == "n"
    assert cells[3].is_date and cells[3].number_format == "yyyy-mm-dd"


def test_xlsx_drops_characters_xml_cannot_hold_and_names_the_sheet():
    file = write_xlsx(["a"], [["bell\x07 and \x0bvertical tab"]], title="Agreements: 2016/17")
    workbook = load_workbook(file)
    assert workbook.active.title == "Agreements  2016 17"
    assert workbook.active["A2"].value == "bell and vertical tab"


def test_xlsx_response_is_a_download():
    small = xlsx_response("f.xlsx", ["a"], [["=1"]], title="T")
    streamed = xlsx_response("f.xlsx", ["a"], [["=1"]], title="T", streaming=True)
    for response, body in (
        (small, small.content),
        (streamed, b"".join(streamed.streaming_content)),
    ):
        assert response["Content-Type"] == (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        assert 'filename="f.xlsx"' in response["Content-Disposition"]
        sheet = load_workbook(io.BytesIO(body)).active
        assert sheet["A2"].value == "=1" and sheet["A2"].quotePrefix

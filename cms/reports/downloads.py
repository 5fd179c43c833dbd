"""Files of figures and lists: CSV, XLSX and JSON responses.

Spreadsheet programs run a cell that begins with `=`, `+`, `-` or `@` (and, in some of them,
a tab or carriage return) as a formula: text cells of CSV files that begin so get a leading
apostrophe, and XLSX text cells are written as text, never as formulas. Numbers stay
numbers.
"""

import csv
import io
import json
import re

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

__all__ = ["FORMATS", "csv_response", "json_response", "neutralize", "xlsx_response"]

FORMATS = ("csv", "xlsx", "json")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralize(value):
    """A CSV cell that no spreadsheet program will run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename, header, rows):
    """A UTF-8 CSV file (with a byte-order mark, so that spreadsheet programs read the
    accents and scripts right)."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow([neutralize(str(cell)) for cell in header])
    for row in rows:
        writer.writerow([neutralize(cell) for cell in row])
    response = HttpResponse("\ufeff" + output.getvalue(), content_type="text/csv; charset=utf-8")
    return _attachment(response, filename)


def _cell(sheet, value):
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(sheet, value=value)
    if cell.data_type == "f":
        cell.data_type = "s"  # text that looks like a formula stays text
    return cell


def xlsx_response(filename, sheet_title, header, rows):
    """An XLSX workbook of one sheet: a header row, then the rows."""
    workbook = Workbook(write_only=True)
    title = re.sub(r"[\[\]:*?/\\]", " ", ILLEGAL_CHARACTERS_RE.sub("", str(sheet_title)))
    sheet = workbook.create_sheet(title=title[:31].strip() or "Sheet")
    sheet.append([_cell(sheet, str(cell)) for cell in header])
    for row in rows:
        sheet.append([_cell(sheet, value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(output.getvalue(), content_type=XLSX_TYPE)
    return _attachment(response, filename)


def json_response(filename, data):
    """A JSON document (UTF-8, not escaped to ASCII), offered as a file."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    return _attachment(response, filename)

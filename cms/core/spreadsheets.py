"""Every spreadsheet the product hands out (CSV and XLSX) is written here, so that none of them
can carry a formula.

A spreadsheet program runs a cell that begins with `=`, `+`, `-` or `@` as a formula, and some
of them do so after a tab, a carriage return, a line feed or leading spaces too: a partner's
name or a visitor's message typed as `=HYPERLINK(...)` or `=cmd|' /C calc'!A0` would run on an
officer's computer when they open the download (OWASP, "CSV Injection"). So:

- **CSV**: a text cell that begins so, or begins so after leading whitespace, gets a leading
  apostrophe (`'=1+1`), which spreadsheet programs show as text and never evaluate. Numbers,
  dates and other non-text values are never quoted: a negative amount stored as a number stays
  `-12.5`. Text is written as UTF-8, with a byte-order mark where the download is opened by
  people in spreadsheet programs (they then read accents and scripts right); rows are
  produced one at a time, so a large file streams.
- **XLSX**: a text cell is always a text cell (openpyxl would store a text beginning with `=`
  as a formula), with the characters XML cannot hold removed. A text that would start a
  formula also carries the *quote prefix* flag, the form Excel itself saves for a cell typed
  with a leading apostrophe: it shows the text exactly and keeps it text even when someone
  edits the cell. The value itself is unchanged, so an XLSX round-trips through the importer.
  Numbers stay numbers and dates stay dates. The workbook is written in openpyxl's write-only
  mode (one row in memory) into a file spooled to disk past a few megabytes.
- **Wagtail admin listings** (`SpreadsheetExportMixin`: index views of model and snippet
  viewsets) write their own files: `SafeSpreadsheetExportMixin` puts their cells through the
  same two cell writers, and streams their CSV with a byte-order mark in the staff member's
  language and time zone.

`strip_neutralization` undoes the CSV apostrophe, for the importer, so that an export can be
imported again unchanged.
"""

import codecs
import csv
import datetime
import re
import tempfile
from decimal import Decimal

from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone, translation
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

__all__ = [
    "CSV_CONTENT_TYPE",
    "FORMULA_TRIGGERS",
    "XLSX_CONTENT_TYPE",
    "SafeSpreadsheetExportMixin",
    "csv_cell",
    "csv_lines",
    "csv_response",
    "is_formula_like",
    "neutralize",
    "strip_neutralization",
    "write_xlsx",
    "xlsx_cell",
    "xlsx_response",
]

#: First characters that make a spreadsheet program read a cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
#: What a neutralized CSV cell begins with.
QUOTE = "'"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Above this size an XLSX file is spooled to a temporary file instead of memory.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024
XLSX_DATE_FORMAT = "yyyy-mm-dd"
XLSX_DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def is_formula_like(text):
    """Whether a spreadsheet program could read `text` as a formula: it begins with one of
    the triggers, or with one after leading whitespace."""
    if not isinstance(text, str) or not text:
        return False
    return text.startswith(FORMULA_TRIGGERS) or text.lstrip().startswith(FORMULA_TRIGGERS)


def neutralize(value):
    """`value` as a CSV cell no spreadsheet program will run: text that could start a formula
    gets a leading apostrophe; anything else (numbers, dates, None) is returned unchanged."""
    return QUOTE + value if is_formula_like(value) else value


def strip_neutralization(text):
    """The text an export neutralized: `'=1+1` gives back `=1+1`; other text is unchanged."""
    if isinstance(text, str) and text.startswith(QUOTE) and is_formula_like(text[1:]):
        return text[1:]
    return text


def csv_cell(value):
    """A value as the text of a CSV cell: numbers as Python writes them (a decimal point, no
    grouping) and never quoted, dates in ISO 8601, None empty, and text neutralized."""
    if value is None:
        return ""
    if isinstance(value, int | float | Decimal | datetime.date | datetime.time):
        return str(value)
    return neutralize(str(value))


class _Line:
    """A file-like object whose `write` hands back what the csv module wrote."""

    def write(self, text):
        return text


def csv_lines(header, rows, *, bom=True):
    """A CSV file, one encoded line at a time: the header, then each row (a sequence of
    values in the header's order). `bom` starts it with UTF-8's byte-order mark."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    first = writer.writerow([csv_cell(cell) for cell in header]).encode()
    yield (codecs.BOM_UTF8 + first) if bom else first
    for row in rows:
        yield writer.writerow([csv_cell(cell) for cell in row]).encode()


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(filename, header, rows, *, bom=True, streaming=False):
    """A CSV download. `streaming` sends it row by row (for files of any size); otherwise it
    is built in memory, for small files of figures."""
    lines = csv_lines(header, rows, bom=bom)
    if streaming:
        response = StreamingHttpResponse(lines, content_type=CSV_CONTENT_TYPE)
    else:
        response = HttpResponse(b"".join(lines), content_type=CSV_CONTENT_TYPE)
    return _attachment(response, filename)


def xlsx_cell(sheet, value):
    """A cell of a write-only `sheet`: text stays text (flagged as quoted when it could start
    a formula), numbers stay numbers, dates stay dates."""
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    elif value is not None and not isinstance(
        value, bool | int | float | Decimal | datetime.date | datetime.time
    ):
        value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl takes a text beginning with "=" for a formula
        if is_formula_like(value):
            cell.quotePrefix = True
    elif isinstance(value, datetime.datetime):
        cell.number_format = XLSX_DATETIME_FORMAT
    elif isinstance(value, datetime.date):
        cell.number_format = XLSX_DATE_FORMAT
    return cell


def sheet_title(text):
    """`text` as the name of a sheet: no characters Excel refuses, at most 31 of them."""
    title = SHEET_TITLE_FORBIDDEN.sub(" ", ILLEGAL_CHARACTERS_RE.sub("", str(text)))
    return title[:31].strip() or "Sheet"


def write_xlsx(header, rows, *, title="Sheet"):
    """An XLSX workbook of one sheet (the header row, then the rows) in a file object
    positioned at its start."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=sheet_title(title))
    sheet.append([xlsx_cell(sheet, cell) for cell in header])
    for row in rows:
        sheet.append([xlsx_cell(sheet, cell) for cell in row])
    output = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output


def xlsx_response(filename, header, rows, *, title="Sheet", streaming=False):
    """An XLSX download of one sheet. `streaming` sends the spooled file in chunks (for files
    of any size); otherwise the response holds the workbook, for small files of figures."""
    output = write_xlsx(header, rows, title=title)
    if streaming:
        return FileResponse(
            output, as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
        )
    with output:
        response = HttpResponse(output.read(), content_type=XLSX_CONTENT_TYPE)
    return _attachment(response, filename)


class SafeSpreadsheetExportMixin:
    """For a view with Wagtail's `SpreadsheetExportMixin` (the index views of model and
    snippet viewsets, listed before it in the bases): the CSV and XLSX exports written cell by
    cell through `csv_cell` and `xlsx_cell`, after Wagtail's own preprocessing (lists joined,
    aware datetimes made naive for XLSX)."""

    def stream_csv(self, queryset):
        """Wagtail's CSV stream, in the staff member's language and time zone, after a
        byte-order mark. The response streams after the admin's view (and its language) has
        returned: without this, every heading and value word of a French officer's download
        was English, and times were in UTC. The language is read here, in the view."""
        language = translation.get_language()
        zone = timezone.get_current_timezone()
        lines = super().stream_csv(queryset)

        def stream():
            first = True
            while True:
                with translation.override(language), timezone.override(zone):
                    line = next(lines, None)
                if line is None:
                    return
                yield (codecs.BOM_UTF8 + line) if first else line
                first = False

        return stream()

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: csv_cell(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )

    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        for field, value in row_dict.items():
            cell = xlsx_cell(worksheet, self.preprocess_field_value(field, value, self.FORMAT_XLSX))
            if date_format and isinstance(value, datetime.datetime):
                cell.number_format = date_format
            yield cell

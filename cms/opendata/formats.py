"""Writing dataset rows as CSV, XLSX and JSON, a row at a time.

- **CSV**: UTF-8 with a byte-order mark (so that spreadsheet programs read accents right),
  comma-separated, lists joined with "; ", yes/no for booleans. A cell that begins with
  `=`, `+`, `-`, `@`, a tab or a carriage return is *neutralized* with a leading single
  quote (`'=1+1`), as OWASP recommends against CSV injection: a spreadsheet program shows it
  as text and never evaluates it. No value of the exports is a negative number (amounts and
  USD values are never negative, see `Agreement.clean`), so only text is ever quoted; the
  importer drops that leading quote again.
- **XLSX**: one sheet, every cell written as text (never as a formula: the value is kept as
  it is, with no quote), with characters that XML cannot hold removed.
- **JSON**: a list of objects with the same keys as the CSV columns; lists are arrays,
  yes/no columns are `true`/`false`, every other value is the CSV text (amounts are strings
  such as "1500.00", exact).
"""

import codecs
import csv
import json
import tempfile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

__all__ = [
    "FORMULA_TRIGGERS",
    "LIST_SEPARATOR",
    "cell_text",
    "csv_stream",
    "json_stream",
    "neutralize",
    "write_xlsx",
]

#: First characters that make a spreadsheet program read a CSV cell as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "
#: Above this size an XLSX export is spooled to a temporary file instead of memory.
XLSX_SPOOL_BYTES = 8 * 1024 * 1024


def neutralize(text):
    """`text` with a leading single quote when it would start a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def cell_text(value):
    """A row value as the text of a CSV or XLSX cell (lists joined, yes/no)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(value)
    return "" if value is None else str(value)


class _Line:
    """A file-like object whose `write` hands back what the csv module wrote."""

    def write(self, text):
        return text


def csv_stream(dataset, rows=None):
    """The dataset as CSV, one line at a time (bytes)."""
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield codecs.BOM_UTF8 + writer.writerow(dataset.columns).encode()
    for row in dataset.rows() if rows is None else rows:
        cells = [neutralize(cell_text(row[column])) for column in dataset.columns]
        yield writer.writerow(cells).encode()


def json_stream(dataset, rows=None):
    """The dataset as a JSON array of objects, one object at a time (bytes)."""
    yield b"["
    separator = b"\n"
    for row in dataset.rows() if rows is None else rows:
        value = {column: row[column] for column in dataset.columns}
        yield separator + json.dumps(value, ensure_ascii=False).encode()
        separator = b",\n"
    yield b"\n]\n"


def _xlsx_cell(sheet, value):
    cell = WriteOnlyCell(sheet, ILLEGAL_CHARACTERS_RE.sub("", cell_text(value)))
    # openpyxl takes a text that begins with "=" for a formula: keep every cell as text.
    cell.data_type = "s"
    return cell


def write_xlsx(dataset, rows=None):
    """The dataset as an XLSX workbook in a file object positioned at its start.

    openpyxl's write-only mode keeps one row in memory at a time, and the file itself is
    spooled to disk past a few megabytes."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=dataset.name)
    sheet.append([_xlsx_cell(sheet, column) for column in dataset.columns])
    for row in dataset.rows() if rows is None else rows:
        sheet.append([_xlsx_cell(sheet, row[column]) for column in dataset.columns])
    output = tempfile.SpooledTemporaryFile(max_size=XLSX_SPOOL_BYTES)  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output

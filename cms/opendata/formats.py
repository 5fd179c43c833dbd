"""Writing dataset rows as CSV, XLSX and JSON, a row at a time.

The open-data files are data: they keep machine formats (ISO dates, amounts as exact text
such as "1500.00", codes), the same in every format. The CSV and XLSX files are written by
the product's one spreadsheet writer, `cms.core.spreadsheets`, which neutralizes any text
that could start a formula (see there); what this module adds is how a row's values become
cells:

- **CSV**: UTF-8 with a byte-order mark (so that spreadsheet programs read accents right),
  comma-separated, lists joined with "; ", yes/no for booleans. A text cell that could start
  a formula gets a leading single quote (`'=1+1`), which the importer drops again; a value
  that is a number (none is today) would stay a number, never quoted.
- **XLSX**: one sheet, every cell written as text, exactly as in the CSV but with no quote
  (a text cell that could start a formula carries Excel's quote-prefix flag instead).
- **JSON**: a list of objects with the same keys as the CSV columns; lists are arrays,
  yes/no columns are `true`/`false`, every other value is the CSV text (amounts are strings
  such as "1500.00", exact).
"""

import json
from decimal import Decimal

from cms.core.spreadsheets import csv_lines, write_xlsx

__all__ = [
    "LIST_SEPARATOR",
    "cell_text",
    "csv_stream",
    "json_stream",
    "write_xlsx_file",
]

LIST_SEPARATOR = "; "


def cell_text(value):
    """A row value as the text of a cell (lists joined, yes/no, None empty)."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(value)
    return "" if value is None else str(value)


def _csv_value(value):
    # Numbers go to the writer as numbers, so that a negative one is never quoted.
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return value
    return cell_text(value)


def csv_stream(dataset, rows=None):
    """The dataset as CSV, one line at a time (bytes)."""
    rows = dataset.rows() if rows is None else rows
    return csv_lines(
        dataset.columns,
        ([_csv_value(row[column]) for column in dataset.columns] for row in rows),
    )


def json_stream(dataset, rows=None):
    """The dataset as a JSON array of objects, one object at a time (bytes)."""
    yield b"["
    separator = b"\n"
    for row in dataset.rows() if rows is None else rows:
        value = {column: row[column] for column in dataset.columns}
        yield separator + json.dumps(value, ensure_ascii=False).encode()
        separator = b",\n"
    yield b"\n]\n"


def write_xlsx_file(dataset, rows=None):
    """The dataset as an XLSX workbook in a file object positioned at its start (written a
    row at a time, spooled to disk past a few megabytes)."""
    rows = dataset.rows() if rows is None else rows
    return write_xlsx(
        dataset.columns,
        ([cell_text(row[column]) for column in dataset.columns] for row in rows),
        title=dataset.name,
    )

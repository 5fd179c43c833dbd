"""Reading an import file (CSV or XLSX) into rows of text, safely.

- Size: a file over IMPORT_MAX_BYTES (default 10 MB) is refused before it is read, and one
  with more than IMPORT_MAX_ROWS data rows (default 20,000) as soon as the row is reached.
- CSV: UTF-8 with or without BOM, else Windows-1252, unless an encoding is given. UTF-16 and
  binary files are refused with a message that says how to save the file. The delimiter is
  ","; a file whose header holds no "," but holds ";" is read with ";" (as Excel saves CSV in
  many locales). A cell that starts with "=" is plain text: nothing is ever evaluated.
- XLSX: the archive is checked before anything is decompressed: the declared uncompressed
  size of its members is capped (IMPORT_MAX_UNCOMPRESSED_BYTES, default 100 MB, and 100
  times the compressed size per member), and any XML member with a DTD or entity
  declaration is refused (XML bombs). The first sheet is read with openpyxl in read-only mode
  without evaluating anything; a cell that holds a formula is an error.
- Exports write a text cell that could start a formula with a leading "'" (so that no
  spreadsheet runs it, see `cms.core.spreadsheets`); that apostrophe is removed here, so
  exports round-trip.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils.translation import gettext as _

from cms.core.spreadsheets import strip_neutralization

from .problems import ImportFileError, Problem

__all__ = ["FORMATS", "Table", "detect_format", "limits", "read_table"]

FORMATS = ("csv", "xlsx")
ZIP_MAGIC = b"PK\x03\x04"
MAX_RATIO = 100


def limits():
    """The import limits in force: (max bytes, max rows, max uncompressed bytes of an XLSX)."""
    max_bytes = getattr(settings, "IMPORT_MAX_BYTES", 10 * 1024 * 1024)
    return (
        max_bytes,
        getattr(settings, "IMPORT_MAX_ROWS", 20_000),
        getattr(settings, "IMPORT_MAX_UNCOMPRESSED_BYTES", 10 * max_bytes),
    )


@dataclass
class Table:
    """The header (normalized column names) and the data rows as {column: text}."""

    header: list
    rows: list = field(default_factory=list)  # [(row number, {column: text})]
    encoding: str = ""


def detect_format(data, file_name=""):
    """ "xlsx" or "csv" from the file's content, checked against its extension."""
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    is_zip = data[:4] == ZIP_MAGIC
    if extension == "xlsx" and not is_zip:
        raise ImportFileError(Problem(None, "", _("This .xlsx file is not an Excel workbook.")))
    if extension == "csv" and is_zip:
        raise ImportFileError(
            Problem(None, "", _("This .csv file is an Excel workbook: name it .xlsx."))
        )
    if extension and extension not in FORMATS:
        raise ImportFileError(Problem(None, "", _("Only .csv and .xlsx files can be imported.")))
    return "xlsx" if is_zip else "csv"


def read_table(data, file_name="", encoding=None):
    """Read `data` (bytes) into a Table, or raise ImportFileError."""
    max_bytes, _max_rows, _max_unzipped = limits()
    if len(data) > max_bytes:
        raise ImportFileError(
            Problem(
                None,
                "",
                _("The file is too big: %(size)s bytes, the limit is %(limit)s bytes.")
                % {"size": len(data), "limit": max_bytes},
            )
        )
    if not data.strip():
        raise ImportFileError(Problem(None, "", _("The file is empty.")))
    if detect_format(data, file_name) == "xlsx":
        return _read_xlsx(data)
    return _read_csv(data, encoding)


def _clean(text):
    return strip_neutralization(text.strip()) if isinstance(text, str) else text


def _rows(header_cells, data_rows):
    """Normalize the header and pair each data row with its spreadsheet row number."""
    header = [str(cell or "").strip().lower().replace(" ", "_") for cell in header_cells]
    while header and not header[-1]:
        header.pop()
    table = Table(header=header)
    _max_bytes, max_rows, _max_unzipped = limits()
    for number, cells in data_rows:
        values = [_clean(cell) for cell in cells]
        if not any(values):
            continue
        if len(table.rows) >= max_rows:
            raise ImportFileError(
                Problem(
                    None,
                    "",
                    _("The file has more than %(limit)s rows; split it into smaller files.")
                    % {"limit": max_rows},
                )
            )
        row = {name: (values[i] if i < len(values) else "") for i, name in enumerate(header)}
        extra = [value for value in values[len(header) :] if value]
        if extra:
            row[None] = extra
        table.rows.append((number, row))
    return table


# --- CSV ------------------------------------------------------------------------------------


def _decode(data, encoding):
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ImportFileError(
                Problem(None, "", _("Unknown encoding “%(encoding)s”.") % {"encoding": encoding})
            ) from None
        except UnicodeDecodeError as error:
            raise ImportFileError(
                Problem(
                    None,
                    "",
                    _("The file is not in %(encoding)s (byte %(position)s).")
                    % {"encoding": encoding, "position": error.start + 1},
                )
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        raise ImportFileError(
            Problem(
                None,
                "",
                _(
                    "The file is not a text CSV file in UTF-8 or Windows-1252 (it looks like "
                    "UTF-16 or a binary file). Save it as “CSV UTF-8”."
                ),
            )
        )
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(data, "utf-8-sig")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "windows-1252"
    except UnicodeDecodeError:
        raise ImportFileError(
            Problem(
                None,
                "",
                _(
                    "The file is neither UTF-8 nor Windows-1252 text. Save it as "
                    "“CSV UTF-8”, or give its encoding."
                ),
            )
        ) from None


def _read_csv(data, encoding):
    text, used = _decode(data, encoding)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if "," not in first_line and ";" in first_line else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, [])
        table = _rows(header, ((reader.line_num, row) for row in reader))
    except csv.Error as error:
        raise ImportFileError(
            Problem(reader.line_num, "", _("the CSV is malformed (%(error)s)") % {"error": error})
        ) from None
    table.encoding = used
    return table


# --- XLSX -----------------------------------------------------------------------------------


def _check_archive(data):
    """Refuse a zip bomb or an XML bomb before openpyxl decompresses anything."""
    _max_bytes, _max_rows, max_unzipped = limits()
    refused = ImportFileError(
        Problem(None, "", _("The workbook is refused: it would expand to an unsafe size."))
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportFileError(
            Problem(None, "", _("The workbook is damaged and cannot be read."))
        ) from None
    if len(members) > 1000 or sum(m.file_size for m in members) > max_unzipped:
        raise refused
    for member in members:
        if member.file_size > MAX_RATIO * max(member.compress_size, 1024):
            raise refused
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as stream:
                # Read no more than declared, whatever the member's header claims.
                content = stream.read(member.file_size + 1)
            if len(content) > member.file_size:
                raise refused
            if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
                raise ImportFileError(
                    Problem(None, "", _("The workbook is refused: it declares XML entities."))
                )


def _cell_text(cell):
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if not value.time() else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(Decimal(repr(value)))
    return str(value)


def _read_xlsx(data):
    import openpyxl

    _check_archive(data)
    try:
        workbook = openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False
        )
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a damaged file
        raise ImportFileError(
            Problem(None, "", _("The workbook is damaged and cannot be read."))
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows()
        header = [_cell_text(cell) for cell in next(rows, ())]
        formulas = []

        def data_rows():
            for number, cells in enumerate(rows, start=2):
                texts = []
                for position, cell in enumerate(cells):
                    if getattr(cell, "data_type", None) == "f":
                        column = header[position] if position < len(header) else ""
                        column = column.strip().lower().replace(" ", "_")
                        formulas.append(Problem(number, column, _("formulas are not accepted")))
                        texts.append("")
                    else:
                        texts.append(_cell_text(cell))
                yield number, texts

        table = _rows(header, data_rows())
    finally:
        workbook.close()
    if formulas:
        raise ImportFileError(*formulas)
    table.encoding = "xlsx"
    return table

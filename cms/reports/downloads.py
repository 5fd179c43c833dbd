"""Files of figures and lists: the formats offered, and JSON responses.

CSV and XLSX files are written by `cms.core.spreadsheets` (cells that could start a formula
neutralized, numbers kept as numbers), like every other download of the product.
"""

import json

from django.http import HttpResponse

__all__ = ["FORMATS", "json_response"]

FORMATS = ("csv", "xlsx", "json")


def json_response(filename, data):
    """A JSON document (UTF-8, not escaped to ASCII), offered as a file."""
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

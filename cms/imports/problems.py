"""A problem found in an import file, located by row and column as a spreadsheet shows them."""

from dataclasses import dataclass

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

__all__ = ["ImportFileError", "Problem"]


@dataclass(frozen=True)
class Problem:
    """What is wrong, and where: `row` counts the header as row 1 (None: the whole file)."""

    row: int | None
    column: str
    message: str

    def __str__(self):
        if self.row is None:
            return self.message
        if not self.column:
            return _("row %(row)s: %(message)s") % {"row": self.row, "message": self.message}
        return _("row %(row)s, %(column)s: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }

    def as_html(self):
        """The problem on a page: the column's name, the file's own in every language, as
        code; the rest escaped."""
        if self.row is None or not self.column:
            return conditional_escape(str(self))
        # The message comes from the catalogue, and every value put into it is escaped.
        return mark_safe(  # noqa: S308
            _("row %(row)s, %(column)s: %(message)s")
            % {
                "row": self.row,
                "column": format_html("<code>{}</code>", self.column),
                "message": conditional_escape(self.message),
            }
        )

    def as_dict(self):
        return {"row": self.row, "column": self.column, "message": self.message}

    @classmethod
    def from_dict(cls, data):
        return cls(data.get("row"), data.get("column", ""), data.get("message", ""))


class ImportFileError(Exception):
    """The file cannot be read at all (too big, wrong encoding, not a spreadsheet...)."""

    def __init__(self, *problems):
        self.problems = list(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))

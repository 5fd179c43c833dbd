"""What the importers of agreements and of partners share: checking the header, collecting
problems, planning each row as "create", "update" or "unchanged", and applying the plan in
one transaction (all or nothing)."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .columns import COLUMNS, REQUIRED_COLUMNS
from .problems import Problem
from .values import CellError, Terms

__all__ = ["CREATE", "UNCHANGED", "UPDATE", "Importer", "RowPlan"]

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"


@dataclass
class RowPlan:
    """What the import will do with one row of the file."""

    row: int
    key: str
    label: str = ""
    values: dict = field(default_factory=dict)
    relations: dict = field(default_factory=dict)
    existing: object = None
    action: str = CREATE
    changes: list = field(default_factory=list)
    #: What the preview shows of the row beyond its key and label (partners, money...), and
    #: its warnings as codes with their values, put into words in the reader's language.
    shown: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)


class Importer:
    """Reads a Table into RowPlans (`plan`), then writes them (`write`).

    Subclasses give `kind`, `plan_row(number, row)` (returning a RowPlan or None when the row
    has problems), `resolve(plans)` (cross-row checks and the comparison with the database)
    and `write_row(plan)`.
    """

    kind = ""

    def __init__(self, table, progress=None, **options):
        self.table = table
        self.options = options
        self.problems = []
        self.plans = []
        self.terms = Terms()
        self.extra_counts = {}
        self._progress = progress or (lambda done, total, phase: None)

    # --- problems ---------------------------------------------------------------------------

    def problem(self, row, column, message):
        self.problems.append(Problem(row, column, str(message)))

    def cell(self, number, row, column, parse, default=None):
        """Parse one cell with `parse`; on failure record the problem and return `default`."""
        try:
            return parse(row.get(column, "") or "")
        except CellError as error:
            self.problem(number, column, error)
            return default

    def present(self, column):
        return column in self.table.header

    # --- the steps --------------------------------------------------------------------------

    def check_header(self):
        header = self.table.header
        known = COLUMNS[self.kind]
        seen = set()
        for name in header:
            if not name:
                self.problem(1, "", _("a column has no name"))
            elif name not in known:
                self.problem(
                    1,
                    name,
                    _("unknown column; the columns are: %(columns)s")
                    % {"columns": ", ".join(known)},
                )
            elif name in seen:
                self.problem(1, name, _("this column appears twice"))
            seen.add(name)
        for name in REQUIRED_COLUMNS[self.kind]:
            if name not in seen:
                self.problem(1, name, _("this column is missing"))
        return not self.problems

    def plan(self):
        """Check every row and decide what to do with it; return False on any problem."""
        if not self.check_header():
            return False
        if not self.table.rows:
            self.problem(None, "", _("The file has no data rows."))
            return False
        total = len(self.table.rows)
        for done, (number, row) in enumerate(self.table.rows, start=1):
            if None in row:
                self.problem(number, "", _("this row has more cells than the header"))
            plan = self.plan_row(number, row)
            if plan is not None:
                self.plans.append(plan)
            if done % 200 == 0 or done == total:
                self._progress(done, total, "check")
        if not self.problems:
            self.resolve(self.plans)
        else:
            # Refused: the good rows are still compared with the archive, so that the officer
            # reads what the file would have done once corrected.
            self.compare(self.plans)
        self.problems.sort(key=lambda problem: (problem.row or 0,))
        return not self.problems

    def compare(self, plans):
        """Hook: set each plan's action (and changes) from the records it matches."""

    def write(self):
        """Apply the plan in one transaction: every row is written, or none."""
        todo = [plan for plan in self.plans if plan.action != UNCHANGED]
        with transaction.atomic():
            self.before_write()
            for done, plan in enumerate(todo, start=1):
                self.write_row(plan)
                if done % 50 == 0 or done == len(todo):
                    self._progress(done, len(todo), "write")

    def before_write(self):
        """Hook: create what rows depend on (new partners) inside the transaction."""

    # --- results ----------------------------------------------------------------------------

    def counts(self):
        """What the run did, or, when a row is wrong, nothing written (0 created...) and what
        the good rows would have done under "would" (never "created 19" for a refused file)."""
        counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0}
        for plan in self.plans:
            counts[plan.action] += 1
        done = {
            "created": counts[CREATE],
            "updated": counts[UPDATE],
            "unchanged": counts[UNCHANGED],
        }
        result = {
            "rows": len(self.table.rows),
            **done,
            "errors": len(self.problems),
            **self.extra_counts,
        }
        if self.problems:
            result.update(created=0, updated=0, unchanged=0, would=done)
            result["rows_with_errors"] = len(
                {problem.row for problem in self.problems if problem.row and problem.row > 1}
            )
        return result

    def preview(self):
        """Every row of the file that could be read, in the file's order, as shown before
        confirming (the status page pages them)."""
        return {
            "rows": [
                {
                    "row": plan.row,
                    "key": plan.key,
                    "label": plan.label,
                    "action": plan.action,
                    "changes": plan.changes,
                    "warnings": plan.warnings,
                    **plan.shown,
                }
                for plan in sorted(self.plans, key=lambda plan: plan.row)
            ]
        }

    @staticmethod
    def diff(existing_values, new_values):
        """The names of the columns whose value changes."""
        return [
            column for column, value in new_values.items() if existing_values.get(column) != value
        ]

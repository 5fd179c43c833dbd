"""The reporting period a visitor chooses in the address: `?start=2014&end=2017`, or dates
(`?start=2014-07-01&end=2015-06-30`).

A year as start means its first day, a year as end its last day. Without a period, the
period of the Bureau's latest report on its partnerships is shown (`default_period`, 2014-2017,
WTDC-17's): the home page's figures are of the same period, computed from here, so that the
two pages never show two different "current" periods. The latest four full years of the archive
are one click away (`latest_full_years`). Bad input never fails: the visitor gets a message in
their language and the default period.
"""

import datetime
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .agreement_stats import archive_years

__all__ = [
    "FIRST_YEAR",
    "MAX_YEARS",
    "REPORT_PERIOD",
    "Period",
    "PeriodChoice",
    "default_period",
    "latest_full_years",
    "read_period",
]

#: The longest period a visitor may ask for, in years.
MAX_YEARS = 50
#: The period of the Bureau's latest report on its partnerships (WTDC-17's, the source of the
#: demo's figures): what the statistics page and the home page show by default.
REPORT_PERIOD = (2014, 2017)
#: The first year a visitor may ask for: the archive holds nothing older.
FIRST_YEAR = 1900

YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Period:
    """A reporting period, both days included."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def years(cls, first, last):
        return cls(datetime.date(first, 1, 1), datetime.date(last, 12, 31))

    @property
    def whole_years(self):
        """Whether the period runs from a 1 January to a 31 December."""
        return (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31)

    @property
    def params(self):
        """The period as GET parameters: years when it is made of whole years."""
        if self.whole_years:
            return {"start": str(self.start.year), "end": str(self.end.year)}
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}

    @property
    def query(self):
        return urlencode(self.params)

    @property
    def slug(self):
        """For file names: "2014-2017" or "2014-07-01_2015-06-30"."""
        if self.whole_years:
            return f"{self.start.year}-{self.end.year}"
        return f"{self.start.isoformat()}_{self.end.isoformat()}"


@dataclass(frozen=True)
class PeriodChoice:
    """What the address asked for: the period to show, what was typed (to put back in the
    form), and the messages explaining why the default was shown instead."""

    period: Period
    default: Period
    typed: dict
    errors: list

    @property
    def is_default(self):
        return self.period == self.default

    @property
    def form_values(self):
        """What the period form shows: what was typed when it was wrong, else the period."""
        return self.typed if self.errors else self.period.params


def default_period():
    """The period shown when the visitor chose none, on the statistics page and in the home
    page's figures: the period of the Bureau's latest report (`REPORT_PERIOD`)."""
    return Period.years(*REPORT_PERIOD)


def latest_full_years(today=None):
    """The latest four full years in which agreements were signed (the four years before the
    current one when the archive is empty)."""
    today = today or timezone.localdate()
    last_full = today.year - 1
    years = archive_years()
    if years is not None:
        last_full = min(years[1], last_full)
    return Period.years(last_full - 3, last_full)


def _parse(value, *, end):
    """A date from a year or an ISO date; None when it is neither."""
    value = value.strip()
    if YEAR.match(value):
        year = int(value)
        return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
    if len(value) == 10:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def read_period(params, today=None):
    """The period asked for in `params` (request.GET), with messages for what was wrong."""
    default = default_period()
    last_year = (today or timezone.localdate()).year
    typed = {name: (params.get(name) or "")[:40] for name in ("start", "end")}
    errors = []
    dates = {}
    for name, fallback in (("start", default.start), ("end", default.end)):
        value = typed[name].strip()
        if not value:
            dates[name] = fallback
            continue
        parsed = _parse(value, end=name == "end")
        if parsed is None:
            errors.append(
                _("“%(value)s” is not a year or a date: write 2015 or 2015-06-30.")
                % {"value": value}
            )
        elif not FIRST_YEAR <= parsed.year <= last_year:
            errors.append(
                _("“%(value)s” is out of range: choose years from %(first)d to %(last)d.")
                % {"first": FIRST_YEAR, "last": last_year, "value": value}
            )
        dates[name] = parsed
    if not errors:
        start, end = dates["start"], dates["end"]
        if end < start:
            errors.append(_("The end of the period is before its start."))
        elif end.year - start.year >= MAX_YEARS:
            errors.append(_("Choose a period of at most %(years)d years.") % {"years": MAX_YEARS})
    if errors:
        return PeriodChoice(period=default, default=default, typed=typed, errors=errors)
    period = Period(dates["start"], dates["end"])
    return PeriodChoice(period=period, default=default, typed=typed, errors=[])

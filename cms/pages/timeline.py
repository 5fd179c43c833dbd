"""An opportunity's timeline as visitors read it, and what depends on the day it is read.

"Closes in 5 days", the "closing soon" filter and the deadline order of the index change at
midnight without anything being edited. Pages that show them depend on the tag `day:<date>`
(`depend_on_today`), whose version is written with a lifetime that ends at the next local
midnight: from then on, the version the page was stored with is missing, which the page
cache counts as a change (cms.core.page_cache.versions), so no stored page shows
yesterday's "closing soon". The parts of the index kept in the shared cache also carry the
date in their keys.
"""

import datetime
import math
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cms.core.formats import format_date, format_number
from cms.core.page_cache import depends_on
from cms.core.page_cache.versions import start_version

__all__ = [
    "CLOSING_SOON_DAYS",
    "TimelineStep",
    "closing_soon_range",
    "day_tag",
    "deadline_note",
    "depend_on_today",
    "timeline_steps",
    "today",
]

#: A call whose deadline falls within this many days (today included) is "closing soon".
CLOSING_SOON_DAYS = 14


def today():
    """The site's date (TIME_ZONE)."""
    return timezone.localdate()


def closing_soon_range(day=None):
    """(first, last) deadline of a call closing soon on `day`: today to 14 days ahead."""
    day = day or today()
    return day, day + datetime.timedelta(days=CLOSING_SOON_DAYS)


def day_tag(day=None):
    """The page-cache tag of what is true on `day` only."""
    return f"day:{(day or today()).isoformat()}"


def _seconds_to_midnight():
    now = timezone.localtime()
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time(), tzinfo=now.tzinfo
    )
    return max(math.ceil((midnight - now).total_seconds()), 1)


def depend_on_today(request):
    """Record that the response shows something true today only (see the module)."""
    tag = day_tag()
    start_version(tag, _seconds_to_midnight())  # the day's version ends at midnight
    depends_on(request, tag)
    return tag


@dataclass(frozen=True)
class TimelineStep:
    """One date of the timeline: what happens, the date written out, and whether it is past."""

    code: str
    label: str
    date: datetime.date
    text: str
    past: bool


def timeline_steps(page, language=None, day=None):
    """The dated steps of `page`'s timeline, in order (those without a date left out)."""
    day = day or today()
    steps = (
        ("deadline", _("Call open until"), page.deadline),
        ("decision", _("Decision expected"), page.decision_date),
        ("start", _("Start"), page.start_date),
        ("end", _("End"), page.end_date),
    )
    return [
        TimelineStep(code, label, date, format_date(date, language), date < day)
        for code, label, date in steps
        if date
    ]


def deadline_note(page, language=None, day=None):
    """What a visitor should know of the deadline today: "Closes today", "Closes in 5
    days", "Closed on 1 May 2026"; empty without a deadline."""
    day = day or today()
    deadline = page.deadline
    if deadline is None:
        return ""
    days = (deadline - day).days
    if days < 0:
        # The deadline closes the call whatever its status says (OpportunityPage.is_open).
        return _("Closed on %(date)s") % {"date": format_date(deadline, language)}
    if days == 0:
        return _("Closes today")
    return ngettext("Closes in %(days)s day", "Closes in %(days)s days", days) % {
        "days": format_number(days, language=language)
    }

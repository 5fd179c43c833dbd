"""The preview of an import as an officer reads it before confirming: every row (paged), its
partners (found or to be created), its amount and currency, its USD value and the rate used,
and its warnings, all written in the officer's language.

The run keeps its rows as plain values and warning codes (`ImportRun.preview`); the words and
the formatting are made here, at reading time, so that a French officer reads in French the
preview of a run an English colleague started.
"""

from decimal import Decimal

from django.core.paginator import Paginator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.core.formats import format_money, format_number
from cms.core.money import format_usd

__all__ = ["PER_PAGE", "page_of_rows", "progress_text", "warning_counts"]

#: Rows per page of the preview.
PER_PAGE = 50


def _rows(preview):
    """The rows of a run's preview, in the file's order (older runs kept them by action)."""
    if "rows" in preview:
        return preview["rows"]
    legacy = [
        {**row, "action": action}
        for action in ("create", "update", "unchanged")
        for row in preview.get(action, [])
    ]
    return sorted(legacy, key=lambda row: row["row"])


def _actions(dry_run):
    if dry_run:
        return {"create": _("To create"), "update": _("To update"), "unchanged": _("Unchanged")}
    return {"create": _("Created"), "update": _("Updated"), "unchanged": _("Unchanged")}


def _rate(text):
    """A rate with all its decimals (a yen is worth 0.00945 dollars)."""
    number = Decimal(text)
    return format_number(number, max(0, -number.as_tuple().exponent))


def warning_text(warning):
    """One warning of a row, in words."""
    if warning["code"] == "new_partners":
        names = warning["names"]
        return ngettext(
            "Partner to be created: %(names)s",
            "Partners to be created: %(names)s",
            len(names),
        ) % {"names": "; ".join(names)}
    values = {"currency": warning["currency"], "year": warning["year"]}
    if warning["year"] is None:
        return (
            _("No signature date: converted with the long-run average %(currency)s rate.") % values
        )
    if warning["rate_year"] is None:
        return (
            _(
                "No %(currency)s rate for %(year)s in the table: converted with the "
                "long-run average rate of the years outside the table."
            )
            % values
        )
    return _(
        "No %(currency)s rate for %(year)s in the table: converted with the %(used)s rate."
    ) % {
        **values,
        "used": warning["rate_year"],
    }


def _money(money):
    """The amount, USD value and rate of a row, formatted."""
    if not money:
        return {}
    shown = {
        "amount": format_money(money.get("amount"), money.get("currency") or "USD"),
        "usd": format_usd(money.get("usd")),
    }
    if money.get("source") == "file":
        shown["rate"] = _("given in the file")
    elif money.get("source") == "rate" and money.get("currency") == "USD":
        shown["rate"] = _("in US dollars")
    elif money.get("source") == "rate":
        rate = _rate(money["rate"])
        if money.get("rate_year") is None:
            shown["rate"] = _("%(rate)s (long-run average)") % {"rate": rate}
        else:
            shown["rate"] = _("%(rate)s (%(year)s)") % {"rate": rate, "year": money["rate_year"]}
    return shown


def page_of_rows(preview, dry_run, number):
    """(the page `number` of the preview's rows, ready to show; the Paginator's page; the
    words "rows 51–100 of 240")."""
    rows = _rows(preview)
    page = Paginator(rows, PER_PAGE).get_page(number)
    actions = _actions(dry_run)
    shown = [
        {
            "row": row["row"],
            "key": row["key"],
            "label": row["label"],
            "action": row["action"],
            "action_label": actions.get(row["action"], ""),
            "changes": row.get("changes") or [],
            "partners": row.get("partners"),
            "money": _money(row.get("money")),
            "warnings": [warning_text(warning) for warning in row.get("warnings") or []],
        }
        for row in page.object_list
    ]
    words = ""
    if rows:
        words = _("rows %(first)s–%(last)s of %(total)s") % {
            "first": format_number(page.start_index()),
            "last": format_number(page.end_index()),
            "total": format_number(len(rows)),
        }
    return shown, page, words


def warning_counts(preview):
    """The warnings of the whole file, counted for the top of the page, in words."""
    rates = partners = 0
    for row in _rows(preview):
        for warning in row.get("warnings") or []:
            if warning["code"] == "other_year":
                rates += 1
            elif warning["code"] == "new_partners":
                partners += 1
    counts = []
    if rates:
        counts.append(
            ngettext(
                "%(count)s row converted with a rate of another year than its agreement's",
                "%(count)s rows converted with a rate of another year than their agreement's",
                rates,
            )
            % {"count": format_number(rates)}
        )
    if partners:
        counts.append(
            ngettext(
                "%(count)s row names a partner to be created",
                "%(count)s rows name partners to be created",
                partners,
            )
            % {"count": format_number(partners)}
        )
    return counts


def progress_text(run, live):
    """Where a pending run is, in words: rows checked or records written out of how many."""
    if run.status == run.Status.QUEUED and not live:
        return _("Waiting for the import worker to start…")
    live = live or {}
    done, total = live.get("done"), live.get("total")
    if done is None or not total:
        return _("Reading the file…")
    values = {"done": format_number(done), "total": format_number(total)}
    if live.get("phase") == "write":
        return _("Writing: %(done)s of %(total)s records") % values
    return _("Checking: %(done)s of %(total)s rows") % values

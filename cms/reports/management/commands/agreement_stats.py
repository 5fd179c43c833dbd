"""`manage.py agreement_stats`: the figures of the agreements of a period."""

import datetime
import json

from django.core.management.base import BaseCommand, CommandError

from cms.reports.agreement_stats import UNDATED, UNDATED_LABEL, agreement_figures


def _date(option, value):
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CommandError(f"{option}: {value!r} is not a date in the form YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Figures of the agreements signed in a period (by signature date, or by registration "
        "date when undated): new agreements, addenda, value in USD, and new agreements by "
        "year, beneficiary region (1/k rule) and primary thematic area."
    )

    def add_arguments(self, parser):
        parser.add_argument("--start", required=True, help="First day, YYYY-MM-DD.")
        parser.add_argument("--end", required=True, help="Last day, YYYY-MM-DD (included).")
        parser.add_argument("--tag", help="Count only the agreements with this tag.")
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, **options):
        start = _date("--start", options["start"])
        end = _date("--end", options["end"])
        if end < start:
            raise CommandError(f"--end ({end}) is before --start ({start}).")
        figures = agreement_figures(start, end, tag=options["tag"])
        if options["json"]:
            self.stdout.write(json.dumps(figures.as_dict(), ensure_ascii=False))
            return
        self.stdout.write(self.table(figures, options["tag"]))

    def table(self, figures, tag):
        data = figures.as_dict()
        heading = f"Agreements from {figures.start} to {figures.end}"
        lines = [heading + (f", tagged {tag!r}" if tag else ""), ""]
        lines += [
            f"  {'New agreements':<34}{data['new_agreements']:>16}",
            f"  {'Addenda and amendments':<34}{data['addenda']:>16}",
            f"  {'Estimated value (USD)':<34}{figures.value_usd:>16,.2f}",
        ]
        sections = [
            ("New agreements by year of signature", data["by_year"]),
            ("New agreements by beneficiary region (1/k)", data["by_region"]),
            ("New agreements by primary thematic area", data["by_area"]),
        ]
        for title, counts in sections:
            lines += ["", title]
            for key, value in counts.items():
                label = str(UNDATED_LABEL) if key == UNDATED else key
                shown = f"{value:g}" if isinstance(value, float) else value
                lines.append(f"  {label:<34}{shown:>16}")
        return "\n".join(lines)

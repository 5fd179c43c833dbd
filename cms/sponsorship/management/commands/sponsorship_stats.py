"""`manage.py sponsorship_stats [--json]`: the sponsorship figures (confirmed and delivered)."""

import json

from django.core.management.base import BaseCommand

from cms.core.money import format_usd
from cms.sponsorship.stats import sponsorship_figures


def _number(value):
    """A whole amount as an integer, any other as a float (JSON has no decimals)."""
    return int(value) if value == value.to_integral_value() else float(value)


class Command(BaseCommand):
    help = (
        "Print the number of entities that sponsored the Bureau's events and the amount in "
        "USD, in total and per event (confirmed and delivered sponsorships)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")

    def handle(self, *args, **options):
        figures = sponsorship_figures()
        if options["json"]:
            data = {
                "entities": figures["entities"],
                "amount_usd": _number(figures["amount_usd"]),
                "by_event": {
                    name: {"entities": row["entities"], "amount_usd": _number(row["amount_usd"])}
                    for name, row in figures["by_event"].items()
                },
            }
            self.stdout.write(json.dumps(data, ensure_ascii=False))
            return
        lines = [
            f"{name}: {row['entities']} entities, {format_usd(row['amount_usd'], decimals=2)}"
            for name, row in figures["by_event"].items()
        ]
        total = format_usd(figures["amount_usd"], decimals=2)
        lines.append(f"Total: {figures['entities']} entities, {total}")
        self.stdout.write("\n".join(lines))

"""`manage.py find_partners`: the partner finder on the command line.

    manage.py find_partners --area "Cybersecurity" --region AFR --country KE \
        --text "child online" --limit 10 --json

prints a JSON list of {"partner", "score", "agreements": [references]}, best first; without
--json, a table with each score's breakdown. Terms are given by code or by name in any of
the six languages; --area, --region, --country, --funding-type and --kind may be repeated.
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from cms.pages.models import OpportunityPage
from cms.snippets.models import BeneficiaryRegion, FundingType, PartnerKind, ThematicArea

from ...criteria import Criteria, UnknownTerm, resolve_countries, resolve_terms
from ...forms import opportunity_query
from ...ranking import rank_partners
from ...weights import DEFAULT_LIMIT, MAX_LIMIT

TERM_OPTIONS = ("area", "region", "country", "funding_type", "kind")


class Command(BaseCommand):
    help = (
        "Rank partners for a new activity from their past agreements and stated priorities, "
        "best first, with the agreements behind each score."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--area",
            action="append",
            default=[],
            help="Thematic area: code or name in any language (repeatable).",
        )
        parser.add_argument(
            "--region",
            action="append",
            default=[],
            help="Beneficiary region: code (AFR, AMS, ARB, ASP, CIS, EUR, GLO) or name "
            "(repeatable).",
        )
        parser.add_argument(
            "--country",
            action="append",
            default=[],
            help="Beneficiary country: ISO 3166 code or English name (repeatable).",
        )
        parser.add_argument(
            "--funding-type",
            action="append",
            default=[],
            dest="funding_type",
            help="Funding type: code or name (repeatable).",
        )
        parser.add_argument(
            "--kind",
            action="append",
            default=[],
            help="Only partners of this kind: code or name (repeatable).",
        )
        parser.add_argument("--text", default="", help="Words to look for.")
        parser.add_argument(
            "--opportunity",
            type=int,
            help="Id of an opportunity page whose areas, regions, countries and partner kinds "
            "are added to the criteria.",
        )
        parser.add_argument(
            "--limit",
            type=int,
            default=DEFAULT_LIMIT,
            help=f"How many partners to list (1 to {MAX_LIMIT}; default {DEFAULT_LIMIT}).",
        )
        parser.add_argument(
            "--public-only",
            action="store_true",
            help="Leave confidential agreements out (as the finder does for users who may "
            "not see them).",
        )
        parser.add_argument("--json", action="store_true", help="Print JSON.")

    def handle(self, *args, **options):
        limit = options["limit"]
        if not 1 <= limit <= MAX_LIMIT:
            raise CommandError(_("--limit must be between 1 and %(max)s.") % {"max": MAX_LIMIT})
        values = {name: list(options[name]) for name in TERM_OPTIONS}
        if options["opportunity"] is not None:
            page = OpportunityPage.objects.filter(pk=options["opportunity"]).first()
            if page is None:
                raise CommandError(
                    _("No opportunity page has the id %(id)s.") % {"id": options["opportunity"]}
                )
            for name, codes in opportunity_query(page).lists():
                if name in values:
                    values[name] += codes
        try:
            criteria = Criteria(
                areas=resolve_terms(ThematicArea, values["area"]),
                regions=resolve_terms(BeneficiaryRegion, values["region"]),
                countries=resolve_countries(values["country"]),
                funding_types=resolve_terms(FundingType, values["funding_type"]),
                kinds=resolve_terms(PartnerKind, values["kind"]),
                text=options["text"],
            )
        except UnknownTerm as error:
            raise CommandError(str(error)) from None
        if criteria.is_empty:
            raise CommandError(
                _(
                    "Give at least one of --area, --region, --country, --funding-type, "
                    "--text or --opportunity."
                )
            )
        ranking = rank_partners(
            criteria, include_confidential=not options["public_only"], limit=limit
        )
        if options["json"]:
            self.stdout.write(
                json.dumps([match.as_dict() for match in ranking.results], ensure_ascii=False)
            )
            return
        self.write_table(ranking)

    def write_table(self, ranking):
        if not ranking.results:
            self.stdout.write(_("No partner matches these criteria."))
            return
        self.stdout.write(
            _("%(total)s partners match; ages counted from %(date)s.")
            % {"total": ranking.total, "date": ranking.reference_date.isoformat()}
        )
        for rank, match in enumerate(ranking.results, start=1):
            self.stdout.write("")
            self.stdout.write(
                self.style.MIGRATE_HEADING(f"{rank:>3}. {match.english_name}")
                + f"  {_('score')} {match.score:.2f}"
            )
            for _key, label, points in match.components():
                self.stdout.write(f"       {str(label):<45} {points:>8.2f}")
            for reason in match.agreements:
                day = reason.date.isoformat() if reason.date else "—"
                flag = f" [{_('confidential')}]" if reason.is_confidential else ""
                self.stdout.write(
                    f"       - {reason.reference:<16} {day:<10} {reason.points:>6.2f}  "
                    f"{reason.title[:60]}{flag}"
                )
            if match.more_agreements:
                self.stdout.write(
                    "       "
                    + _("… and %(count)s more: %(references)s")
                    % {
                        "count": match.more_agreements,
                        "references": ", ".join(match.references[len(match.agreements) :]),
                    }
                )

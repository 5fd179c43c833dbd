"""What became of a funded or closed opportunity: its progress reports (newest first, each
with its status light) and the partners it thanks for funding it, in the page's language.

The funders are the partners that signed, as funders, a public agreement linked to the
opportunity (`Agreement.project_page`, any language's page of it); confidential agreements
never name anyone here. They are read in one query, their names in the page's language where
the partner is translated (the English name otherwise, marked as English), each linked to its
profile when it is in the funding-partner database. Both lists are the same for every visitor:
kept in the shared cache under the page's tags and `RESULTS_TAGS` (the agreements, the
partners), which such a page alone depends on: a change of either rebuilds the funded and
closed opportunities' pages (and purges them from a CDN, cms.publishing.cdn), while an open
call's page stays cached.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import CharField, OuterRef, Subquery, Value
from django.utils import translation

from cms.core import chrome
from cms.core.formats import format_date
from cms.core.page_cache import depends_on
from cms.core.sorting import sort_key
from cms.snippets.models import Agreement, AgreementPartner, Partner

from ..models import OpportunityPage
from ..models.progress import PROGRESS_SHOWN_STATUSES, OpportunityProgressReport
from ..public_records import ProfileLinks
from ..public_records.records import SOURCE, PartnerLink, partner_slug
from .registry import builds
from .shared import shared_part

__all__ = [
    "FUNDING_ROLES",
    "RESULTS_TAGS",
    "ProgressReport",
    "funders_of",
    "opportunity_results",
]

#: The roles in an agreement for which a partner is thanked as a funder of the opportunity.
FUNDING_ROLES = (AgreementPartner.Role.FUNDER, AgreementPartner.Role.SPONSOR)

#: What the funders are read from, beyond the page (cms.publishing.page_cache bumps them).
RESULTS_TAGS = ("data:agreements", "data:partners")


@dataclass(frozen=True)
class ProgressReport:
    """A progress report as the page shows it: its date and status light in the page's
    language, and its text."""

    date: date
    date_text: str
    status: str
    status_label: str
    text: str


def progress_reports(page, language_code):
    """The page's progress reports, newest first (the editor's order among reports of one
    day); read from the page's relation, so a preview shows its unsaved reports."""
    reports = sorted(
        enumerate(page.progress_reports.all()),
        key=lambda item: (item[1].date, -item[0]),
        reverse=True,
    )
    lights = dict(OpportunityProgressReport.Light.choices)
    with translation.override(language_code):
        return [
            ProgressReport(
                date=report.date,
                date_text=format_date(report.date, language_code),
                status=report.status,
                status_label=str(lights.get(report.status, report.status)),
                text=report.text,
            )
            for _position, report in reports
        ]


def funders_of(page, language_code, links):
    """The partners that fund the opportunity through its public agreements, by name in
    `language_code`, each once (one query); `links`: the profiles' addresses."""
    rows = AgreementPartner.objects.filter(
        # The archive's one rule of what is public (Agreement.objects.public()).
        agreement__in=Agreement.objects.public().filter(
            project_page__translation_key=page.translation_key
        ),
        role__in=FUNDING_ROLES,
    )
    if language_code == SOURCE:
        rows = rows.annotate(translated=Value(None, output_field=CharField()))
    else:
        rows = rows.annotate(
            translated=Subquery(
                Partner.objects.filter(
                    locale__language_code=language_code,
                    translation_key=OuterRef("partner__translation_key"),
                ).values("name")[:1]
            )
        )
    found = {}
    for pk, name, is_funding, translated in rows.values_list(
        "partner_id", "partner__name", "partner__is_funding_partner", "translated"
    ).distinct():
        found[pk] = PartnerLink(
            pk=pk,
            name=translated or name,
            language=language_code if translated else SOURCE,
            # Only the funding-partner database has profiles to link to.
            url=links.url(pk, partner_slug(name)) if is_funding else None,
        )
    return sorted(found.values(), key=lambda partner: sort_key(partner.name))


def _results(page, request):
    language_code = chrome.prime_locale(request, page).locale.language_code
    return {
        "progress_reports": progress_reports(page, language_code),
        "funders": funders_of(
            page, language_code, ProfileLinks.for_language(language_code, request)
        ),
    }


@builds(OpportunityPage)
def opportunity_results(page, request):
    """The progress reports and funders of a funded or closed opportunity (nothing for the
    others: an open call has no results to show yet)."""
    if page.status not in PROGRESS_SHOWN_STATUSES:
        return {}
    depends_on(request, *RESULTS_TAGS)
    return shared_part(page, request, "results", lambda: _results(page, request), tags=RESULTS_TAGS)

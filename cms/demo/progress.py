"""Progress reports of the demo's funded and closed opportunities, and the public agreements
of the archive that fund them (issue 20, item 2), from `data/progress_reports.json`.

A report's date counts from the day the demo is loaded, like the timeline's; its text is
given in the six languages and goes through wagtail-localize with the rest of the page. Its
translation key is made from the opportunity's slug and its place, the same on every run, so
that loading the demo again finds the reports as they are and writes nothing.
"""

import datetime
import uuid

from django.utils import timezone

from cms.pages.models import OpportunityProgressReport
from cms.snippets.models import Agreement

from .facts import read_json

__all__ = ["link_funding_agreements", "progress_facts", "progress_reports"]

# Translation keys of the demo's reports: uuid5 of "<slug>:<position>" in this namespace.
REPORT_NAMESPACE = uuid.UUID("6b0e7f7a-1f4c-4d2a-9a57-3c2d8e1b5f40")


def progress_facts():
    """{slug: {"agreements": [references], "reports": [...]}} of the demo opportunities."""
    return read_json("progress_reports.json")["opportunities"]


def progress_reports(slug, language):
    """The unsaved progress reports of the opportunity `slug`, their text in `language`, in
    the editor's order; none for an opportunity without reports."""
    facts = progress_facts().get(slug)
    if not facts:
        return []
    today = timezone.localdate()
    return [
        OpportunityProgressReport(
            translation_key=uuid.uuid5(REPORT_NAMESPACE, f"{slug}:{position}"),
            sort_order=position,
            date=today + datetime.timedelta(days=report["days"]),
            status=report["status"],
            text=report["text"][language],
        )
        for position, report in enumerate(facts["reports"])
    ]


def link_funding_agreements(pages):
    """Point the archive's public agreements named in the facts to the opportunity they fund,
    where they point to no page yet; return the number of agreements linked."""
    linked = 0
    for slug, facts in progress_facts().items():
        references = facts.get("agreements", [])
        if references:
            linked += (
                Agreement.objects.public()
                .filter(reference__in=references, project_page=None)
                .update(project_page=pages[slug])
            )
    return linked

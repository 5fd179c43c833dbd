"""The demo's partner pipeline: one opportunity's finder shortlist saved for the demo officer
and taken to different stages, so that the pipeline, its downloads and the officer's
dashboard have something to show right after `load_demo_data` (which calls this command).

The shortlist is the finder's own for the opportunity (its criteria, its ranking), saved as
an officer would save it; the stages, follow-ups and notes are then set as a few weeks of work
would leave them, relative to today. Running it again changes nothing once the opportunity
has a pipeline.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from cms.finder.forms import PartnerFinderForm, opportunity_query
from cms.finder.ranking import rank_partners
from cms.pages.models import OpportunityPage
from cms.pipeline.models import PipelineEntry, PipelineNote, Stage
from cms.pipeline.shortlist import save_shortlist

#: The demo officer who keeps the pipeline (cms/demo/users.py).
OFFICER = "officer"
#: How many partners of the shortlist are saved.
SHORTLIST = 6
#: Each saved partner in rank order: its stage, the follow-up in days from today (None for
#: none) and its notes ((days ago, text), oldest first).
PLAN = [
    (
        Stage.IN_DISCUSSION,
        3,
        [
            (20, "Introductory call with the programme team; interested in the African schools."),
            (6, "Concept note sent; they will answer after their board meets."),
        ],
    ),
    (Stage.CONTACTED, -2, [(12, "E-mail sent to the partnerships desk with the brief.")]),
    (Stage.CONTACTED, 9, [(4, "Met at the regional forum; asked for the budget breakdown.")]),
    (Stage.IDENTIFIED, 14, []),
    (Stage.COMMITTED, None, [(30, "Letter of intent signed for the first phase.")]),
    (Stage.DECLINED, None, [(15, "No budget line for this region before 2028.")]),
]


def load_demo_pipeline():
    """Save the shortlist of the first English opportunity with thematic areas for the demo
    officer and stage it; returns the number of entries written (0 when already there)."""
    officer = get_user_model().objects.filter(username=OFFICER).first()
    opportunity = (
        OpportunityPage.objects.live()
        .filter(locale__language_code="en", thematic_areas__isnull=False)
        .order_by("path")
        .first()
    )
    if officer is None or opportunity is None:
        return 0
    if PipelineEntry.objects.filter(opportunity=opportunity).exists():
        return 0
    form = PartnerFinderForm(opportunity_query(opportunity), language="en")
    if not form.is_valid():
        return 0
    ranking = rank_partners(form.criteria(), limit=SHORTLIST, language="en")
    ranked = list(enumerate(ranking.results, start=1))
    save_shortlist(opportunity, ranked, officer)
    today = timezone.localdate()
    entries = PipelineEntry.objects.filter(opportunity=opportunity).order_by("finder_rank")
    for item, (stage, follow_up, notes) in zip(entries, PLAN, strict=False):
        item.stage = stage
        if follow_up is not None:
            item.next_follow_up = today + datetime.timedelta(days=follow_up)
        item.save()
        PipelineNote.objects.bulk_create(
            PipelineNote(
                entry=item,
                author=officer,
                date=today - datetime.timedelta(days=days),
                text=text,
            )
            for days, text in notes
        )
    return len(ranked)


class Command(BaseCommand):
    help = (
        "Give one demo opportunity a partner pipeline kept by the demo officer (after "
        "load_demo_data). Safe to run again."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            written = load_demo_pipeline()
        self.stdout.write(f"Partner pipeline: {written} entries written")

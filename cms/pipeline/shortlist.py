"""Saving a finder shortlist to an opportunity's pipeline.

The finder ranks partners' English records; a page may be opened in any of its languages.
Both are brought back to their concept (the partner's English record, the opportunity's page
in the source language) so that one partner has one entry per opportunity, however often and
in whatever language the shortlist is saved: a second save adds only the partners not yet in
the pipeline and leaves the others' stages, owners and notes as they are.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import transaction

from cms.snippets.models import Partner

from .concepts import concept_opportunity, concept_partner
from .models import PipelineEntry

__all__ = [
    "SavedShortlist",
    "concept_opportunity",
    "concept_partner",
    "partners_in_pipeline",
    "save_shortlist",
]


@dataclass(frozen=True)
class SavedShortlist:
    """What a save did: the partners added and those already in the pipeline."""

    added: int
    already: int


def _english_partner_ids(partner_ids):
    """{given partner id: the id of its English record} (one query)."""
    rows = Partner.objects.filter(pk__in=partner_ids).values_list("pk", "translation_key")
    keys = dict(rows)
    english = dict(
        Partner.objects.filter(
            translation_key__in=keys.values(), locale__language_code=settings.LANGUAGE_CODE
        ).values_list("translation_key", "pk")
    )
    return {pk: english.get(key, pk) for pk, key in keys.items()}


@transaction.atomic
def save_shortlist(opportunity, ranked, user):
    """Add the partners `ranked` ((rank in the finder, the finder's PartnerMatch) pairs) to
    the pipeline of `opportunity`, identified, followed by `user`; partners already in it are
    left as they are. Returns a SavedShortlist."""
    opportunity = concept_opportunity(opportunity)
    english = _english_partner_ids([match.pk for _rank, match in ranked])
    wanted = {}
    for rank, match in ranked:
        partner_id = english.get(match.pk)
        if partner_id is not None and partner_id not in wanted:
            wanted[partner_id] = (rank, match.score)
    existing = set(
        PipelineEntry.objects.filter(opportunity=opportunity, partner_id__in=wanted).values_list(
            "partner_id", flat=True
        )
    )
    PipelineEntry.objects.bulk_create(
        [
            PipelineEntry(
                opportunity=opportunity,
                partner_id=partner_id,
                owner=user,
                finder_rank=rank,
                finder_score=Decimal(str(round(score, 2))),
            )
            for partner_id, (rank, score) in wanted.items()
            if partner_id not in existing
        ],
        # Two officers saving at once: the second finds the first's rows and skips them.
        ignore_conflicts=True,
    )
    return SavedShortlist(added=len(wanted) - len(existing), already=len(existing))


def partners_in_pipeline(opportunity, rows):
    """The ids, among the finder's result `rows`, of the partners already in the pipeline of
    `opportunity` (one query), so that the finder can say so beside them."""
    if not rows:
        return frozenset()
    return frozenset(
        PipelineEntry.objects.filter(
            opportunity=concept_opportunity(opportunity),
            partner_id__in=[row.match.pk for row in rows],
        ).values_list("partner_id", flat=True)
    )

"""Factories of the pipeline, shared by the tests (the demo saves its pipeline from the
finder, as an officer would, see `load_demo_pipeline`).

`PipelineEntryFactory(opportunity=page, partner=partner, owner=officer)` makes one partner
of an opportunity's pipeline, identified; `PipelineNoteFactory(entry=entry, author=officer)`
a note of today.
"""

import factory
from django.utils import timezone

from .models import PipelineEntry, PipelineNote, Stage

__all__ = ["PipelineEntryFactory", "PipelineNoteFactory"]


class PipelineEntryFactory(factory.django.DjangoModelFactory):
    """A partner approached for an opportunity (its English record, the page in English)."""

    class Meta:
        model = PipelineEntry

    opportunity = None  # an OpportunityPage: required
    partner = factory.SubFactory("cms.snippets.factories.PartnerFactory")
    stage = Stage.IDENTIFIED
    owner = None


class PipelineNoteFactory(factory.django.DjangoModelFactory):
    """A note of today on an entry."""

    class Meta:
        model = PipelineNote

    entry = factory.SubFactory(PipelineEntryFactory)
    date = factory.LazyFunction(timezone.localdate)
    author = None
    text = factory.Sequence(lambda n: f"Called the partnerships desk ({n}).")

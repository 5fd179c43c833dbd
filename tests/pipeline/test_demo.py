"""The demo's pipeline: the finder's shortlist of an opportunity, saved for the demo officer
and taken to every stage, with follow-ups (one overdue) and notes; written once."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.core.roles import OFFICERS
from cms.pipeline.models import PipelineEntry, Stage
from cms.pipeline.panels import next_follow_ups
from tests.snippets.admin.records import make_user

from .conftest import SHORTLIST

pytestmark = pytest.mark.django_db


def load():
    output = StringIO()
    call_command("load_demo_pipeline", stdout=output)
    return output.getvalue()


def test_the_demo_officer_gets_a_staged_pipeline_once(archive, opportunity):
    officer = make_user("officer", OFFICERS)

    assert "Partner pipeline: 4 entries written" in load()

    entries = list(PipelineEntry.objects.order_by("finder_rank"))
    assert [e.partner.name for e in entries] == SHORTLIST
    assert [e.stage for e in entries] == [
        Stage.IN_DISCUSSION,
        Stage.CONTACTED,
        Stage.CONTACTED,
        Stage.IDENTIFIED,
    ]
    assert entries[0].notes.count() == 2
    assert {note.author for e in entries for note in e.notes.all()} == {officer}
    follow_ups = next_follow_ups(officer)
    assert follow_ups[0].partner.name == "Mixed Partner"
    assert follow_ups[0].next_follow_up < timezone.localdate()

    assert "Partner pipeline: 0 entries written" in load()
    assert PipelineEntry.objects.count() == 4

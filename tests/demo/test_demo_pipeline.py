"""The demo's partner pipeline: after `load_demo_data`, one opportunity's finder shortlist is
in the pipeline of the demo officer, at every stage, and their dashboard lists follow-ups."""

import pytest
from django.contrib.auth import get_user_model

from cms.pipeline.models import PipelineEntry, Stage
from cms.pipeline.panels import next_follow_ups

pytestmark = pytest.mark.django_db


def test_the_demo_officer_has_a_pipeline_to_follow_up(demo_data):
    assert "Partner pipeline: 6 entries written" in demo_data
    officer = get_user_model().objects.get(username="officer")
    entries = PipelineEntry.objects.filter(owner=officer)
    assert entries.values("opportunity").distinct().count() == 1
    assert set(entries.values_list("stage", flat=True)) == set(Stage.values)
    assert all(entry.partner.locale.language_code == "en" for entry in entries)
    assert len(next_follow_ups(officer)) == 4

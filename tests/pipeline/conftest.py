"""Shared data of the pipeline tests: the finder's constructed archive (tests/finder), an
opportunity that seeks partners in Cybersecurity and Africa, and entries made directly."""

import datetime

import pytest

from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pipeline.models import PipelineEntry, Stage
from tests.finder.conftest import archive, vocab  # noqa: F401

FINDER = "/admin/partner-finder/"
PIPELINE = "/admin/pipeline/"


@pytest.fixture
def opportunity(vocab, home_page):  # noqa: F811
    index = OpportunityIndexPageFactory(parent=home_page)
    return OpportunityPageFactory(
        parent=index,
        title="Safer schools online",
        thematic_areas=[vocab["cyber"]],
        regions=[vocab["afr"]],
    )


def finder_url(opportunity, **params):
    """The finder opened from `opportunity` with its criteria (Cybersecurity, Africa)."""
    query = {"area": "cybersecurity", "region": "afr", "opportunity": opportunity.pk, **params}
    return FINDER + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def entry(opportunity, partner, *, owner=None, stage=Stage.IDENTIFIED, days=None, **fields):
    """A pipeline entry whose follow-up is `days` from today (None: no follow-up)."""
    if days is not None:
        fields["next_follow_up"] = datetime.date.today() + datetime.timedelta(days=days)
    return PipelineEntry.objects.create(
        opportunity=opportunity, partner=partner, owner=owner, stage=stage, **fields
    )


def is_refused(response):
    """Whether the admin refused the request as it refuses any action one may not do: back
    to the dashboard (with "Sorry, you do not have permission") rather than the page."""
    return response.status_code == 302 and response["Location"] == "/admin/"

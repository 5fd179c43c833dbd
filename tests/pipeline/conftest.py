"""Shared data of the pipeline tests: the finder's constructed archive (tests/finder), an
opportunity that seeks partners in Cybersecurity and Africa, and entries made directly."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pipeline.factories import PipelineEntryFactory
from cms.pipeline.models import Stage
from tests.finder.conftest import archive, vocab  # noqa: F401

FINDER = "/admin/partner-finder/"
#: The partners the finder ranks for the opportunity (Cybersecurity in Africa), best first.
SHORTLIST = ["Recent Large Partner", "Mixed Partner", "Small Partner", "Old Partner"]
PIPELINE = "/admin/pipeline/"


@pytest.fixture
def opportunity(vocab, home_page):  # noqa: F811
    return make_opportunity(vocab, home_page)


def make_opportunity(terms, home_page):
    """An opportunity that seeks partners in Cybersecurity and Africa."""
    index = OpportunityIndexPageFactory(parent=home_page)
    return OpportunityPageFactory(
        parent=index,
        title="Safer schools online",
        thematic_areas=[terms["cyber"]],
        regions=[terms["afr"]],
    )


def finder_url(opportunity, **params):
    """The finder opened from `opportunity` with its criteria (Cybersecurity, Africa)."""
    query = {"area": "cybersecurity", "region": "afr", "opportunity": opportunity.pk, **params}
    return FINDER + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def entry(opportunity, partner, *, owner=None, stage=Stage.IDENTIFIED, days=None, **fields):
    """A pipeline entry whose follow-up is `days` from today (None: no follow-up)."""
    if days is not None:
        fields["next_follow_up"] = datetime.date.today() + datetime.timedelta(days=days)
    return PipelineEntryFactory(
        opportunity=opportunity, partner=partner, owner=owner, stage=stage, **fields
    )


def is_refused(response):
    """Whether the admin refused the request as it refuses any action one may not do: back
    to the dashboard (with "Sorry, you do not have permission") rather than the page."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def assert_flat_queries(client, url, add_rows):
    """Read `url` before and after `add_rows()` adds rows to it: the same number of queries
    (each after a warm-up: content types, the site, shared cached values rebuilt once after a
    change). Returns the last response."""
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add_rows()
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(many.captured_queries) == len(few.captured_queries)
    return response

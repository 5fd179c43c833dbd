"""In a real browser: a partnership officer opens the finder from an opportunity, saves its
shortlist to the opportunity's pipeline, moves one partner from "Identified" to "Contacted" with
a note, then to "In discussion" with a follow-up date, and finds that follow-up on their
dashboard (issue 19, item 5). The pages pass axe's WCAG 2.2 A/AA checks."""

import datetime

import pytest
from django.utils import timezone

from cms.core.formats import format_date
from cms.core.roles import OFFICERS
from cms.pipeline.models import PipelineEntry, Stage
from tests.finder.conftest import archive, vocab  # noqa: F401
from tests.pipeline.conftest import finder_url, opportunity  # noqa: F401
from tests.snippets.admin.records import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


#: Resolves once every CSS transition and animation of the page has ended.
SETTLED = "() => Promise.all(document.getAnimations().map(animation => animation.finished))"


def _log_in(page, username):
    page.fill("#id_username", username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def _move(page, stage, note=None, follow_up=None):
    """On an entry's form: choose the stage, add a note, set the follow-up, save."""
    page.select_option("#id_stage", label=stage)
    if note:
        page.click("#id_notes-ADD")
        page.locator("textarea[name$='-text']").last.fill(note)
    if follow_up:
        page.fill("#id_next_follow_up", follow_up.isoformat())
        page.keyboard.press("Escape")  # close the date picker
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()


def test_officer_saves_a_shortlist_and_follows_a_partner_up(
    live_server,
    open_page,
    axe_violations,
    archive,  # noqa: F811
    opportunity,  # noqa: F811
):
    make_user("officer", OFFICERS, first_name="Amina", last_name="Diallo")
    page = open_page(live_server.url + "/admin/login/")
    _log_in(page, "officer")

    page.goto(live_server.url + finder_url(opportunity))
    assert page.locator(".finder-result").count() == 4
    assert axe_violations(page) == []
    page.get_by_role("button", name="Save shortlist to this opportunity").click()
    page.wait_for_url("**/admin/pipeline/?opportunity=*")
    assert "4 partners added to the pipeline of “Safer schools online”." in (
        page.locator(".messages").inner_text()
    )
    assert "Pipeline: Safer schools online" in page.locator("h1").inner_text()
    listing = page.locator("main table")
    assert listing.locator("tbody tr").count() == 4
    assert page.get_by_role("link", name="Download XLSX").count() == 1
    # The message's colours fade in: axe reads them once the transition has ended.
    page.evaluate(SETTLED)
    assert axe_violations(page) == []

    page.get_by_role("link", name="Recent Large Partner").first.click()
    page.wait_for_selector("#id_stage")
    _move(page, "Contacted", note="Called the programme officer; a concept note is wanted.")
    best = PipelineEntry.objects.get(partner__name="Recent Large Partner")
    assert best.stage == Stage.CONTACTED
    assert best.notes.get().author.get_full_name() == "Amina Diallo"

    page.goto(live_server.url + f"/admin/pipeline/edit/{best.pk}/")
    follow_up = timezone.localdate() + datetime.timedelta(days=7)
    _move(page, "In discussion", note="Concept note sent.", follow_up=follow_up)
    best.refresh_from_db()
    assert (best.stage, best.next_follow_up, best.notes.count()) == (
        Stage.IN_DISCUSSION,
        follow_up,
        2,
    )
    row = page.locator("main table tbody tr", has_text="Recent Large Partner")
    assert "In discussion" in row.inner_text()
    assert "Concept note sent." in row.inner_text()

    page.goto(live_server.url + "/admin/")
    panel = page.locator("#pipeline-follow-ups-section")
    first = panel.locator("tbody tr").first
    assert "Recent Large Partner" in first.inner_text()
    assert "In discussion" in first.inner_text()
    assert format_date(follow_up) in first.inner_text()
    assert axe_violations(page) == []
    first.get_by_role("link", name="Recent Large Partner").click()
    page.wait_for_url(f"**/admin/pipeline/edit/{best.pk}/")
    assert page.locator("#id_stage").input_value() == str(Stage.IN_DISCUSSION.value)

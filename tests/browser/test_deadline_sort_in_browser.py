"""In a real browser (issue 20, item 1): a visitor sorts the opportunities by deadline and
sees the calls closing soonest first, each card with its deadline, then keeps only those
closing soon; the Arabic opportunity page shows its timeline right to left; axe-core finds no
serious problem on the sorted index and the timeline.

The tests only read: the site is built once for the module (`committed_for_module`)."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Locale, Site

from cms.core.formats import format_date
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from tests.browser.module_data import committed_for_module
from tests.pages.opportunity_data import make_vocabularies

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("module_data_db")]


def in_days(days):
    return timezone.localdate() + datetime.timedelta(days=days)


@pytest.fixture(scope="module")
def site_data(django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_site)


def build_site():
    """An index with four calls (deadlines in 20 and 3 days, none, 5 days ago), the newest
    published last so that the default order is not the deadline's; the index and the first
    call in Arabic."""
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    vocabularies = make_vocabularies(locales)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = OpportunityIndexPageFactory(parent=home)
    area = [vocabularies.areas["infrastructure"]]
    calls = {}
    for number, (title, deadline) in enumerate(
        [("Later call", 20), ("Closing call", 3), ("Open-ended call", None), ("Past call", -5)]
    ):
        calls[title] = OpportunityPageFactory(
            parent=index,
            title=title,
            thematic_areas=area,
            deadline=None if deadline is None else in_days(deadline),
            decision_date=None if deadline is None else in_days(deadline + 30),
            first_published_at=timezone.now() - datetime.timedelta(days=10 - number),
        )
    arabic = {}
    for page, title in ((home, "الصفحة الرئيسية"), (index, "الفرص")):
        copy = page.copy_for_translation(locales["ar"])
        copy.title = title
        copy.save_revision().publish()
        arabic[page.pk] = copy
    call = calls["Closing call"].copy_for_translation(locales["ar"])
    call.title = "دعوة تُغلق قريبًا"
    call.save_revision().publish()
    call.refresh_from_db()
    return {"index": index, "calls": calls, "arabic_call": call}


def card_titles(page):
    return page.locator(".opportunity-card__title a").all_inner_texts()


def test_the_visitor_sorts_by_deadline_and_sees_the_soonest_first(
    live_server, site_data, open_page, axe_violations
):
    page = open_page(live_server.url + site_data["index"].url)
    assert card_titles(page)[0] == "Past call"  # newest first by default

    page.locator("#opportunity-sort").select_option("deadline")
    page.wait_for_url("**?sort=deadline")
    page.wait_for_function(
        "document.querySelector('.opportunity-card__title a').textContent === 'Closing call'"
    )

    assert card_titles(page) == ["Closing call", "Later call", "Past call", "Open-ended call"]
    first = page.locator(".opportunity-card").first
    assert first.locator(".opportunity-card__deadline").inner_text() == (
        f"Call open until {format_date(in_days(3), 'en')}"
    )
    assert page.locator("#opportunity-sort").input_value() == "deadline"
    assert axe_violations(page) == []

    # Then only the calls closing within 14 days, still by deadline.
    page.locator("#facet-deadline-closing-soon").check()
    page.wait_for_url("**?deadline=closing-soon&sort=deadline")
    page.wait_for_function("document.querySelectorAll('.opportunity-card').length === 1")
    assert card_titles(page) == ["Closing call"]


def test_the_arabic_timeline_runs_right_to_left(live_server, site_data, open_page, axe_violations):
    page = open_page(live_server.url + site_data["arabic_call"].url, locale="ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    box = page.locator("section.timeline")
    assert box.locator("h2").inner_text() == "الجدول الزمني"
    assert box.locator(".timeline__note").inner_text() == "يُغلق خلال 3 أيام"
    dates = box.locator("time").all_inner_texts()
    assert dates == [format_date(in_days(3), "ar"), format_date(in_days(33), "ar")]
    # Right to left: the label of a step starts at the right of its line, the date after it.
    label = box.locator(".timeline__label").first.bounding_box()
    date = box.locator(".timeline__date").first.bounding_box()
    assert label["x"] > date["x"]
    assert axe_violations(page) == []

"""The timeline of an opportunity (issue 20, item 1): its dates checked in the editor, read
on the page in the visitor's language, and the index sorted and filtered by deadline, kept
right in the page cache from one day to the next."""

import datetime
import time
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from cms.core.formats import format_date
from cms.pages import timeline
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory
from cms.pages.models import OpportunityPage
from tests.publishing.test_workflows import edit_form

from .html import parse
from .test_opportunity_index_pages import _queries_for

pytestmark = pytest.mark.django_db

Status = OpportunityPage.Status
DAY = datetime.date(2026, 3, 10)


def days(n, day=DAY):
    return day + datetime.timedelta(days=n)


@pytest.fixture
def on_day(monkeypatch):
    """Make the site's date `day` (what "closing soon" and "closes in" are read against)."""

    def _on(day):
        clock = SimpleNamespace(localdate=lambda: day, localtime=timezone.localtime)
        monkeypatch.setattr(timeline, "timezone", clock)

    _on(DAY)
    return _on


def titles(soup):
    return [link.get_text(strip=True) for link in soup.select(".opportunity-card__title a")]


# --- The editor's checks -------------------------------------------------------------------


def _checked(**dates):
    page = OpportunityPage(
        title="A call", slug="a-call", contact_name="A", contact_email="a@example.org", **dates
    )
    with pytest.raises(ValidationError) as raised:
        page.clean()
    return raised.value.message_dict


def test_dates_in_order_are_accepted():
    page = OpportunityPage(
        title="A call",
        deadline=DAY,
        decision_date=days(30),
        start_date=days(60),
        end_date=days(400),
    )
    page.clean()  # no error
    OpportunityPage(title="Without dates").clean()


def test_a_decision_before_the_deadline_is_refused_with_a_translated_message():
    assert _checked(deadline=DAY, decision_date=days(-1)) == {
        "decision_date": ["The decision cannot come before the call closes."]
    }
    with translation.override("fr"):
        assert _checked(deadline=DAY, decision_date=days(-1))["decision_date"] == [
            "La décision ne peut pas précéder la clôture de l’appel."
        ]


def test_an_end_before_the_start_and_a_start_before_the_decision_are_refused():
    errors = _checked(deadline=DAY, decision_date=days(10), start_date=days(5), end_date=days(5))
    assert set(errors) == {"start_date", "end_date"}
    with translation.override("ar"):
        errors = _checked(start_date=days(5), end_date=days(1))
    assert errors == {"end_date": ["يجب أن تكون النهاية بعد البداية."]}


def test_the_page_editor_shows_the_message_and_keeps_what_was_typed(
    client, index, vocabularies, editor
):
    """A French editor gives a decision before the deadline: the form comes back with the
    French message by the field, the dates typed still there, nothing saved."""
    page = OpportunityPageFactory(
        parent=index,
        title="Call for editors",
        thematic_areas=[vocabularies.areas["infrastructure"]],
        regions=[vocabularies.regions["afr"]],
    )
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "fr"
    profile.save()
    client.force_login(editor)
    data = edit_form(client, page)
    data.update(deadline="2026-05-01", decision_date="2026-04-01")

    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 200  # the form again, not a redirect
    soup = parse(response)
    assert "La décision ne peut pas précéder la clôture de l’appel." in soup.get_text()
    assert soup.select_one("input[name=deadline]")["value"] == "2026-05-01"
    page.refresh_from_db()
    assert page.decision_date is None


def test_the_dates_are_synchronised_to_every_translation():
    synchronised = {
        field.field_name
        for field in OpportunityPage.translatable_fields
        if type(field).__name__ == "SynchronizedField"
    }
    assert {"deadline", "decision_date", "start_date", "end_date"} <= synchronised


# --- The page ----------------------------------------------------------------------------


def _timeline(soup):
    box = soup.select_one("section.timeline")
    if box is None:
        return None, []
    note = box.select_one(".timeline__note")
    return (
        note.get_text(strip=True) if note else "",
        [
            (
                step.select_one(".timeline__label").get_text(strip=True),
                step.time.get_text(strip=True),
                step.time["datetime"],
            )
            for step in box.select(".timeline__step")
        ],
    )


def test_the_timeline_in_english_with_the_days_left(client, index, on_day):
    page = OpportunityPageFactory(
        parent=index, title="Rural broadband", deadline=days(5), start_date=days(90)
    )
    note, steps = _timeline(parse(client.get(page.url)))
    assert note == "Closes in 5 days"
    assert steps == [
        ("Call open until", "15 March 2026", "2026-03-15"),
        ("Start", "8 June 2026", "2026-06-08"),
    ]


def test_the_timeline_in_french(client, index, translated_home, translate, on_day):
    page = OpportunityPageFactory(
        parent=index, title="Rural broadband", deadline=days(1), decision_date=days(20)
    )
    translate(index, "fr", slug="opportunites")
    french = translate(page, "fr", title="Haut débit rural")

    note, steps = _timeline(parse(client.get(french.url)))

    assert note == "Clôture dans 1 jour"
    assert steps == [
        ("Appel ouvert jusqu’au", format_date(days(1), "fr"), "2026-03-11"),
        ("Décision attendue", format_date(days(20), "fr"), "2026-03-30"),
    ]
    assert steps[0][1] == "11 mars 2026"


def test_the_timeline_in_arabic_right_to_left(client, index, translated_home, translate, on_day):
    page = OpportunityPageFactory(
        parent=index, title="Rural broadband", status=Status.CLOSED, deadline=days(-3)
    )
    translate(index, "ar", slug="opportunities-ar")
    arabic = translate(page, "ar", title="النطاق العريض الريفي")

    soup = parse(client.get(arabic.url))
    note, steps = _timeline(soup)

    assert soup.html["dir"] == "rtl"
    written = format_date(days(-3), "ar")
    assert note == f"أُغلق في {written}"
    assert steps == [("باب المشاركة مفتوح حتى", written, "2026-03-07")]


def test_an_open_call_past_its_deadline_is_closed_on_the_page(client, index, on_day):
    """The deadline closes the call without anyone editing the page: from the day after,
    the page says closed, shows no form, and explains why."""
    page = OpportunityPageFactory(parent=index, title="Late call", deadline=days(-2))
    soup = parse(client.get(page.url))
    note, _steps = _timeline(soup)
    assert note == "Closed on 8 March 2026"
    assert soup.select_one("#interest-form") is None
    assert soup.select_one(".summary__list .status").get_text() == "Closed"
    notice = soup.select_one("section.status-notice").get_text(" ", strip=True)
    assert "The call for partners closed on 8 March 2026" in notice
    assert "no longer takes expressions of interest" in notice


def test_an_open_call_is_open_through_its_deadline_day(client, index, on_day):
    last_day = OpportunityPageFactory(parent=index, title="Last day", deadline=DAY)
    soup = parse(client.get(last_day.url))
    assert _timeline(soup)[0] == "Closes today"
    assert soup.select_one("#interest-form") is not None
    day_after = OpportunityPageFactory(parent=index, title="Day after", deadline=days(-1))
    assert parse(client.get(day_after.url)).select_one("#interest-form") is None


def test_an_open_call_past_its_deadline_in_french(
    client, index, translated_home, translate, on_day
):
    translate(index, "fr", slug="opportunites")
    page = OpportunityPageFactory(parent=index, title="Late call", deadline=days(-2))
    french = translate(page, "fr", title="Appel tardif")
    notice = parse(client.get(french.url)).select_one("section.status-notice")
    assert "L’appel à partenaires a été clos le 8 mars 2026" in notice.get_text(" ", strip=True)
    assert notice.select_one(".status").get_text() == "Clôturée"


def test_a_page_without_dates_has_no_timeline(client, index):
    page = OpportunityPageFactory(parent=index, title="Undated")
    assert parse(client.get(page.url)).select_one("section.timeline") is None


# --- The index ---------------------------------------------------------------------------


@pytest.fixture
def calls(index, on_day):
    """Opportunities closing in 3 and 12 days, in 20 days, closed 5 days ago, funded with a
    deadline in 4 days, and one without a deadline."""
    return {
        name: OpportunityPageFactory(parent=index, title=name, status=status, deadline=deadline)
        for name, status, deadline in [
            ("Twelve", Status.OPEN, days(12)),
            ("Past", Status.OPEN, days(-5)),
            ("Undated", Status.OPEN, None),
            ("Three", Status.OPEN, days(3)),
            ("Twenty", Status.OPEN, days(20)),
            ("Funded", Status.FUNDED, days(4)),
        ]
    }


def test_sort_by_deadline_soonest_first_passed_then_undated_last(client, index, calls):
    soup = parse(client.get(index.url + "?sort=deadline"))
    assert titles(soup) == ["Three", "Funded", "Twelve", "Twenty", "Past", "Undated"]
    chosen = soup.select_one("#opportunity-sort option[selected]")
    assert chosen["value"] == "deadline"
    assert chosen.get_text() == "Deadline (soonest first)"


def test_every_card_shows_its_deadline(client, index, calls):
    soup = parse(client.get(index.url + "?sort=deadline"))
    first = soup.select_one(".opportunity-card")
    assert first.select_one(".opportunity-card__deadline").get_text(" ", strip=True) == (
        "Call open until 13 March 2026"
    )
    undated = soup.select(".opportunity-card")[-1]
    assert undated.select_one(".opportunity-card__deadline") is None


def test_closing_soon_filter_with_its_count(client, index, calls):
    soup = parse(client.get(index.url))
    box = soup.select_one("fieldset.facet--deadline input[value=closing-soon]")
    label = soup.select_one(f'label[for="{box["id"]}"]')
    assert "Closing within 14 days" in label.get_text()
    assert label.select_one(".facet__count").get_text() == "2"

    soup = parse(client.get(index.url + "?deadline=closing-soon&sort=deadline"))
    assert titles(soup) == ["Three", "Twelve"]
    chips = [a.get_text(" ", strip=True) for a in soup.select(".active-filters__chip")]
    assert chips == ["Remove filter: Deadline: Closing within 14 days"]


def test_closing_soon_in_french(client, index, calls, translated_home, translate):
    french_index = translate(index, "fr", slug="opportunites")
    for page in calls.values():
        translate(page, "fr")
    soup = parse(client.get(french_index.url + "?deadline=closing-soon"))
    assert len(titles(soup)) == 2
    box = soup.select_one("fieldset.facet--deadline input[value=closing-soon]")
    assert "Clôture d’ici 14 jours" in soup.select_one(f'label[for="{box["id"]}"]').get_text()


def test_the_status_filter_reads_a_passed_deadline_as_closed(client, index, calls):
    """The "open for partners" filter lists the calls that still take expressions of
    interest; the one whose deadline passed is counted, filtered and shown as closed."""
    soup = parse(client.get(index.url))
    counts = {
        box["value"]: soup.select_one(f'label[for="{box["id"]}"] .facet__count').get_text()
        for box in soup.select("fieldset.facet--status input")
    }
    assert counts == {"open": "4", "funded": "1", "closed": "1"}
    assert sorted(titles(parse(client.get(index.url + "?status=open")))) == [
        "Three",
        "Twelve",
        "Twenty",
        "Undated",
    ]
    closed = parse(client.get(index.url + "?status=closed"))
    assert titles(closed) == ["Past"]
    assert closed.select_one(".opportunity-card .status").get_text() == "Closed"


def test_the_home_page_lists_only_calls_still_open(client, home_page, index, calls):
    soup = parse(client.get(home_page.url))
    listed = [a.get_text(strip=True) for a in soup.select(".opportunity-card__title a")]
    assert "Past" not in listed
    assert {"Three", "Twelve", "Twenty", "Undated"} <= set(listed)


def test_the_api_says_a_passed_deadline_is_closed(client, index, calls):
    item = client.get(f"/api/v1/opportunities/{calls['Past'].pk}/").json()
    assert item["status"] == {"code": "closed", "name": "Closed"}
    item = client.get(f"/api/v1/opportunities/{calls['Three'].pk}/").json()
    assert item["status"]["code"] == "open"


def test_a_made_up_deadline_value_is_ignored(client, index, calls):
    soup = parse(client.get(index.url + "?deadline=tomorrow&sort=nonsense"))
    assert len(titles(soup)) == 6


@pytest.mark.page_cache
def test_a_cached_index_does_not_show_yesterdays_closing_soon(
    client, index, calls, on_day, monkeypatch, settings
):
    """The stored page depends on the day's tag, which ends at midnight (here one second
    away): the next day, the same address is built again with the calls closing soon then."""
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(timeline, "_seconds_to_midnight", lambda: 1)
    url = index.url + "?deadline=closing-soon&sort=deadline"
    first = client.get(url)
    assert first["X-Cache"] == "miss"
    assert titles(parse(first)) == ["Three", "Twelve"]
    assert client.get(url)["X-Cache"] == "hit"

    time.sleep(1.2)  # midnight passes: the day's tag expires
    on_day(days(10))
    later = client.get(url)

    assert later["X-Cache"] == "miss"
    assert titles(parse(later)) == ["Twelve", "Twenty"]


@pytest.mark.page_cache
def test_the_day_tag_lives_until_midnight(settings, rf):
    request = rf.get("/")
    tag = timeline.depend_on_today(request)
    assert tag == f"day:{timezone.localdate().isoformat()}"
    now = timezone.localtime()
    left = timeline._seconds_to_midnight()
    assert 0 < left <= 24 * 3600
    # It ends at the next midnight, not before.
    assert (now + datetime.timedelta(seconds=left)).date() == now.date() + datetime.timedelta(1)
    assert (now + datetime.timedelta(seconds=left - 1)).date() == now.date()


def test_deadline_sort_and_filter_keep_the_query_budget(client, home_page, on_day, settings):
    """Rendered (not from the page cache), the filtered and sorted index stays within the
    budget of public pages, whatever the number of calls."""
    settings.PAGE_CACHE_ENABLED = False
    small = OpportunityIndexPageFactory(parent=home_page, slug="small")
    large = OpportunityIndexPageFactory(parent=home_page, slug="large")
    for number in range(3):
        OpportunityPageFactory(parent=small, deadline=days(number))
    for number in range(14):
        OpportunityPageFactory(parent=large, deadline=days(number))
    query = "?deadline=closing-soon&sort=deadline&area=nothing"
    counted = _queries_for(client, small.url + query)
    assert counted == _queries_for(client, large.url + query)
    assert counted <= 15


def test_the_api_gives_the_dates(client, index):
    page = OpportunityPageFactory(
        parent=index, title="Dated call", deadline=DAY, decision_date=days(30), end_date=days(400)
    )
    item = client.get(f"/api/v1/opportunities/{page.pk}/").json()
    assert [item[name] for name in ("deadline", "decision_date", "start_date", "end_date")] == [
        "2026-03-10",
        "2026-04-09",
        None,
        "2027-04-14",
    ]
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert schema["OpportunityDetailOut"]["properties"]["deadline"]["description"] == (
        "Call open until this day (expressions of interest invited)."
    )

"""The pipeline in the admin: the listing and its downloads, an opportunity's pipeline from its
page, moving a partner through the stages with notes, and who may do what."""

import csv
import datetime
import io

import openpyxl
import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from cms.core.roles import OFFICERS
from cms.pipeline.factories import PipelineNoteFactory
from cms.pipeline.models import PipelineEntry, Stage
from cms.pipeline.viewsets import pipeline_url
from cms.snippets.factories import PartnerFactory
from cms.snippets.models import Partner
from tests.finder.conftest import make_archive, make_vocab
from tests.rollback import refetched, rolled_back
from tests.snippets.admin.records import make_user

from .conftest import PIPELINE, assert_flat_queries, entry, is_refused, make_opportunity

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def edit_url(item):
    return reverse("pipeline:edit", args=[item.pk])


def rows(response):
    """The listing's rows as read: the partner (the link that opens the entry), then the
    other columns' text."""
    return [
        [
            row.select_one("td a").get_text(strip=True),
            *(cell.get_text(" ", strip=True) for cell in row.select("td")[1:]),
        ]
        for row in soup(response).select("main table tbody tr")
    ]


def download(response):
    return b"".join(response.streaming_content)


def set_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


def form_data(item, notes=(), **changes):
    """The entry's form as a browser posts it: its fields, then `notes` ((date, text) new
    notes) after the notes it has."""
    fields = {
        "opportunity": item.opportunity_id,
        "partner": item.partner_id,
        "stage": item.stage,
        "owner": item.owner_id or "",
        "next_follow_up": item.next_follow_up.isoformat() if item.next_follow_up else "",
        **changes,
    }
    existing = [
        {"id": note.pk, "date": note.date.isoformat(), "text": note.text}
        for note in item.notes.order_by("-date", "-pk")
    ]
    added = [{"date": day.isoformat(), "text": text} for day, text in notes]
    formset = inline_formset(existing + added, initial=len(existing))
    return nested_form_data({**fields, "notes": formset})


def make_pipeline(archive, opportunity, officer):
    """Three partners of the opportunity, followed by the officer."""
    return {
        "best": entry(opportunity, archive["best"], owner=officer, days=3, finder_rank=1),
        "small": entry(
            opportunity, archive["small"], owner=officer, stage=Stage.CONTACTED, days=-2
        ),
        "old": entry(opportunity, archive["old"], owner=None),
    }


def build():
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    vocab = make_vocab()
    archive = make_archive(vocab)
    opportunity = make_opportunity(vocab, home_page)
    officer = make_user("officer", OFFICERS)
    return {
        "vocab": vocab,
        "archive": archive,
        "opportunity": opportunity,
        "officer": officer,
        "pipeline": make_pipeline(archive, opportunity, officer),
    }


# The finder's archive, the opportunity and its pipeline, built once for the module with the
# officer who follows it: every test starts from them, in a savepoint of its own (what it
# moves, notes or adds is rolled back with it) with fresh copies. The other roles' users are
# still made for each test.
@pytest.fixture(scope="module", autouse=True)
def pipeline_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def vocab(db, pipeline_records):
    return refetched(pipeline_records["vocab"])


@pytest.fixture
def archive(db, pipeline_records):
    return refetched(pipeline_records["archive"])


@pytest.fixture
def opportunity(db, pipeline_records):
    return refetched(pipeline_records["opportunity"])


@pytest.fixture
def officer(db, pipeline_records):
    """The partnership officer who follows the pipeline (tests/conftest.py's)."""
    return refetched(pipeline_records["officer"])


@pytest.fixture
def pipeline(db, pipeline_records):
    """Three partners of the opportunity, followed by the officer."""
    return refetched(pipeline_records["pipeline"])


def test_the_opportunity_page_links_to_its_pipeline(client, lead, editor, opportunity, pipeline):
    client.force_login(lead)
    url = pipeline_url(opportunity)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.pk]))
    assert url in edit.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[opportunity.get_parent().pk]))
    assert url in listing.content.decode()
    parent = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.get_parent().pk]))
    assert "/admin/pipeline/?opportunity=" not in parent.content.decode()

    client.force_login(editor)
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[opportunity.pk]))
    assert edit.status_code == 200 and url not in edit.content.decode()


def test_an_opportunitys_pipeline_lists_its_partners_only(
    client, officer, archive, opportunity, home_page, pipeline
):
    from cms.pages.factories_opportunities import OpportunityPageFactory

    other = OpportunityPageFactory(parent=opportunity.get_parent(), title="Other project")
    entry(other, archive["unrelated"], owner=officer)
    client.force_login(officer)

    response = client.get(pipeline_url(opportunity))

    assert "Pipeline: Safer schools online" in response.content.decode()
    listed = rows(response)
    names = [row[0] for row in listed]
    # Earliest follow-up first; no follow-up last.
    assert names[:2] == ["Small Partner", "Recent Large Partner"]
    assert set(names) == {"Small Partner", "Recent Large Partner", "Old Partner"}
    small = listed[0]
    assert small[2] == "Contacted" and small[3] == "officer"
    assert small[4].endswith("(overdue)")
    assert "Unrelated Partner" not in response.content.decode()


def test_the_listing_names_partners_and_dates_in_the_staff_language(
    client, officer, archive, opportunity, pipeline, locales
):
    french = archive["small"].copy_for_translation(locales["fr"])
    french.name = "Petit partenaire"
    french.save()
    PipelineEntry.objects.filter(pk=pipeline["small"].pk).update(
        next_follow_up=datetime.date(2030, 5, 1)
    )
    set_language(officer, "fr")
    client.force_login(officer)

    listed = {row[0]: row for row in rows(client.get(pipeline_url(opportunity)))}

    assert listed["Petit partenaire"][2] == "Contacté"
    assert listed["Petit partenaire"][4] == "1 mai 2030"
    assert "Recent Large Partner" in listed


def test_an_officer_moves_a_partner_through_two_stages_with_notes(client, officer, pipeline):
    item = pipeline["best"]
    before = item.stage_changed_at
    client.force_login(officer)
    page = soup(client.get(edit_url(item)))
    assert page.select_one("select[name=stage]") is not None

    today = timezone.localdate()
    response = client.post(
        edit_url(item),
        form_data(item, notes=[(today, "Called the programme officer.")], stage=Stage.CONTACTED),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.stage == Stage.CONTACTED and item.stage_changed_at > before
    note = item.notes.get()
    assert (note.author, note.date, note.text) == (officer, today, "Called the programme officer.")

    follow_up = today + datetime.timedelta(days=14)
    client.post(
        edit_url(item),
        form_data(
            item,
            notes=[(today, "They ask for a concept note.")],
            stage=Stage.IN_DISCUSSION,
            next_follow_up=follow_up.isoformat(),
        ),
    )
    item.refresh_from_db()
    assert (item.stage, item.next_follow_up) == (Stage.IN_DISCUSSION, follow_up)
    assert item.notes.count() == 2
    assert set(item.notes.values_list("author", flat=True)) == {officer.pk}
    history = client.get(reverse("pipeline:history", args=[item.pk]))
    assert history.status_code == 200


def test_an_entry_cannot_be_added_twice_by_hand(client, officer, archive, opportunity, pipeline):
    client.force_login(officer)
    data = form_data(PipelineEntry(opportunity=opportunity, partner=archive["best"]))
    response = client.post(reverse("pipeline:add"), data)
    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert PipelineEntry.objects.filter(partner=archive["best"]).count() == 1


def test_a_lead_reads_but_does_not_change(client, lead, opportunity, pipeline):
    client.force_login(lead)
    listing = client.get(pipeline_url(opportunity))
    assert listing.status_code == 200 and len(rows(listing)) == 3
    assert reverse("pipeline:add") not in listing.content.decode()
    item = pipeline["best"]
    assert is_refused(client.post(edit_url(item), form_data(item, stage=Stage.DECLINED)))
    item.refresh_from_db()
    assert item.stage == Stage.IDENTIFIED


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_other_roles_see_no_pipeline(client, request, role, opportunity, pipeline):
    client.force_login(request.getfixturevalue(role))
    assert is_refused(client.get(PIPELINE))
    assert is_refused(client.get(PIPELINE + "?export=csv"))
    assert is_refused(client.get(edit_url(pipeline["best"])))
    assert PIPELINE not in client.get("/admin/").content.decode()


def test_the_pipeline_downloads_as_csv_and_xlsx(client, officer, opportunity, pipeline, archive):
    PipelineNoteFactory(
        entry=pipeline["small"], author=officer, date=datetime.date(2026, 3, 2), text="=1+1"
    )
    PipelineEntry.objects.filter(pk=pipeline["small"].pk).update(
        next_follow_up=datetime.date(2026, 4, 1)
    )
    Partner.objects.filter(pk=archive["old"].pk).update(name="=SUM(1)")
    officer.first_name, officer.last_name = "Amina", "Diallo"
    officer.save()
    client.force_login(officer)
    listing = soup(client.get(pipeline_url(opportunity)))
    buttons = {a.get_text(strip=True): a["href"] for a in listing.select("a[href*='export=']")}
    assert set(buttons) >= {"Download CSV", "Download XLSX"}
    assert f"opportunity={opportunity.pk}" in buttons["Download CSV"]

    response = client.get(buttons["Download CSV"])
    content = download(response)
    assert content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert table[0] == [
        "Opportunity",
        "Partner",
        "Stage",
        "Owner",
        "Next follow-up",
        "Overdue",
        "Rank in the finder",
        "Score in the finder",
        "Added",
        "Notes",
    ]
    small = next(row for row in table if row[1] == "Small Partner")
    assert small[:6] == [
        "Safer schools online",
        "Small Partner",
        "Contacted",
        "Amina Diallo",
        "2026-04-01",
        "yes" if datetime.date(2026, 4, 1) < timezone.localdate() else "",
    ]
    assert small[9] == "2 March 2026, Amina Diallo: =1+1"
    # What was typed as a formula stays text in the reader's spreadsheet program.
    assert next(row for row in table if row[1].endswith("SUM(1)"))[1] == "'=SUM(1)"
    assert len(table) == 4

    workbook = openpyxl.load_workbook(io.BytesIO(download(client.get(buttons["Download XLSX"]))))
    sheet = [list(row) for row in workbook.active.iter_rows(values_only=True)]
    small = next(row for row in sheet if row[1] == "Small Partner")
    assert small[4] == datetime.date(2026, 4, 1)
    assert small[9] == "2 March 2026, Amina Diallo: =1+1"


def test_the_csv_is_in_the_staff_language(client, officer, opportunity, pipeline):
    set_language(officer, "es")
    client.force_login(officer)
    response = client.get(pipeline_url(opportunity) + "&export=csv")
    text = download(response).decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text)))
    assert header[:3] == ["Oportunidad", "Asociado", "Etapa"]
    assert {line[2] for line in lines} == {"Identificado", "Contactado"}


def test_the_listing_reads_a_fixed_number_of_queries(
    client, officer, vocab, archive, opportunity, pipeline
):
    client.force_login(officer)

    def add_rows():
        for number in range(20):
            item = entry(opportunity, PartnerFactory(name=f"Extra {number}"), owner=officer, days=1)
            PipelineNoteFactory(entry=item, author=officer, text=f"Note {number}")

    response = assert_flat_queries(client, pipeline_url(opportunity), add_rows)
    assert len(rows(response)) == 23


def test_a_lead_reads_an_entry_with_its_notes(client, lead, officer, pipeline):
    officer.first_name, officer.last_name = "Amina", "Diallo"
    officer.save()
    item = pipeline["best"]
    PipelineEntry.objects.filter(pk=item.pk).update(next_follow_up=datetime.date(2031, 5, 1))
    PipelineNoteFactory(
        entry=item, author=officer, date=datetime.date(2026, 3, 2), text="Called them."
    )
    client.force_login(lead)

    listing = soup(client.get(pipeline_url(item.opportunity)))
    link = next(
        a["href"]
        for a in listing.select("td a")
        if a.get_text(strip=True) == "Recent Large Partner"
    )
    assert link == reverse("pipeline:inspect", args=[item.pk])
    record = soup(client.get(link)).select_one("main").get_text(" ", strip=True)

    for text in ["Identified", "Amina Diallo", "1 May 2031", "2 March 2026, Amina Diallo: Called"]:
        assert text in record
    assert "None" not in record


def test_the_form_signs_notes_with_names(client, officer, lead, pipeline):
    officer.first_name, officer.last_name = "Amina", "Diallo"
    officer.save()
    colleague = make_user("colleague", OFFICERS, first_name="Li", last_name="Wei")
    PipelineNoteFactory(entry=pipeline["best"], author=colleague, text="Sent the brief.")
    client.force_login(officer)

    page = soup(client.get(edit_url(pipeline["best"])))

    authors = [p.get_text(strip=True) for p in page.select(".pipeline-note__author")]
    assert "Li Wei" in authors  # the note written by a colleague
    template = page.select_one("#id_notes-EMPTY_FORM_TEMPLATE").decode_contents()
    assert "Amina Diallo" in template and "None" not in template  # a new note: the writer
    owners = [o.get_text(strip=True) for o in page.select("select[name=owner] option")]
    assert {"Amina Diallo", "Li Wei"} <= set(owners)
    assert "lead" not in owners  # leads read pipelines; they do not follow partners up

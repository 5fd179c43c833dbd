"""Editing an opportunity with fewer actions (issue 19, item 1): areas, regions, countries,
goals and material are chosen several at a time from choosers that show a short vocabulary
whole, without a language column, in the editor's language; a brief is uploaded from the
page form's material chooser, its file checked like every upload; a draft is saved within a
pinned number of queries."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.users.models import UserProfile

from bench.admin_save import form_values
from cms.core.roles import PUBLIC_MEDIA_COLLECTION
from cms.pages.factories_opportunities import MaterialFactory, OpportunityPageFactory
from cms.pages.models import OpportunityPage
from cms.snippets.factories import ThematicAreaFactory
from cms.snippets.models import Material, ThematicArea
from tests.pages.html import parse
from tests.publishing.test_workflows import edit_form

from .opportunity_data import translate_term

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% Smart villages brief\n"


def chooser_url(model, view="choose"):
    return reverse(model.snippet_viewset.chooser_viewset.get_url_name(view))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def opportunity(index, vocabularies, django_capture_on_commit_callbacks):
    # Its commit hooks run (the test's transaction never commits), as after a real save.
    with django_capture_on_commit_callbacks(execute=True):
        page = OpportunityPageFactory(
            parent=index,
            title="Smart villages",
            thematic_areas=[vocabularies.areas["infrastructure"]],
            regions=[vocabularies.regions["afr"]],
        )
        page.save_revision().publish()
    return OpportunityPage.objects.get(pk=page.pk)


def latest(page):
    """The page as its latest revision (a draft) has it."""
    return OpportunityPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def chooser_rows(response):
    """The names a chooser modal lists, and its column headings."""
    html = parse_modal(response)
    names = [cell.get_text(" ", strip=True) for cell in html.select("tbody td.title")]
    headings = [cell.get_text(" ", strip=True) for cell in html.select("thead th")]
    return names, headings, html


def parse_modal(response):
    from bs4 import BeautifulSoup

    data = json.loads(response.content)
    return BeautifulSoup(data.get("html") or data.get("htmlFragment") or "", "html.parser")


def test_the_page_form_chooses_terms_and_material_several_at_a_time(editor_client, opportunity):
    html = parse(editor_client.get(edit_url(opportunity)))

    buttons = {
        prefix: html.select_one(f"#id_{prefix}-OPEN_MODAL")
        for prefix in ("thematic_areas", "regions", "countries", "sdgs", "materials")
    }
    assert all(buttons.values()), buttons
    assert buttons["thematic_areas"].get_text(strip=True) == "Add thematic area"
    # The panel opens its chooser in multiple-choice mode.
    widget = json.loads(html.select_one("#id_thematic_areas-CHOOSER_WIDGET").get_text())
    assert chooser_url(ThematicArea) in json.dumps(widget)


def test_several_areas_and_regions_saved_at_once_stay_ordered_links(
    editor_client, opportunity, vocabularies
):
    data = edit_form(editor_client, opportunity)
    areas = [vocabularies.areas["cybersecurity"], vocabularies.areas["capacity-building"]]
    regions = [vocabularies.regions[code] for code in ("afr", "arb", "asp")]
    for prefix, field, terms in (("thematic_areas", "area", areas), ("regions", "region", regions)):
        # The editor removes the term the page had and ticks the new ones in one chooser.
        existing = int(data[f"{prefix}-TOTAL_FORMS"])
        for position in range(existing):
            data[f"{prefix}-{position}-DELETE"] = "1"
        for offset, term in enumerate(terms):
            position = existing + offset
            data.update(
                {
                    f"{prefix}-{position}-{field}": str(term.pk),
                    f"{prefix}-{position}-ORDER": str(position + 1),
                    f"{prefix}-{position}-id": "",
                }
            )
        data[f"{prefix}-TOTAL_FORMS"] = str(existing + len(terms))

    response = editor_client.post(edit_url(opportunity), data)

    assert response.status_code == 302, parse(response).select(".error-message")
    draft = latest(opportunity)
    assert [link.area for link in draft.thematic_areas.all()] == areas
    assert [link.region for link in draft.regions.all()] == regions


@pytest.fixture
def eleven_areas(locales):
    names = [
        "Capacity Building",
        "ICT Applications",
        "Generic",
        "Infrastructure",
        "Cybersecurity",
        "Enabling Environment",
        "Emergency Telecommunications",
        "Digital Inclusion",
        "Innovation",
        "Climate Change & e-Waste",
        "Statistics & Indicators",
    ]
    areas = [
        ThematicAreaFactory(code=f"area-{position}", name=name, sort_order=position)
        for position, name in enumerate(names)
    ]
    translate_term(areas[4], locales["fr"], "Cybersécurité")
    return areas


def test_the_area_chooser_lists_all_eleven_areas_on_one_page_without_a_language_column(
    editor_client, eleven_areas
):
    response = editor_client.get(chooser_url(ThematicArea), {"multiple": "1"})

    names, headings, html = chooser_rows(response)
    assert names == [area.name for area in eleven_areas]  # English rows only, in order
    assert "Locale" not in headings
    assert "Language" not in headings
    assert "Page 1 of 1" in html.select_one("nav.pagination").get_text(" ", strip=True)
    assert len(html.select("input[type=checkbox][name=id]")) == 11


def test_the_area_chooser_names_terms_in_the_editors_language(editor_client, editor, eleven_areas):
    UserProfile.get_for_user(editor).__class__.objects.filter(user=editor).update(
        preferred_language="fr"
    )

    names, headings, _html = chooser_rows(editor_client.get(chooser_url(ThematicArea)))

    assert "Cybersécurité" in names
    assert "Cybersecurity" not in names
    assert len(names) == 11
    assert "Langue" not in headings and "Paramètres régionaux" not in headings


def upload(client, **fields):
    return client.post(chooser_url(Material, "create"), fields)


def test_a_brief_uploaded_from_the_page_form_is_created_and_chosen(editor_client, locales):
    response = editor_client.get(chooser_url(Material))
    tab = parse_modal(response).select_one("form[data-chooser-modal-creation-form]")
    assert tab is not None and tab.get("enctype") == "multipart/form-data"

    response = upload(
        editor_client,
        title="Smart villages brief",
        kind="brief",
        file=SimpleUploadedFile("villages.pdf", PDF, content_type="application/pdf"),
    )

    data = json.loads(response.content)
    assert data["step"] == "chosen", data
    material = Material.objects.get(title="Smart villages brief")
    assert data["result"]["id"] == str(material.pk)
    assert data["result"]["string"] == "Smart villages brief"
    assert material.locale.language_code == "en"
    assert material.document.file.read() == PDF
    assert material.document.title == "Smart villages brief"
    # With the site's other public documents, where editors may change it later.
    assert material.document.collection.name == PUBLIC_MEDIA_COLLECTION


def test_an_html_page_named_pdf_is_refused_and_nothing_is_kept(editor_client, locales):
    documents_before = get_document_model().objects.count()

    response = upload(
        editor_client,
        title="Not a brief",
        kind="brief",
        file=SimpleUploadedFile("brief.pdf", b"<html><script>alert(1)</script></html>"),
    )

    data = json.loads(response.content)
    assert data["step"] == "reshow_creation_form"
    assert "is not what its extension" in parse_modal(response).get_text()
    assert not Material.objects.filter(title="Not a brief").exists()
    assert get_document_model().objects.count() == documents_before


def test_a_brief_needs_its_file_and_a_video_its_file_or_address(editor_client, locales):
    data = json.loads(upload(editor_client, title="Brief", kind="brief").content)
    assert data["step"] == "reshow_creation_form"
    assert "Choose the document of this material." in data["htmlFragment"]

    data = json.loads(upload(editor_client, title="Video", kind="video").content)
    assert "Choose the video file (MP4 or WebM) or give its address." in data["htmlFragment"]

    data = json.loads(
        upload(
            editor_client, title="Video", kind="video", video_url="https://vimeo.com/76979871"
        ).content
    )
    assert data["step"] == "chosen"
    assert Material.objects.get(title="Video").video_url == "https://vimeo.com/76979871"
    assert not Material.objects.filter(title="Brief").exists()


def test_the_material_chooser_lists_english_material_only_without_a_language_column(
    editor_client, locales
):
    brief = MaterialFactory(title="Smart villages brief")
    translation = brief.copy_for_translation(locales["fr"])
    translation.title = "Note sur les villages intelligents"
    translation.save()

    names, headings, _html = chooser_rows(editor_client.get(chooser_url(Material)))

    assert names == ["Smart villages brief"]
    assert "Locale" not in headings


#: Queries of a draft save of an opportunity, counted once the shared cache is warm, with
#: background tasks queued as in production (see bench/admin_save.py for its time).
DRAFT_SAVE_QUERIES = 62


def test_a_draft_save_stays_within_its_query_budget_and_leaves_slow_work_to_the_worker(
    editor_client, opportunity, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data = edit_form(editor_client, opportunity)
    data["title"] = "Smart villages, second edition"
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(edit_url(opportunity), data)  # warm up: shared values rebuilt once
    DBTaskResult.objects.all().delete()

    data = edit_form(editor_client, opportunity)
    data["title"] = "Smart villages, third edition"
    # The test's transaction never commits: the request's commit hooks run as they would.
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = editor_client.post(edit_url(opportunity), data)

    assert response.status_code == 302
    assert latest(opportunity).title == "Smart villages, third edition"
    assert len(queries) == DRAFT_SAVE_QUERIES, len(queries)
    # The translation status, the search index and the reference index are refreshed by the
    # worker, not in the editor's request.
    queued = {result.task_path.rsplit(".", 1)[-1] for result in DBTaskResult.objects.all()}
    assert "refresh_object_task" in queued


def test_an_incomplete_autosaved_version_opens_with_what_publishing_needs_highlighted(
    editor_client, opportunity
):
    # The first autosave of a page: a draft, saved before any area or region was chosen.
    incomplete = opportunity.get_latest_revision_as_object()
    incomplete.thematic_areas = []
    incomplete.regions = []
    first = incomplete.save_revision()
    opportunity.save_revision().publish()  # then the complete version, published

    response = editor_client.get(
        reverse("wagtailadmin_pages:revisions_revert", args=[opportunity.pk, first.pk])
    )

    assert response.status_code == 200
    html = parse(response)
    notices = " ".join(li.get_text(" ", strip=True) for li in html.select(".messages li"))
    assert "This version is incomplete: Thematic areas, Beneficiary regions must be" in notices
    for prefix in ("thematic_areas", "regions"):
        panel = html.select_one(f"#id_{prefix}-FORMS").find_parent("section")
        assert "Choose at least 1 item." in panel.get_text(" ", strip=True)
        # No empty form added to reach the minimum: none that no save could get past.
        assert html.select_one(f"input[name={prefix}-TOTAL_FORMS]")["value"] == "0"

    # Saved as a draft as it was: the revert works.
    action = html.select_one("form[data-edit-form]")["action"]
    response = editor_client.post(action, form_values(html))
    assert response.status_code == 302, parse(response).select(".error-message")
    assert list(latest(opportunity).thematic_areas.all()) == []

    # Submitted for publication, it is refused with the lists' errors shown where they are.
    data = form_values(parse(editor_client.get(edit_url(opportunity))))
    response = editor_client.post(edit_url(opportunity), {**data, "action-submit": "1"})
    assert response.status_code == 200
    errors = [e.get_text(" ", strip=True) for e in parse(response).select(".error-message")]
    assert any("at least 1" in error for error in errors), errors


def test_an_editors_save_after_their_own_autosave_is_not_a_conflict(editor_client, opportunity):
    data = edit_form(editor_client, opportunity)
    editor_client.post(edit_url(opportunity), {**data, "title": "Smart villages (draft)"})
    opened = edit_form(editor_client, opportunity)  # the editor's own revision, opened
    revision = OpportunityPage.objects.get(pk=opportunity.pk).latest_revision

    # Wagtail's autosave overwrites that revision (a new time, same id)...
    response = editor_client.post(
        edit_url(opportunity),
        {**opened, "title": "Smart villages, autosaved", "overwrite_revision_id": revision.pk},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200, response.content
    assert OpportunityPage.objects.get(pk=opportunity.pk).latest_revision == revision

    # ... and the editor's Save, sent with the id and time the form was opened with, is kept.
    response = editor_client.post(edit_url(opportunity), {**opened, "title": "Smart villages"})
    assert response.status_code == 302
    assert latest(opportunity).title == "Smart villages"

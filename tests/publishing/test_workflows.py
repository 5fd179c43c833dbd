"""The editorial workflow of opportunities (cms/publishing/workflows.py and roles.py): an editor
submits, a communications lead approves; scheduling, revisions and previews."""

import datetime
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowState

from bench.admin_save import form_values
from cms.core.roles import EDITORS, LEADS, sync_roles
from cms.pages.models import OpportunityIndexPage, OpportunityPage, OpportunityRegion
from cms.pages.models import OpportunityThematicArea as OpportunityArea
from cms.publishing.workflows import LEAD_APPROVAL_TASK, OPPORTUNITY_WORKFLOW
from cms.snippets.models import BeneficiaryRegion, ThematicArea
from tests.pages.html import parse
from tests.snippets.admin.records import make_user, term


@pytest.fixture(autouse=True)
def _clear_cache():
    """Wagtail keeps the sites' root paths in the cache, which outlives each test's
    rolled-back transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def opportunity_index(home_page):
    index = OpportunityIndexPage(title="Opportunities", slug="opportunities")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def opportunity(opportunity_index):
    page = OpportunityPage(
        title="Smart villages",
        slug="smart-villages",
        contact_name="Amina Diallo",
        contact_email="amina.diallo@itu.example",
    )
    opportunity_index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def editor(db):
    return make_user("editor", EDITORS)


@pytest.fixture
def lead(db):
    return make_user("lead", LEADS)


@pytest.fixture
def draft(opportunity_index, editor):
    """A new opportunity an editor has written and saved, never published."""
    page = OpportunityPage(
        title="Digital health for Africa",
        slug="digital-health",
        contact_name="Amina Diallo",
        contact_email="amina.diallo@itu.example",
        live=False,
        owner=editor,
    )
    page.thematic_areas = [OpportunityArea(area=term(ThematicArea, "ict-applications"))]
    page.regions = [OpportunityRegion(region=term(BeneficiaryRegion, "afr"))]
    opportunity_index.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form(client, page):
    """The values of the page's edit form as the browser would send them."""
    response = client.get(edit_url(page))
    assert response.status_code == 200
    return form_values(parse(response))


def submit(client, page, **changes):
    data = {**edit_form(client, page), **changes, "action-submit": "Submit"}
    response = client.post(edit_url(page), data)
    assert response.status_code == 302, parse(response).select(".error-message")
    return response


def approve(client, page):
    task_state = WorkflowState.objects.get(
        object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    return client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )


def is_public(page):
    return Client().get(page.url).status_code == 200


def test_every_opportunity_index_gets_the_moderation_workflow(
    home_page, opportunity_index, opportunity, locales
):
    workflow = Workflow.objects.get(name=OPPORTUNITY_WORKFLOW)
    assert workflow.active
    assert WorkflowPage.objects.get(page=opportunity_index).workflow == workflow
    (task,) = workflow.tasks.specific()
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [LEADS]
    # The opportunities below it follow it; the index's translations get it too.
    assert opportunity.get_workflow() == workflow
    home_page.copy_for_translation(locales["fr"])
    french_index = opportunity_index.copy_for_translation(locales["fr"])
    assert WorkflowPage.objects.get(page=french_index).workflow == workflow


def test_sync_is_idempotent_and_repairs_an_index_assignment(opportunity_index):
    WorkflowPage.objects.filter(page=opportunity_index).delete()

    sync_roles()
    sync_roles()

    assert Workflow.objects.filter(name=OPPORTUNITY_WORKFLOW).count() == 1
    assert GroupApprovalTask.objects.filter(name=LEAD_APPROVAL_TASK).count() == 1
    assert Workflow.objects.get(name=OPPORTUNITY_WORKFLOW).workflow_tasks.count() == 1
    assert WorkflowPage.objects.get(page=opportunity_index).workflow.name == OPPORTUNITY_WORKFLOW


def test_an_administrators_choice_of_workflow_for_an_index_is_kept(opportunity_index):
    other = Workflow.objects.create(name="Legal review")
    WorkflowPage.objects.filter(page=opportunity_index).update(workflow=other)

    sync_roles()

    assert WorkflowPage.objects.get(page=opportunity_index).workflow == other


def test_the_rest_of_the_site_is_approved_by_leads_too(home_page):
    # Wagtail's default workflow on the root lost its "Moderators" group to roles.py.
    root_workflow = WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow
    for task in root_workflow.tasks.specific():
        assert LEADS in task.groups.values_list("name", flat=True)
    assert home_page.get_workflow() == root_workflow


def test_editors_cannot_publish_opportunities_leads_can(draft, editor, lead):
    assert not draft.permissions_for_user(editor).can_publish()
    assert draft.permissions_for_user(editor).can_submit_for_moderation()
    assert draft.permissions_for_user(lead).can_publish()


def test_editor_submits_and_a_lead_approves(draft, editor, lead):
    editor_client, lead_client = Client(), Client()
    editor_client.force_login(editor)
    lead_client.force_login(lead)

    # The editor has no "Publish" button, and a forged publish only saves a draft.
    editor_page = editor_client.get(edit_url(draft)).content.decode()
    assert 'name="action-submit"' in editor_page
    assert 'name="action-publish"' not in editor_page
    assert 'name="action-publish"' in lead_client.get(edit_url(draft)).content.decode()
    forged = {**edit_form(editor_client, draft), "action-publish": "Publish"}
    editor_client.post(edit_url(draft), forged)
    draft.refresh_from_db()
    assert not draft.live

    submit(editor_client, draft, title="Digital health for Africa and the Arab States")

    draft.refresh_from_db()
    assert draft.workflow_in_progress
    assert draft.current_workflow_task.name == LEAD_APPROVAL_TASK
    assert not draft.live
    assert not is_public(draft)

    # The editor cannot approve their own page.
    approve(editor_client, draft)
    draft.refresh_from_db()
    assert not draft.live

    assert approve(lead_client, draft).status_code == 302

    draft.refresh_from_db()
    assert draft.live
    assert draft.title == "Digital health for Africa and the Arab States"
    assert not draft.workflow_in_progress
    assert is_public(draft)
    # Every step is kept as a revision: the first draft, the forged save, the submission.
    assert draft.revisions.count() >= 3
    assert draft.revisions.filter(user=editor).exists()
    assert draft.live_revision.user == editor


def test_approved_opportunity_scheduled_for_later_stays_off_the_site_until_then(
    draft, editor, lead
):
    editor_client, lead_client = Client(), Client()
    editor_client.force_login(editor)
    lead_client.force_login(lead)
    go_live_at = timezone.localtime() + datetime.timedelta(days=3)

    submit(editor_client, draft, go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"))
    approve(lead_client, draft)

    draft.refresh_from_db()
    assert not draft.live
    assert draft.scheduled_revision is not None
    call_command("publish_scheduled")
    draft.refresh_from_db()
    assert not draft.live
    assert not is_public(draft)

    # Three days later, the scheduled job publishes it.
    later = go_live_at + datetime.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("publish_scheduled")

    draft.refresh_from_db()
    assert draft.live
    assert is_public(draft)


def test_editor_previews_a_draft(draft, editor):
    client = Client()
    client.force_login(editor)

    draft_view = client.get(reverse("wagtailadmin_pages:view_draft", args=[draft.pk]))
    assert draft_view.status_code == 200
    assert "Digital health for Africa" in draft_view.content.decode()

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[draft.pk])
    data = {**edit_form(client, draft), "title": "Digital health: preview"}
    assert client.post(preview_url, data).json()["is_valid"]
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert "Digital health: preview" in preview.content.decode()
    # The preview shows the expression-of-interest form of an open opportunity.
    assert parse(preview).select_one("#interest-form form")
    assert not is_public(draft)


def test_new_index_created_later_gets_the_workflow(home_page):
    index = OpportunityIndexPage(title="More opportunities", slug="more")
    home_page.add_child(instance=index)

    assert WorkflowPage.objects.get(page=index).workflow.name == OPPORTUNITY_WORKFLOW


@pytest.mark.parametrize(
    ("language", "approved", "rejected"),
    [
        ("en", "has been approved in", "has been rejected during"),
        ("fr", "a été approuvée", "a été rejetée"),
    ],
)
def test_a_lead_s_approval_or_request_for_changes_is_confirmed(
    draft, editor, lead, language, approved, rejected
):
    """The dashboard's and the listing's buttons post to Wagtail's workflow action view,
    which went back without a word; the lead now reads what happened, in their language."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(lead)
    profile.preferred_language = language
    profile.save()
    editor_client, lead_client = Client(), Client()
    editor_client.force_login(editor)
    lead_client.force_login(lead)
    submit(editor_client, draft)

    task_state = WorkflowState.objects.get(
        object_id=str(draft.pk), status=WorkflowState.STATUS_IN_PROGRESS
    ).current_task_state
    rejection = lead_client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "reject", task_state.pk]),
        {"comment": "Add the budget"},
        follow=True,
    )
    text = rejection.content.decode()
    assert rejected in text and draft.title in text

    submit(editor_client, draft)
    approval = approve(lead_client, draft)
    text = lead_client.get(approval.url).content.decode()
    assert approved in text and draft.title in text
    draft.refresh_from_db()
    assert draft.live

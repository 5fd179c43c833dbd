"""The moderation of opportunities: an editor submits, a communications lead approves.

The workflow "Opportunity moderation" has one task, an approval by the "Communications leads"
group, and is assigned to every opportunity index page, in every language. Wagtail gives a
page the workflow of its nearest ancestor that has one, so each opportunity, and each of its
translations, goes through it, while the rest of the site keeps the workflow of the root.

Why the indexes: they are the one place that holds all opportunities and only them. The root
(or the home pages) would moderate every page of the site with the opportunities' workflow;
assigning each opportunity would miss the ones created later. Indexes that exist are assigned
by `sync_workflows` (after every migrate); new ones, made in the admin, by the demo command or
by translation, when they are created (`assign_to_new_index`, a post_save receiver).

Editors hold no publish permission (roles.py), so their only way to put a page live is to
submit it; leads hold it, and approving a page publishes it (at its "go live" date if set).
"""

from django.db import transaction
from django.utils.translation import gettext_noop
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from cms.core.roles import LEADS

__all__ = [
    "LEAD_APPROVAL_TASK",
    "OPPORTUNITY_WORKFLOW",
    "assign_opportunity_workflow",
    "assign_to_new_index",
    "sync_workflows",
    "sync_workflows_for_roles",
]

# Stored in English; the admin shows them in the staff member's language (the catalogue has
# them, see cms/publishing/wagtail_hooks.py).
OPPORTUNITY_WORKFLOW = gettext_noop("Opportunity moderation")
LEAD_APPROVAL_TASK = gettext_noop("Approval by a communications lead")


def _opportunity_workflow():
    return Workflow.objects.filter(name=OPPORTUNITY_WORKFLOW, active=True).first()


def assign_opportunity_workflow(page, workflow=None):
    """Give an opportunity index the opportunities' workflow, unless an administrator has
    already given it another one."""
    workflow = workflow or _opportunity_workflow()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def assign_to_new_index(sender, instance, created, raw=False, **kwargs):
    """post_save receiver of OpportunityIndexPage: a new index gets the workflow."""
    if created and not raw:
        assign_opportunity_workflow(instance)


def sync_workflows_for_roles(sender, groups, **kwargs):
    """`roles_synced` receiver (cms.core.roles): the workflow approved by the leads."""
    sync_workflows(groups[LEADS])


@transaction.atomic
def sync_workflows(leads):
    """Create or repair the opportunities' workflow and its task, approved by `leads` (a
    Group), and assign it to every opportunity index. Safe to run at any time."""
    from cms.pages.models import OpportunityIndexPage

    task = GroupApprovalTask.objects.filter(name=LEAD_APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=LEAD_APPROVAL_TASK)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([leads])

    workflow, _created = Workflow.objects.get_or_create(name=OPPORTUNITY_WORKFLOW)
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)

    for index in OpportunityIndexPage.objects.all():
        assign_opportunity_workflow(index, workflow)

    _repair_root_workflow(leads)
    return workflow


def _repair_root_workflow(leads):
    """Give the leads the group-approval tasks of the root's workflow that no group can
    approve any more.

    Wagtail's default workflow on the root ("Moderators approval") is approved by its
    "Moderators" group, which roles.py removes; without this, pages outside the
    opportunities, now submitted by editors, could only be approved by administrators.
    """
    root = Page.get_first_root_node()
    assignment = WorkflowPage.objects.filter(page=root).select_related("workflow").first()
    if root is None or assignment is None:
        return
    for task in assignment.workflow.tasks.specific():
        if isinstance(task, GroupApprovalTask) and not task.groups.exists():
            task.groups.set([leads])

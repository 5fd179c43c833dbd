"""The editorial workflow in the admin, in the staff member's language, and no save that
overwrites a newer version (editing.py)."""

from django.utils.translation import gettext
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem

from .editing import refuse_stale_save
from .workflow_actions import page_viewsets


class SubmitInStaffLanguageMenuItem(SubmitForModerationMenuItem):
    """ "Submit to <workflow>" with the workflow's (or, to resubmit, the task's) name in the
    staff member's language: the project's workflow and task are named in English in the
    database (workflows.py) and translated in the project's catalogue."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        # The task state is emptied when its task is deleted: then Wagtail's own label.
        if state and state.status == state.STATUS_NEEDS_CHANGES and state.current_task_state:
            task = state.current_task_state.task
            context["label"] = gettext("Resubmit to %(task_name)s") % {
                "task_name": gettext(task.name)
            }
            return context
        workflow_page = page if page and page.pk else context.get("parent_page")
        workflow = workflow_page.get_workflow() if workflow_page else None
        if workflow:
            context["label"] = gettext("Submit to %(workflow_name)s") % {
                "workflow_name": gettext(workflow.name)
            }
        return context


@hooks.register("construct_page_action_menu")
def name_workflows_in_staff_language(menu_items, request, context):
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitInStaffLanguageMenuItem(order=item.order)


# Before wagtail-localize's hook, which serves a translation's editor at the same address.
@hooks.register("before_edit_page", order=-50)
def refuse_out_of_date_save(request, page):
    return refuse_stale_save(request, page)


@hooks.register("register_admin_viewset")
def report_workflow_actions():
    return page_viewsets()

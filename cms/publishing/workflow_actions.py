"""A workflow action taken from the dashboard or the page listing says what it did.

Wagtail's workflow action view (the "Approve" and "Request changes" buttons of the dashboard's
"Awaiting your review" panel, of the page listing and of the comparison screen) takes the
action and goes back without a word: a communications lead who approved an opportunity saw no
confirmation. This view is Wagtail's, with the message its own e-mail notifications use
("The page "…" has been approved in "…"."), already in Wagtail's catalogues, the task's name
in the staff member's language.

Wagtail routes each page's admin views through the viewset registered for its type
(`page_viewset_registry`); `page_viewsets()` registers one for each of the project's page
types with this view, every other view unchanged.
"""

from django.utils.translation import gettext
from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState, get_page_models

from .editing import (
    IncompleteDraftEditView,
    IncompleteRevisionRevertView,
    NoBlankChoiceCreateView,
)

__all__ = ["ReportingWorkflowActionView", "page_viewsets"]

#: Task state after the action -> Wagtail's message (its msgid, translated by its catalogue).
MESSAGES = {
    TaskState.STATUS_APPROVED: 'The page "%(title)s" has been approved in "%(task)s".',
    TaskState.STATUS_REJECTED: 'The page "%(title)s" has been rejected during "%(task)s".',
}


class ReportingWorkflowActionView(WorkflowActionView):
    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db(fields=["status"])
        message = MESSAGES.get(self.task_state.status)
        if message:
            messages.success(
                request,
                gettext(message)
                % {"title": get_latest_str(self.object), "task": gettext(self.task.name)},
            )
        return response


class ProjectPageViewSet(PageViewSet):
    workflow_action_view_class = ReportingWorkflowActionView
    # An incomplete (autosaved) version opens with what publishing needs highlighted.
    add_view_class = NoBlankChoiceCreateView
    edit_view_class = IncompleteDraftEditView
    revisions_revert_view_class = IncompleteRevisionRevertView


def page_viewsets():
    """A viewset per page type of the project (Wagtail's base Page keeps its own)."""
    return [
        ProjectPageViewSet(name=f"project_{model._meta.label_lower.replace('.', '_')}", model=model)
        for model in get_page_models()
        if model is not Page
    ]

"""The admin's pages of an expression of interest beyond Wagtail's generic ones: its record with
its status, the history of its changes (who, when) and, for those whose permission policy
allows the "set_status" action, the form that changes it; and that change (POST)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.views.generic.models import InspectView

from cms.core.formats import format_datetime

from .models import ExpressionOfInterest
from .status import StatusError, allowed_statuses, change_status, reopen_refusal

__all__ = ["ExpressionOfInterestInspectView", "StatusView", "status_form"]

#: The action of the permission policy that changes a status (the model permission
#: interest.set_status_expressionofinterest, see models.py and roles.py).
SET_STATUS = "set_status"

#: The URL of StatusView (ExpressionOfInterestViewSet.get_urlpatterns).
STATUS_URL_NAME = "expressions_of_interest:status"


class StatusForm(forms.Form):
    """The next status, among those allowed now, and the status the staff member saw."""

    status = forms.ChoiceField(label=gettext_lazy("New status"))
    seen = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = choices


def status_form(submission):
    """The form of the statuses allowed now, or None when there is none."""
    statuses = allowed_statuses(submission)
    if not statuses:
        return None
    Status = ExpressionOfInterest.Status
    return StatusForm(
        initial={"seen": submission.status},
        choices=[(value, Status(value).label) for value in statuses],
    )


class ExpressionOfInterestInspectView(InspectView):
    """The record as received, its status and history above it."""

    template_name = "interest/admin/inspect.html"

    def get_created_at_display_value(self):
        return format_datetime(self.object.created_at)

    def get_consent_given_at_display_value(self):
        return format_datetime(self.object.consent_given_at)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        may_set = self.permission_policy.user_has_permission(self.request.user, SET_STATUS)
        context.update(
            {
                "status_history": [
                    {
                        "on": format_datetime(change.changed_at),
                        "previous": change.get_previous_status_display(),
                        "status": change.get_status_display(),
                        "by": change.changed_by.get_full_name() or change.changed_by.get_username()
                        if change.changed_by
                        else "—",
                    }
                    for change in submission.status_changes.select_related("changed_by")
                ],
                "status_form": status_form(submission) if may_set else None,
                "status_url_name": STATUS_URL_NAME,
                "reopen_refusal": (
                    reopen_refusal(submission)
                    if may_set and submission.status == ExpressionOfInterest.Status.CLOSED
                    else ""
                ),
            }
        )
        return context


class StatusView(View):
    """POST: set an expression of interest's status (status.change_status), then go back to
    its record with a message saying what happened or why nothing did."""

    viewset = None
    http_method_names = ["post"]

    def post(self, request, pk):
        if not self.viewset.permission_policy.user_has_permission(request.user, SET_STATUS):
            raise PermissionDenied
        submission = get_object_or_404(ExpressionOfInterest, pk=pk)
        try:
            submission = change_status(
                submission.pk,
                request.POST.get("status", ""),
                user=request.user,
                seen_status=request.POST.get("seen", ""),
            )
        except StatusError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("Its status is now “%(status)s”. %(email)s has been e-mailed.")
                % {"status": submission.get_status_display(), "email": submission.email},
            )
        return redirect(self.viewset.get_url_name("inspect"), submission.pk)

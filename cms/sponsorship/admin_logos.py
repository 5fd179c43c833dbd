"""The admin of sponsors' logos: the uploads that confirmed sponsors sent through their
signed link, waiting ones first, each shown with its display name and link and approved or
rejected (with a reason the sponsor reads) by staff who hold the "approve" permission of
Wagtail's permission policy for the model (roles.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import InspectView

from cms.core.model_viewsets import AdminModelViewSet

from .logos import DecisionError, approve, reject
from .models import LogoSubmission

__all__ = ["APPROVE", "DecisionView", "LogoInspectView", "LogoSubmissionViewSet"]

#: The action of the permission policy that decides on a logo.
APPROVE = "approve"
Status = LogoSubmission.Status


class LogoInspectView(InspectView):
    """One upload: the logo as the pages would show it, its name and link, and (for those
    who may decide, while it waits) the buttons to approve or reject it."""

    template_name = "sponsorship/admin/logo_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        context["submission"] = submission
        context["may_decide"] = submission.status == Status.PENDING and (
            self.permission_policy.user_has_permission(self.request.user, APPROVE)
        )
        return context


class DecisionView(View):
    """POST: approve or reject one upload, then go back to its page with a message."""

    viewset = None
    http_method_names = ["post"]

    def post(self, request, pk, decision):
        if decision not in {"approve", "reject"} or not (
            self.viewset.permission_policy.user_has_permission(request.user, APPROVE)
        ):
            raise PermissionDenied
        submission = get_object_or_404(LogoSubmission, pk=pk)
        try:
            if decision == "approve":
                approve(submission.pk, request.user)
                text = _("The logo of “%(name)s” is approved and shown on the event's pages.")
            else:
                reject(submission.pk, request.user, request.POST.get("reason", ""))
                text = _("The logo of “%(name)s” is rejected; the sponsor may upload another.")
        except DecisionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, text % {"name": submission.display_name})
        return redirect(self.viewset.get_url_name("inspect"), submission.pk)


class LogoSubmissionViewSet(AdminModelViewSet):
    """Sponsors' logos: the uploads waiting for approval first."""

    model = LogoSubmission
    name = "sponsorship_logos"
    url_prefix = "sponsorship/logos"
    icon = "image"
    menu_label = gettext_lazy("Sponsors' logos")
    inspect_view_enabled = True
    inspect_view_class = LogoInspectView
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["display_name", "application__organisation"]
    list_filter = ["status"]
    list_per_page = 50
    list_display = [
        "display_name",
        Column(
            "event",
            label=gettext_lazy("Event"),
            accessor=lambda submission: submission.application.event_title,
        ),
        Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
        DateColumn("submitted_at", label=gettext_lazy("Submitted"), sort_key="submitted_at"),
    ]
    # Never edited (LogoPermissionPolicy refuses "change"): decided by the buttons alone.
    form_fields = ["reason"]
    inspect_view_fields = ["display_name", "link_url", "status", "submitted_at", "reason"]

    def get_queryset(self, request):
        waiting_first = Case(
            When(status=Status.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        return (
            LogoSubmission.objects.select_related("application", "logo")
            .annotate(waiting_first=waiting_first)
            .order_by("waiting_first", "-submitted_at", "-pk")
        )

    def get_urlpatterns(self):
        from django.urls import path

        return [
            *super().get_urlpatterns(),
            path(
                "decide/<int:pk>/<slug:decision>/",
                DecisionView.as_view(viewset=self),
                name="decide",
            ),
        ]

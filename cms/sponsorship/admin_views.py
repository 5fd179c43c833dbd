"""The admin views of sponsorship beyond Wagtail's generic ones: an application with the
buttons of its next steps, the steps themselves, and the overview (figures per event, assets
still missing)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.views.generic.models import InspectView

from cms.snippets.views.records import StaffLanguageInspectMixin

from .admin_urls import url_name
from .models import SponsorshipApplication
from .stats import sponsorship_figures
from .workflow import TRANSITIONS, TransitionError, apply_transition, available_actions

__all__ = ["ApplicationInspectView", "TransitionView", "overview_view"]


class ApplicationInspectView(StaffLanguageInspectMixin, InspectView):
    """An application as received, with its price breakdown and the buttons of the steps
    that can follow (for those who may change applications)."""

    template_name = "sponsorship/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.permission_policy.user_has_permission(self.request.user, "change")
        context["steps"] = (
            [
                {
                    "action": action,
                    "label": TRANSITIONS[action][2],
                    "url": reverse(
                        "sponsorship_applications:transition", args=[self.object.pk, action]
                    ),
                    "danger": action in {"reject", "cancel"},
                }
                for action in available_actions(self.object)
            ]
            if can_change
            else []
        )
        context["options"] = list(self.object.options.all())
        context["missing"] = self.object.missing_assets
        return context


class TransitionView(View):
    """POST: take one step of an application, then go back to it with a message."""

    viewset = None
    http_method_names = ["post"]

    def post(self, request, pk, action):
        policy = self.viewset.permission_policy
        if not policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        application = get_object_or_404(SponsorshipApplication, pk=pk)
        if action not in TRANSITIONS:
            raise PermissionDenied
        try:
            application = apply_transition(application.pk, action)
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(application)s” is now %(status)s. The applicant has been e-mailed.")
                % {
                    "application": application.organisation,
                    "status": application.get_status_display(),
                },
            )
        return redirect(self.viewset.get_url_name("inspect"), application.pk)


def overview_view(request):
    """Figures per event and overall, and the confirmed sponsors' missing assets."""
    if not request.user.has_perm("sponsorship.view_sponsorshipapplication"):
        raise PermissionDenied
    confirmed = (
        SponsorshipApplication.objects.filter(status__in=SponsorshipApplication.SPONSORING)
        .select_related("event")
        .order_by("logo_due_on", "details_due_on", "organisation")
    )
    missing = [a for a in confirmed if a.missing_assets]
    today = timezone.localdate()
    for application in missing:
        due = [d for d in (application.logo_due_on, application.details_due_on) if d]
        application.overdue = bool(due) and min(due) < today
    inspect = url_name("inspect")
    return TemplateResponse(
        request,
        "sponsorship/admin/overview.html",
        {
            "figures": sponsorship_figures(),
            "missing": missing,
            "inspect_url_name": inspect,
            "header_title": _("Sponsorship overview"),
            "page_title": _("Sponsorship overview"),
            "header_icon": "tag",
            "applications_url": reverse(url_name("index")),
        },
    )

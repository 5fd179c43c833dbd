"""The admin views of sponsorship beyond Wagtail's generic ones: an application's pages (its
edit form, which the listing opens, and its read-only record) with the steps that can follow,
each explained before it is taken; the steps themselves; the pro-forma invoice; and the
overview (figures per event, assets still missing for current and upcoming events).

Amounts, percentages and dates are written the way the staff member's language writes them
(cms.core.formats, cms.core.money); an empty value is a dash, never "None". The listing's
exports keep machine values (viewsets.py).
"""

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.views.generic.models import EditView, InspectView

from cms.core.formats import format_date, format_datetime, format_percent
from cms.core.money import format_usd
from cms.snippets.views.records import StaffLanguageInspectMixin

from .admin_urls import url_name
from .models import SponsorshipApplication
from .stats import sponsorship_figures
from .workflow import (
    MIN_REASON_LENGTH,
    TRANSITIONS,
    TransitionError,
    apply_transition,
    next_steps,
)

__all__ = [
    "EMPTY",
    "ApplicationEditView",
    "ApplicationInspectView",
    "InvoiceView",
    "TransitionView",
    "overview_view",
]

#: How an empty value reads in the sponsorship admin.
EMPTY = "—"

logger = logging.getLogger(__name__)


def application_context(view, application):
    """What both pages of an application show above its fields: the next steps (for those
    who may take them), the benefits chosen, what the sponsor still owes, the invoice."""
    user = view.request.user
    can_change = view.permission_policy.user_has_permission(user, "change")
    return {
        "steps": next_steps(application, user) if can_change else [],
        "min_reason_length": MIN_REASON_LENGTH,
        "options": [
            {"name": option.name, "price": format_usd(option.price_usd)}
            for option in application.options.all()
        ],
        "missing": application.missing_assets,
        "invoice_url": (
            reverse(url_name("invoice"), args=[application.pk])
            if can_change and application.status in SponsorshipApplication.SPONSORING
            else ""
        ),
        "override": (
            {
                "reason": application.override_reason,
                "by": application.overridden_by,
                "on": format_datetime(application.overridden_at),
            }
            if application.overridden_at
            else None
        ),
    }


class ApplicationEditView(EditView):
    """An application's main page (the listing opens it for those who may change it): its
    steps above the form of what staff may change."""

    template_name = "sponsorship/admin/edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(application_context(self, self.object))
        return context


class ApplicationInspectView(StaffLanguageInspectMixin, InspectView):
    """An application as received, with its price breakdown in the reader's language and the
    steps that can follow (for those who may change applications)."""

    template_name = "sponsorship/admin/inspect.html"

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return EMPTY if value in (None, "", "-") else value

    def _money(self, field_name):
        return format_usd(getattr(self.object, field_name)) or EMPTY

    def get_list_price_usd_display_value(self):
        return self._money("list_price_usd")

    def get_price_usd_display_value(self):
        return self._money("price_usd")

    def get_agreed_amount_usd_display_value(self):
        return self._money("agreed_amount_usd")

    def get_discount_percent_display_value(self):
        return format_percent(self.object.discount_percent) or EMPTY

    def get_logo_due_on_display_value(self):
        return format_date(self.object.logo_due_on) or EMPTY

    def get_details_due_on_display_value(self):
        return format_date(self.object.details_due_on) or EMPTY

    def get_created_at_display_value(self):
        return format_datetime(self.object.created_at) or EMPTY

    def get_consent_given_at_display_value(self):
        return format_datetime(self.object.consent_given_at) or EMPTY

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(application_context(self, self.object))
        return context


class TransitionView(View):
    """POST: take one step of an application (with the reason of an override, if any), then
    go back to its page with a message saying what happened or why nothing did."""

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
            application = apply_transition(
                application.pk,
                action,
                user=request.user,
                override_reason=request.POST.get("reason", ""),
            )
        except TransitionError as error:
            messages.error(request, str(error))
        else:
            text = _("“%(application)s” is now %(status)s. %(email)s has been e-mailed.") % {
                "application": application.organisation,
                "status": application.get_status_display(),
                "email": application.email,
            }
            if application.overridden_now:
                text += " " + _("The conditions overridden and your reason are recorded.")
            messages.success(request, text)
        return redirect(self.viewset.get_url_name("edit"), application.pk)


class InvoiceView(View):
    """GET: the pro-forma invoice of a confirmed or delivered sponsorship, as a PDF in the
    applicant's language, for those who may change applications."""

    viewset = None
    http_method_names = ["get"]

    def get(self, request, pk):
        if not self.viewset.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        application = get_object_or_404(
            SponsorshipApplication.objects.select_related("event", "package", "locale"), pk=pk
        )
        if application.status not in SponsorshipApplication.SPONSORING:
            messages.error(request, _("Only a confirmed sponsorship has an invoice."))
            return redirect(self.viewset.get_url_name("edit"), application.pk)
        # fpdf2 and fontTools take over a second to import: loaded by the first invoice, not
        # by every process that starts (manage.py commands, test workers, web workers).
        from .invoice import FontMissing, invoice_filename, invoice_pdf

        try:
            pdf = invoice_pdf(application)
        except FontMissing:
            logger.exception("Sponsorship invoice: no font for the invoice's scripts")
            messages.error(
                request,
                _(
                    "The invoice cannot be written on this server: the fonts it needs are not "
                    "installed. Ask the administrator to install them (see the README)."
                ),
            )
            return redirect(self.viewset.get_url_name("edit"), application.pk)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{invoice_filename(application)}"'
        return response


def overview_view(request):
    """Figures per event and overall, and the missing assets of the confirmed sponsors of
    current and upcoming events (a past event's sponsors can no longer deliver anything)."""
    if not request.user.has_perm("sponsorship.view_sponsorshipapplication"):
        raise PermissionDenied
    today = timezone.localdate()
    confirmed = (
        SponsorshipApplication.objects.filter(
            status__in=SponsorshipApplication.SPONSORING, event__end_date__gte=today
        )
        .select_related("event")
        .order_by("logo_due_on", "details_due_on", "organisation")
    )
    missing = [a for a in confirmed if a.missing_assets]
    for application in missing:
        due = [d for d in (application.logo_due_on, application.details_due_on) if d]
        application.overdue = bool(due) and min(due) < today
    return TemplateResponse(
        request,
        "sponsorship/admin/overview.html",
        {
            "figures": sponsorship_figures(),
            "missing": missing,
            "inspect_url_name": url_name("inspect"),
            "header_title": _("Sponsorship overview"),
            "page_title": _("Sponsorship overview"),
            "header_icon": "tag",
            "applications_url": reverse(url_name("index")),
        },
    )

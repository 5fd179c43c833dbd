"""The admin summary of the subscriptions: counts by language, thematic area and region,
and the state of their e-mails in the outbox. A fixed number of queries, whatever the numbers."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.core import languages
from cms.core.models import OutgoingEmail
from cms.snippets.models import BeneficiaryRegion, ThematicArea
from cms.snippets.terms import load_terms

from .emails import KINDS
from .models import Subscriber
from .permissions import can_view_subscribers

__all__ = ["SummaryView"]

ACTIVE = Q(status__in=[Subscriber.Status.CONFIRMED, Subscriber.Status.PENDING])


def _by_term(model, relation):
    """(name, confirmed subscribers who chose the term) for each term, and those who chose
    none (everything)."""
    terms = load_terms(model, languages.active())
    counts = dict(
        Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
        .values_list(f"{relation}__translation_key")
        .annotate(total=Count("pk", distinct=True))
        .values_list(f"{relation}__translation_key", "total")
    )
    rows = [
        (terms.name_of(term), counts.get(term.translation_key, 0))
        for term in model.objects.in_source_locale().order_by("sort_order", "name")
    ]
    return rows, counts.get(None, 0)


class SummaryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "alerts/admin/summary.html"
    page_title = gettext_lazy("Subscriptions: summary")
    header_icon = "group"
    breadcrumbs_items = [
        {"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")},
        {"url": "", "label": gettext_lazy("Subscriptions: summary")},
    ]

    def dispatch(self, request, *args, **kwargs):
        if not can_view_subscribers(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        statuses = dict(
            Subscriber.objects.values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        by_language = dict(
            Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED)
            .values_list("language")
            .annotate(n=Count("pk"))
            .values_list("language", "n")
        )
        queue = dict(
            OutgoingEmail.objects.filter(kind__in=KINDS)
            .values_list("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        areas, all_areas = _by_term(ThematicArea, "areas")
        regions, all_regions = _by_term(BeneficiaryRegion, "regions")
        return super().get_context_data(
            statuses=[
                (label, statuses.get(value, 0)) for value, label in Subscriber.Status.choices
            ],
            languages=[
                (languages.name(code), by_language.get(code, 0)) for code in languages.codes()
            ],
            areas=areas,
            all_areas=all_areas,
            regions=regions,
            all_regions=all_regions,
            queue=[(label, queue.get(value, 0)) for value, label in OutgoingEmail.Status.choices],
            **kwargs,
        )

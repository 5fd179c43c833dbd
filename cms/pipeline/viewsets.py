"""The pipeline in the admin: the listing of every partner approached (filtered to one
opportunity from that opportunity's page, or to one's own follow-ups), each entry's form with
its notes, and the listing's CSV and XLSX downloads through the spreadsheet kernel.

The listing reads its rows in one query whatever their number: partners are named in the
staff member's language and each row's latest note is taken by subqueries, not row by row.
"""

from functools import cached_property

import django_filters
from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, Prefetch, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic.models import InspectView

from cms.core import languages
from cms.core.formats import format_date, format_datetime
from cms.core.model_viewsets import AdminModelViewSet, SafeExportIndexView
from cms.pages.models import OpportunityPage

from .concepts import concept_opportunity
from .display import follow_up_text, latest_note_text, localized_entries, score_text, user_name
from .models import PipelineEntry, PipelineNote, Stage

__all__ = ["PipelineViewSet", "pipeline_url", "pipeline_viewset"]


def _owners():
    return get_user_model().objects.filter(
        pk__in=PipelineEntry.objects.filter(owner__isnull=False).values("owner")
    )


class PipelineFilterSet(WagtailFilterSet):
    opportunity = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Opportunity"),
        queryset=lambda request: OpportunityPage.objects.filter(
            pk__in=PipelineEntry.objects.values("opportunity")
        ).order_by("title"),
    )
    stage = django_filters.MultipleChoiceFilter(label=gettext_lazy("Stage"), choices=Stage.choices)
    owner = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Owner"), queryset=lambda request: _owners()
    )

    class Meta:
        model = PipelineEntry
        fields = ["opportunity", "stage", "owner"]


class PipelineIndexView(SafeExportIndexView):
    """The pipeline listing; with one opportunity chosen, that opportunity's pipeline."""

    @cached_property
    def opportunity(self):
        """The opportunity the listing is filtered to, if only one."""
        form = self.filters.form if self.filters else None
        if form is None or not form.is_valid():
            return None
        return form.cleaned_data.get("opportunity")

    @cached_property
    def columns(self):
        # The partner's name opens the entry (its form, or its record for those who only
        # read), with the entry's actions beside it, as a model's title does.
        columns = list(super().columns)
        title_column = self._get_title_column_class(TitleColumn)
        columns[0] = title_column(
            "partner",
            label=gettext_lazy("Partner"),
            accessor="partner_name",
            sort_key="partner__name",
            get_url=lambda entry: self.get_edit_url(entry) or self.get_inspect_url(entry),
        )
        return columns

    def get_page_title(self):
        if self.opportunity is not None:
            return _("Pipeline: %(title)s") % {"title": self.opportunity.title}
        return super().get_page_title()

    def order_queryset(self, queryset):
        # Entries without a follow-up date come after those with one, in both directions
        # and on every database (SQLite puts empty values first, PostgreSQL last).
        if self.ordering in ("next_follow_up", "-next_follow_up"):
            date = F("next_follow_up")
            descending = self.ordering.startswith("-")
            first = date.desc(nulls_last=True) if descending else date.asc(nulls_last=True)
            return queryset.order_by(first, "stage", "pk")
        return super().order_queryset(queryset)

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("partner", "opportunity", "owner")
        latest = PipelineNote.objects.filter(entry=OuterRef("pk")).order_by("-date", "-pk")
        queryset = localized_entries(queryset, languages.active()).annotate(
            latest_note=Subquery(latest.values("text")[:1]),
            latest_note_date=Subquery(latest.values("date")[:1]),
        )
        if self.is_export:
            notes = PipelineNote.objects.select_related("author").order_by("date", "pk")
            queryset = queryset.prefetch_related(Prefetch("notes", queryset=notes))
        return queryset

    def to_row_dict(self, item):
        values = {
            "opportunity": item.opportunity_title,
            "partner": item.partner_name,
            "stage": item.get_stage_display(),
            "owner": user_name(item.owner),
            "next_follow_up": item.next_follow_up,
            "overdue": _("yes") if item.is_overdue else "",
            "finder_rank": item.finder_rank,
            "finder_score": item.finder_score,
            "created_at": timezone.localtime(item.created_at).date(),
            "notes": "\n".join(
                _("%(date)s, %(author)s: %(text)s")
                % {
                    "date": format_date(note.date),
                    "author": user_name(note.author) or "—",
                    "text": note.text,
                }
                for note in item.notes.all()
            ),
        }
        return {field: values[field] for field in self.list_export}


class PipelineInspectView(InspectView):
    """An entry as those who only read it see it: dates in their language, people by name,
    "—" for what is empty, and its notes, newest first."""

    def get_field_label(self, field_name, field):
        if field_name == "notes":
            return _("Notes")
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None or value == "" else value

    def get_owner_display_value(self):
        return user_name(self.object.owner) or None

    def get_next_follow_up_display_value(self):
        return follow_up_text(self.object)

    def get_finder_score_display_value(self):
        return score_text(self.object)

    def get_created_at_display_value(self):
        return format_datetime(self.object.created_at)

    def get_stage_changed_at_display_value(self):
        return format_datetime(self.object.stage_changed_at)

    def get_notes_display_value(self):
        notes = self.object.notes.select_related("author")
        return (
            format_html_join(
                mark_safe("<br>"),
                "{}, {}: {}",
                ((format_date(n.date), user_name(n.author) or "—", n.text) for n in notes),
            )
            or None
        )


class PipelineViewSet(AdminModelViewSet):
    """Every pipeline entry, for officers who keep them and leads who read them."""

    model = PipelineEntry
    name = "pipeline"
    url_prefix = "pipeline"
    icon = "tasks"
    add_to_admin_menu = True
    menu_order = 161
    menu_label = gettext_lazy("Partner pipeline")
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "opportunity",
        "partner",
        "stage",
        "owner",
        "next_follow_up",
        "finder_rank",
        "finder_score",
        "created_at",
        "stage_changed_at",
        "notes",
    ]
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["partner__name", "partner__acronym", "opportunity__title"]
    filterset_class = PipelineFilterSet
    index_view_class = PipelineIndexView
    inspect_view_class = PipelineInspectView
    ordering = "next_follow_up"
    list_per_page = 50
    list_display = [
        Column(
            "partner",
            label=gettext_lazy("Partner"),
            accessor="partner_name",
            sort_key="partner__name",
        ),
        Column("opportunity", label=gettext_lazy("Opportunity"), accessor="opportunity_title"),
        Column(
            "stage", label=gettext_lazy("Stage"), accessor="get_stage_display", sort_key="stage"
        ),
        Column("owner", label=gettext_lazy("Owner"), accessor=lambda entry: user_name(entry.owner)),
        Column(
            "next_follow_up",
            label=gettext_lazy("Next follow-up"),
            accessor=follow_up_text,
            sort_key="next_follow_up",
        ),
        Column("latest_note", label=gettext_lazy("Latest note"), accessor=latest_note_text),
        Column(
            "finder_score",
            label=gettext_lazy("Finder score"),
            accessor=score_text,
            sort_key="finder_score",
        ),
    ]
    list_export = [
        "opportunity",
        "partner",
        "stage",
        "owner",
        "next_follow_up",
        "overdue",
        "finder_rank",
        "finder_score",
        "created_at",
        "notes",
    ]
    export_headings = {
        "opportunity": gettext_lazy("Opportunity"),
        "partner": gettext_lazy("Partner"),
        "stage": gettext_lazy("Stage"),
        "owner": gettext_lazy("Owner"),
        "next_follow_up": gettext_lazy("Next follow-up"),
        "overdue": gettext_lazy("Overdue"),
        "finder_rank": gettext_lazy("Rank in the finder"),
        "finder_score": gettext_lazy("Score in the finder"),
        "created_at": gettext_lazy("Added"),
        "notes": gettext_lazy("Notes"),
    }
    export_filename = "partner-pipeline"


pipeline_viewset = PipelineViewSet()


def pipeline_url(page):
    """The pipeline of the opportunity `page` (any of its languages): the listing filtered to
    the page the pipeline follows."""
    index = reverse(pipeline_viewset.get_url_name("index"))
    return f"{index}?{urlencode({'opportunity': concept_opportunity(page).pk})}"

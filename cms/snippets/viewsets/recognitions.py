"""The viewset of recognitions given to partners."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column

from ..filters import RecognitionFilterSet
from ..models import Recognition
from ..views.columns import LanguageColumn, UpdatedColumn
from .base import RecordViewSet

__all__ = ["RecognitionViewSet"]


class RecognitionViewSet(RecordViewSet):
    """Awards and other recognition given to partners, e.g. at the 25th anniversary of ITU-D."""

    model = Recognition
    icon = "pick"
    filterset_class = RecognitionFilterSet
    search_fields = ["award_title", "occasion", "partner__name", "partner__acronym"]
    chooser_search_fields = ("award_title", "occasion")
    ordering = "-year"
    list_display = [
        "award_title",
        "partner",
        "occasion",
        Column("year", label=_("Year"), sort_key="year"),
        LanguageColumn(),
        UpdatedColumn(),
    ]
    list_export = ["award_title", "partner", "occasion", "year", "locale"]
    export_headings = {"locale": _("Language")}
    inspect_view_fields = ["award_title", "partner", "occasion", "year", "citation", "locale"]
    panels = [
        FieldPanel("partner"),
        FieldPanel("award_title"),
        FieldRowPanel([FieldPanel("occasion"), FieldPanel("year")]),
        FieldPanel("citation"),
    ]

    def get_queryset(self, request):
        return Recognition.objects.select_related("partner", "locale")

"""The viewset of communication material: briefs, brochures, slide decks, videos, images."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column

from ..models import Material
from ..views.columns import LanguageColumn, UpdatedColumn
from .base import RecordViewSet

__all__ = ["MaterialViewSet"]


class MaterialViewSet(RecordViewSet):
    """Material shown on opportunities; a translator may give a translation its own document
    or video, the variant that visitors in that language get."""

    model = Material
    icon = "doc-full"
    list_filter = ["kind"]
    search_fields = ["title", "caption"]
    chooser_search_fields = ("title", "caption")
    ordering = "title"
    list_display = [
        "title",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        LanguageColumn(),
        UpdatedColumn(),
    ]
    list_export = ["title", "kind", "document", "video_url", "image", "locale"]
    export_headings = {"locale": _("Language")}
    inspect_view_fields = ["title", "kind", "document", "video_url", "image", "caption", "locale"]
    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("video_url"), FieldPanel("image")],
            heading=_("File, video or image"),
        ),
        FieldPanel("caption"),
    ]

    def get_queryset(self, request):
        return Material.objects.select_related("locale", "document", "image")

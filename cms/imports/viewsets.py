"""The read-only admin listing of import runs: the audit trail of every import."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn

from cms.core.model_viewsets import AdminModelViewSet

from .models import ImportRun

__all__ = ["ImportRunViewSet", "import_run_viewset"]


class ImportRunViewSet(AdminModelViewSet):
    """Who imported what and when, with the file's checksum and the counts; never edited
    (see permissions.ImportRunPermissionPolicy)."""

    model = ImportRun
    name = "import_runs"
    url_prefix = "imports/history"
    icon = "history"
    add_to_admin_menu = False
    menu_label = _("Import history")
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    search_backend_name = None
    search_fields = ["file_name", "checksum"]
    list_filter = ["kind", "status", "dry_run"]
    ordering = "-created_at"
    list_per_page = 50
    list_display = [
        "file_name",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("dry_run", label=_("Dry run")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("user", label=_("User")),
        Column("created", label=_("Created")),
        Column("updated", label=_("Updated")),
        Column("unchanged", label=_("Unchanged")),
        Column("error_count", label=_("Errors")),
        DateColumn("created_at", label=_("Started"), sort_key="created_at"),
    ]
    inspect_view_fields = [
        "created_at",
        "finished_at",
        "user",
        "source",
        "kind",
        "file_name",
        "checksum",
        "encoding",
        "dry_run",
        "create_partners",
        "status",
        "rows",
        "created",
        "updated",
        "unchanged",
        "error_count",
        "errors",
    ]
    form_fields = ["file_name"]

    def get_queryset(self, request):
        return ImportRun.objects.select_related("user")


import_run_viewset = ImportRunViewSet()

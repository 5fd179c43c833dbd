"""The officers' exports in the admin: the "Export all fields" page and its files, listed
in the Reports menu for those who may download at least one of them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_open_data_admin_urls():
    return [
        path("open-data/", views.officer_exports, name="opendata_officer_exports"),
        path(
            "open-data/<slug:dataset>.<slug:fmt>",
            views.officer_export_file,
            name="opendata_officer_export",
        ),
    ]


class ExportMenuItem(MenuItem):
    def is_shown(self, request):
        return any(request.user.has_perm(perm) for perm in views.EXPORT_PERMISSIONS.values())


@hooks.register("register_reports_menu_item")
def register_export_menu_item():
    return ExportMenuItem(
        _("Export all fields"),
        reverse("opendata_officer_exports"),
        name="export-all-fields",
        icon_name="download",
        order=900,
    )

"""Admin integration of imports: the upload, status and confirmation pages, the "Import"
menu (import a file, history) and the read-only listing of runs."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

from . import views
from .permissions import can_import
from .viewsets import import_run_viewset


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register("register_admin_urls")
def register_import_urls():
    urls = [
        path("", views.ImportView.as_view(), name="import"),
        path("<int:pk>/", views.ImportStatusView.as_view(), name="status"),
        path("<int:pk>/confirm/", views.ConfirmImportView.as_view(), name="confirm"),
        path("<int:pk>/progress/", views.ImportProgressView.as_view(), name="progress"),
    ]
    return [path("imports/", include((urls, "imports")))]


@hooks.register("register_admin_viewset")
def register_import_runs():
    return import_run_viewset


@hooks.register("register_admin_menu_item")
def register_import_menu():
    submenu = Menu(
        items=[
            ImportMenuItem(
                _("Import a file"),
                reverse("imports:import"),
                name="import-file",
                icon_name="upload",
                order=100,
            ),
            ImportMenuItem(
                _("Import history"),
                reverse("import_runs:index"),
                name="import-history",
                icon_name="history",
                order=200,
            ),
        ]
    )
    return SubmenuMenuItem(_("Import"), submenu, name="imports", icon_name="upload", order=160)

"""The open-data files (language-neutral, `/open-data/...`), the open-data page in the
visitor's language (`/<language>/open-data/`), and the officers' full-record exports in the
admin (`/admin/open-data/...`)."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .datasets import get_dataset
from .formats import csv_stream, json_stream, write_xlsx_file
from .iati import IATI_VERSION, iati_stream, reporting_org_ref

__all__ = [
    "EXPORT_PERMISSIONS",
    "FORMATS",
    "iati_activities",
    "officer_export_file",
    "officer_exports",
    "open_data_file",
    "open_data_index",
]

#: File format -> (content type, label shown on the pages).
FORMATS = {
    "csv": ("text/csv; charset=utf-8", "CSV"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX"),
    "json": ("application/json; charset=utf-8", "JSON"),
}
PUBLIC_DATASETS = ["partners", "agreements"]
#: The permission an officer's export needs: the whole archive, or partners' internal fields.
EXPORT_PERMISSIONS = {
    "agreements": "snippets.view_agreement",
    "partners": "snippets.view_partner_internal",
}
DEFAULT_LICENCE = (
    "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    "https://creativecommons.org/licenses/by/4.0/",
)


def licence():
    """(name, address) of the licence of the open data (setting OPEN_DATA_LICENCE)."""
    return tuple(getattr(settings, "OPEN_DATA_LICENCE", None) or DEFAULT_LICENCE)


def export_response(dataset, fmt, filename):
    """The dataset as a download in `fmt`: CSV and JSON stream row by row, XLSX is built in a
    spooled file."""
    content_type = FORMATS[fmt][0]
    if fmt == "xlsx":
        return FileResponse(
            write_xlsx_file(dataset),
            as_attachment=True,
            filename=filename,
            content_type=content_type,
        )
    stream = csv_stream(dataset) if fmt == "csv" else json_stream(dataset)
    response = StreamingHttpResponse(stream, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def open_data_file(request, dataset, fmt):
    """A public dataset (`partners` or `agreements`) as CSV, XLSX or JSON."""
    public = get_dataset(dataset) if dataset in PUBLIC_DATASETS else None
    if public is None or fmt not in FORMATS:
        raise Http404(_("There is no such open-data file."))
    response = export_response(public, fmt, f"{dataset}.{fmt}")
    # Public data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def iati_activities(request):
    """The public agreements as IATI activities (XML, IATI 2.03)."""
    response = StreamingHttpResponse(iati_stream(), content_type="application/xml; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _file_links(name, url_name, **kwargs):
    return [
        {"format": label, "url": reverse(url_name, kwargs={"dataset": name, "fmt": fmt, **kwargs})}
        for fmt, (_content_type, label) in FORMATS.items()
    ]


@require_GET
def open_data_index(request):
    """The open-data page: each dataset with its files, licence and columns."""
    licence_name, licence_url = licence()
    datasets = [
        {"dataset": get_dataset(name), "files": _file_links(name, "open_data_file")}
        for name in PUBLIC_DATASETS
    ]
    context = {
        "datasets": datasets,
        "iati_url": reverse("open_data_iati"),
        "iati_version": IATI_VERSION,
        "iati_org_ref": reporting_org_ref(),
        "licence_name": licence_name,
        "licence_url": licence_url,
    }
    return render(request, "opendata/index.html", context)


def _allowed(user, name):
    return user.has_perm(EXPORT_PERMISSIONS[name])


def officer_exports(request):
    """Admin page: the full-record exports the user may download."""
    datasets = [
        {"dataset": get_dataset(name, officer=True), "files": _officer_links(name)}
        for name in EXPORT_PERMISSIONS
        if _allowed(request.user, name)
    ]
    if not datasets:
        raise PermissionDenied
    context = {
        "datasets": datasets,
        "page_title": _("Export all fields"),
        "header_title": _("Export all fields"),
        "header_icon": "download",
        "public_url": reverse("open_data_index"),
    }
    return render(request, "opendata/admin_exports.html", context)


def _officer_links(name):
    return [
        {
            "format": label,
            "url": reverse("opendata_officer_export", kwargs={"dataset": name, "fmt": fmt}),
        }
        for fmt, (_content_type, label) in FORMATS.items()
    ]


def officer_export_file(request, dataset, fmt):
    """A dataset with all its fields, for those who may see them."""
    if dataset not in EXPORT_PERMISSIONS or fmt not in FORMATS:
        raise Http404(_("There is no such export."))
    if not _allowed(request.user, dataset):
        raise PermissionDenied
    today = timezone.localdate().isoformat()
    return export_response(
        get_dataset(dataset, officer=True), fmt, f"partnerhub-{dataset}-all-fields-{today}.{fmt}"
    )

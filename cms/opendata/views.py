"""The open-data files (language-neutral, `/open-data/...`), the open-data page in the
visitor's language (`/<language>/open-data/`), and the officers' full-record exports in the
admin (`/admin/open-data/...`).

The public files are built once per version of the data they hold and kept in the shared
cache (cms.core.page_cache.cached_value): a change of a partner, an agreement or a
vocabulary builds them again at the next download, which every later download then gets as
it is, with an ETag (a conditional request answers 304). The officers' exports are built at
each request: they are few, and show what was saved a moment ago.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from cms.core.page_cache import cacheable, cached_value

from .datasets import get_dataset
from .formats import csv_stream, json_stream, write_xlsx_file
from .iati import IATI_VERSION, iati_stream, reporting_org_ref

__all__ = [
    "EXPORT_PERMISSIONS",
    "FORMATS",
    "OPEN_DATA_TAGS",
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
#: What the public files and the open-data page are built from (cms.publishing.page_cache).
OPEN_DATA_TAGS = ("data:partners", "data:agreements", "data:vocabularies")
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


def _as_bytes(chunks):
    return b"".join(chunk if isinstance(chunk, bytes) else chunk.encode() for chunk in chunks)


def _build_file(dataset, fmt):
    if fmt == "xlsx":
        with write_xlsx_file(dataset) as file:
            return file.read()
    return _as_bytes(csv_stream(dataset) if fmt == "csv" else json_stream(dataset))


def stored_file(key, build):
    """(content, ETag) of a public file, built by `build()` once per version of the data."""

    def build_with_etag():
        content = build()
        digest = hashlib.sha256(content).hexdigest()[:32]
        return {"content": content, "etag": f'"{digest}"'}

    # The sheet's title and any label follow the active language: one copy per language.
    stored = cached_value(f"opendata:{key}:{get_language()}", OPEN_DATA_TAGS, build_with_etag)
    return stored["content"], stored["etag"]


def _download(request, content, etag, content_type, filename=None):
    response = HttpResponse(content, content_type=content_type)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["ETag"] = etag
    max_age = getattr(settings, "PAGE_CACHE_MAX_AGE", 60)
    response["Cache-Control"] = f"public, max-age={max_age}"
    # Public data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return get_conditional_response(request, etag=etag, response=response)


@require_GET
def open_data_file(request, dataset, fmt):
    """A public dataset (`partners` or `agreements`) as CSV, XLSX or JSON."""
    public = get_dataset(dataset) if dataset in PUBLIC_DATASETS else None
    if public is None or fmt not in FORMATS:
        raise Http404(_("There is no such open-data file."))
    content, etag = stored_file(f"{dataset}.{fmt}", lambda: _build_file(public, fmt))
    return _download(request, content, etag, FORMATS[fmt][0], f"{dataset}.{fmt}")


@require_GET
def iati_activities(request):
    """The public agreements as IATI activities (XML, IATI 2.03)."""
    content, etag = stored_file("iati-activities.xml", lambda: _as_bytes(iati_stream()))
    return _download(request, content, etag, "application/xml; charset=utf-8")


def _file_links(name, url_name, **kwargs):
    return [
        {"format": label, "url": reverse(url_name, kwargs={"dataset": name, "fmt": fmt, **kwargs})}
        for fmt, (_content_type, label) in FORMATS.items()
    ]


@require_GET
@cacheable(*OPEN_DATA_TAGS)
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
        "api": _api_links(request),
    }
    return render(request, "opendata/index.html", context)


def _api_links(request):
    """The JSON API's addresses, the lists asked for in the visitor's language."""
    query = f"?lang={get_language()}"
    lists = [
        (
            "list_agreements",
            _("Public agreements (filter by year, region, country, area, partner or type)"),
        ),
        ("list_partners", _("Funding partners")),
        ("list_opportunities", _("Partnership opportunities")),
        ("list_recognitions", _("Recognitions")),
    ]
    return {
        "root": request.build_absolute_uri(reverse("api-v1:api_root")),
        "openapi": request.build_absolute_uri(reverse("api-v1:openapi-json")),
        "lists": [
            {"label": label, "url": request.build_absolute_uri(reverse(f"api-v1:{name}") + query)}
            for name, label in lists
        ],
        "example": request.build_absolute_uri(
            reverse("api-v1:list_agreements") + query + "&year=2017&region=afr"
        ),
    }


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

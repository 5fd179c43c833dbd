"""What the statistics page's routes show: the charts of a period, their data as files, and
the list of the agreements of the period as a page and as files."""

from django.http import Http404, HttpResponseBadRequest
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from cms.core import chrome
from cms.core.money import format_usd
from cms.core.spreadsheets import csv_response, xlsx_response
from cms.snippets.models import BeneficiaryRegion, ThematicArea
from cms.snippets.terms import load_terms

from .agreement_list import agreement_list, may_see_confidential
from .downloads import FORMATS, json_response
from .figures import CHARTS, Statistics
from .periods import latest_full_years, read_period
from .world_map import LAYERS, StatisticsMap, read_layer

__all__ = [
    "agreement_list_context",
    "agreement_list_download",
    "chart_download",
    "private_to_officers",
    "statistics_context",
]

LIST_FORMATS = ("csv", "xlsx")


def _language(page, request=None):
    return chrome.prime_locale(request, page).locale.language_code


def _subpage_url(page, request, name, query="", **kwargs):
    url = page.get_url(request) + page.reverse_subpage(name, kwargs=kwargs or None)
    return f"{url}?{query}" if query else url


def _period_links(page, request, choice, name, kept=""):
    """One-click periods: the default one (the Bureau's latest report's, also the home page's)
    and the latest four full years of the archive; `kept`: a query string they keep (the
    list's filters)."""
    links = []
    for period in dict.fromkeys([choice.default, latest_full_years()]):
        query = "&".join(part for part in (period.query, kept) if part)
        links.append(
            {
                "label": f"{period.start.year}–{period.end.year}",
                "url": _subpage_url(page, request, name, query),
                "current": period == choice.period,
            }
        )
    return links


def statistics_context(page, request):
    """The charts of the period asked for, each with its table and download links."""
    choice = read_period(request.GET)
    language = _language(page, request)
    with translation.override(language):
        statistics = Statistics(choice.period, language)
        charts = list(statistics.charts.values())
        query = choice.period.query
        downloads = {
            chart.slug: [
                {
                    "format": file_format.upper(),
                    "url": _subpage_url(
                        page,
                        request,
                        "chart_data",
                        query,
                        chart=chart.slug,
                        file_format=file_format,
                    ),
                }
                for file_format in FORMATS
            ]
            for chart in charts
        }
        figures = statistics.figures
        return {
            "period_choice": choice,
            "period": choice.period,
            "period_links": _period_links(page, request, choice, "statistics"),
            "charts": [(chart, downloads[chart.slug]) for chart in charts],
            "new_agreements": figures.new_agreements,
            "addenda": figures.addenda,
            "value_millions": format_usd(figures.value_usd, millions=True),
            "list_url": _subpage_url(page, request, "agreements", query),
            "form_url": page.get_url(request),
            "world_map": StatisticsMap(
                choice.period, language, request.GET.get("map"), chrome.site(request)
            ),
            "map_layers": _map_layers(page, request, choice.period, request.GET.get("map")),
            "sponsorship": _sponsorship_figures(),
        }


def _map_layers(page, request, period, asked):
    """The map's layers as links (agreements, opportunities) keeping the period: plain
    addresses, so the switch works without JavaScript."""
    current = read_layer(asked)
    labels = {"agreements": _("New agreements"), "opportunities": _("Opportunities")}
    links = []
    for layer in LAYERS:
        query = period.query if layer == LAYERS[0] else f"{period.query}&map={layer}"
        links.append(
            {
                "label": labels[layer],
                "url": _subpage_url(page, request, "statistics", query) + "#map",
                "current": layer == current,
            }
        )
    return links


def _sponsorship_figures():
    """The event-sponsorship figures (cms/sponsorship/stats.py), shown below the charts."""
    from cms.sponsorship.stats import sponsorship_figures

    return sponsorship_figures()


def _period_or_error(request):
    choice = read_period(request.GET)
    if choice.errors:
        return None, HttpResponseBadRequest(
            " ".join(choice.errors), content_type="text/plain; charset=utf-8"
        )
    return choice.period, None


def chart_download(page, request, chart, file_format):
    """One chart's rows (code, name in the page's language, value) as CSV, XLSX or JSON."""
    if chart not in CHARTS or file_format not in FORMATS:
        raise Http404
    language = _language(page)
    with translation.override(language):
        period, error = _period_or_error(request)
        if error:
            return error
        data = Statistics(period, language).charts[chart]
        filename = f"statistics-{chart}-{period.slug}-{language}.{file_format}"
        if file_format == "json":
            return json_response(
                filename,
                {
                    "chart": chart,
                    "title": data.title,
                    "language": language,
                    "start": period.start.isoformat(),
                    "end": period.end.isoformat(),
                    "unit": data.unit,
                    "rows": [
                        {"code": row.code, "label": row.label, "value": row.data_value}
                        for row in data.rows
                    ],
                    "total": data.total_value,
                },
            )
        header = [_("Code"), data.category_label, data.value_label]
        if file_format == "csv":
            rows = [[row.code, row.label, row.csv_value] for row in data.rows]
            return csv_response(filename, header, rows)
        rows = [[row.code, row.label, row.data_value] for row in data.rows]
        return xlsx_response(filename, header, rows, title=data.title)


def private_to_officers(request, response):
    """What a signed-in user sees (confidential agreements for officers) is never stored by
    shared caches, nor served from them to someone else."""
    patch_vary_headers(response, ["Cookie"])
    if request.user.is_authenticated:
        patch_cache_control(response, private=True, no_store=True)
    return response


def list_filters(params, language):
    """The filters of the list of agreements, in the visitor's language: for the beneficiary
    region and the primary thematic area, the terms to choose from and the one chosen (a code
    of the address, `?region=afr&area=cybersecurity`); an unknown code chooses none, and
    the filter says so (`error`) rather than silently showing everything."""
    filters = []
    for name, model, label, everything, unknown in (
        (
            "region",
            BeneficiaryRegion,
            _("Beneficiary region"),
            _("All regions"),
            _("No region has the code “%(code)s”: all regions are shown."),
        ),
        (
            "area",
            ThematicArea,
            _("Primary thematic area"),
            _("All thematic areas"),
            _("No thematic area has the code “%(code)s”: all thematic areas are shown."),
        ),
    ):
        terms = load_terms(model, language)
        typed = (params.get(name) or "").strip()
        chosen = terms.by_code.get(typed)
        filters.append(
            {
                "name": name,
                "label": label,
                "everything": everything,
                "terms": list(terms),
                "chosen": chosen,
                "error": unknown % {"code": typed[:40]} if typed and chosen is None else "",
            }
        )
    return filters


def _filter_query(filters):
    return urlencode({f["name"]: f["chosen"].code for f in filters if f["chosen"] is not None})


def _filtered_list(period, language, officer, filters):
    chosen = {f["name"]: f["chosen"].pk if f["chosen"] else None for f in filters}
    return agreement_list(period, language, confidential=officer, **chosen)


def agreement_list_context(page, request):
    """The agreements of the period asked for, grouped by year, in the region and the
    thematic area chosen."""
    choice = read_period(request.GET)
    language = _language(page)
    officer = may_see_confidential(request.user)
    with translation.override(language):
        filters = list_filters(request.GET, language)
        kept = _filter_query(filters)
        groups = _filtered_list(choice.period, language, officer, filters)
        query = choice.period.query
        list_query = "&".join(part for part in (query, kept) if part)
        return {
            "period_choice": choice,
            "period": choice.period,
            "period_links": _period_links(page, request, choice, "agreements", kept),
            "filters": filters,
            "filtered": bool(kept),
            "kept_filters": [(f["name"], f["chosen"].code) for f in filters if f["chosen"]],
            "groups": groups,
            "agreement_count": sum(len(group.agreements) for group in groups),
            "left_out": sum(group.confidential_left_out for group in groups),
            "officer": officer,
            "statistics_url": _subpage_url(page, request, "statistics", query),
            "form_url": _subpage_url(page, request, "agreements"),
            "downloads": [
                {
                    "format": file_format.upper(),
                    "url": _subpage_url(
                        page, request, "agreements_file", list_query, file_format=file_format
                    ),
                }
                for file_format in LIST_FORMATS
            ],
        }


def agreement_list_download(page, request, file_format):
    """The list of the agreements of the period as CSV or XLSX, in the page's language;
    officers' files add the confidential agreements and a column that flags them."""
    if file_format not in LIST_FORMATS:
        raise Http404
    language = _language(page)
    officer = may_see_confidential(request.user)
    with translation.override(language):
        period, error = _period_or_error(request)
        if error:
            return private_to_officers(request, error)
        groups = _filtered_list(period, language, officer, list_filters(request.GET, language))
        header = [
            _("Year"),
            _("Reference"),
            _("Signature date"),
            _("Title"),
            _("Partners"),
            _("Type of agreement"),
            _("Beneficiary regions"),
            _("Primary thematic area"),
            _("Amount"),
            _("Currency"),
            _("Value (USD)"),
        ]
        if officer:
            header.append(_("Confidential"))
        text = file_format == "csv"
        rows = []
        for group in groups:
            for item in group.agreements:
                row = [
                    group.label,
                    item.reference,
                    item.signature_date.isoformat() if item.signature_date else "",
                    item.title,
                    "; ".join(item.partners),
                    item.agreement_type,
                    "; ".join(item.regions),
                    item.primary_area,
                    _amount(item.amount, text),
                    item.currency if item.amount is not None else "",
                    _amount(item.amount_usd, text),
                ]
                if officer:
                    row.append(_("yes") if item.is_confidential else _("no"))
                rows.append(row)
        filename = f"agreements-{period.slug}-{language}.{file_format}"
        if text:
            response = csv_response(filename, header, rows)
        else:
            response = xlsx_response(filename, header, rows, title=_("Agreements"))
        return private_to_officers(request, response)


def _amount(value, text):
    if value is None:
        return ""
    return f"{value:f}" if text else value

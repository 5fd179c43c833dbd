"""The admin dashboard panel of the agreement figures, for partnership officers and
communications leads, with two small charts (issue 19, item 7): new agreements per year of
the latest four full years, and sponsorship per event. They are the statistics page's charts
(`figures.Chart`, `charts.render_bar_chart`): SVG drawn by the server, styled by a stylesheet
of the admin (css/admin-charts.css), nothing from another site and no script."""

from decimal import Decimal

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

from cms.core.money import format_usd
from cms.core.roles import LEADS, OFFICERS

from .agreement_stats import agreement_figures
from .figures import Chart, Row, Statistics, format_count
from .models import StatisticsPage
from .periods import default_period, latest_full_years


def sees_figures_panel(user):
    """Officers (who keep the archive), communications leads (who publish the figures) and
    superusers."""
    if user.is_superuser or user.has_perm("snippets.view_agreement"):
        return True
    return user.groups.filter(name__in=[OFFICERS, LEADS]).exists()


def statistics_page(language):
    """The live, public statistics page in `language`, else in English, else any."""
    pages = list(
        StatisticsPage.objects.live()
        .public()
        .filter(locale__language_code__in={language, settings.LANGUAGE_CODE})
        .select_related("locale")
    )
    for code in (language, settings.LANGUAGE_CODE):
        for page in pages:
            if page.locale.language_code == code:
                return page
    return None


class AgreementFiguresPanel(Component):
    """Key figures of the latest four full years and of the source report's period, with
    links to the statistics page and the list of agreements."""

    name = "agreement_figures"
    template_name = "reports/dashboard_panel.html"
    order = 90

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        periods = list(dict.fromkeys([latest_full_years(), default_period()]))
        rows = []
        for period in periods:
            figures = agreement_figures(period.start, period.end)
            rows.append(
                {
                    "label": f"{period.start.year}–{period.end.year}",
                    "new_agreements": format_count(figures.new_agreements),
                    "addenda": format_count(figures.addenda),
                    "value": format_usd(figures.value_usd, millions=True),
                    "query": period.query,
                }
            )
        page = statistics_page(get_language())
        url = page.get_url(request) if page else None
        for row in rows:
            if url:
                row["statistics_url"] = f"{url}?{row['query']}"
                row["list_url"] = f"{url}{page.reverse_subpage('agreements')}?{row['query']}"
        from cms.sponsorship.stats import sponsorship_figures

        sponsorship = sponsorship_figures()
        language = get_language()
        charts = [
            Statistics(periods[0], language).charts["years"],
            sponsorship_chart(sponsorship, language),
        ]
        return {
            "rows": rows,
            "page": page,
            "sponsorship": sponsorship,
            "charts": [chart for chart in charts if chart.rows],
        }


def sponsorship_chart(figures, language):
    """Amounts of sponsorship per event (confirmed and delivered), in whole dollars: an
    event's sponsorship is a few hundred thousand, too little for the statistics page's
    millions."""
    rows = [
        Row(title, title, Decimal(event["amount_usd"]), format_usd(event["amount_usd"], unit=False))
        for title, event in figures["by_event"].items()
    ]
    return Chart(
        "sponsorship",
        _("Sponsorship per event"),
        _("Event"),
        _("Value (USD)"),
        _("US dollars"),
        rows,
        "horizontal",
        "dollars",
        rtl=get_language_info(language)["bidi"],
    )


@hooks.register("construct_homepage_panels")
def add_agreement_figures_panel(request, panels):
    if sees_figures_panel(request.user):
        panels.append(AgreementFiguresPanel())


@hooks.register("insert_global_admin_css")
def dashboard_charts_styles():
    """The dashboard charts' colours and type (css/admin-charts.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-charts.css"))

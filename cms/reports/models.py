"""The statistics page: charts of the agreements archive for a period, their data as files,
and the list of the agreements of the period."""

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.pages.models import BasePage

__all__ = ["StatisticsPage"]


class StatisticsPage(RoutablePageMixin, BasePage):
    """The public figures of the agreements archive, in the visitor's language.

    `/<language>/statistics/` shows the charts of a period (`?start=2014&end=2017`);
    `data/<chart>/<csv|xlsx|json>/` gives each chart's figures as a file;
    `agreements/` is the printable list of the agreements of the period, and
    `agreements/<csv|xlsx>/` the same list as a file.
    """

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "reports/statistics_page.html"
    list_template = "reports/statistics_agreement_list.html"

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        TranslatableField("body"),
        SynchronizedField("show_in_menus", overridable=False),
    ]

    class Meta:
        verbose_name = _("statistics page")
        verbose_name_plural = _("statistics pages")

    def serve(self, request, view=None, args=None, kwargs=None):
        # Served without routing (previews, page tests): the charts themselves.
        if view is None:
            view, args, kwargs = self.resolve_subpage("/")
        return super().serve(request, view, args, kwargs)

    def get_sitemap_urls(self, request=None):
        """The charts and the list of the agreements of the default period: both are pages
        search engines should find (the files and other periods are reached from them)."""
        own = super().get_sitemap_urls(request)
        url = self.get_url(request)
        if not url:
            return own
        return own + [{"location": url + self.reverse_subpage("agreements"), "lastmod": None}]

    @path("", name="statistics")
    def statistics(self, request):
        """The charts of the period asked for in the address."""
        from .views import statistics_context

        return self.render(request, context_overrides=statistics_context(self, request))

    @path("data/<slug:chart>/<slug:file_format>/", name="chart_data")
    def chart_data(self, request, chart, file_format):
        """One chart's figures as a CSV, XLSX or JSON file."""
        from .views import chart_download

        return chart_download(self, request, chart, file_format)

    @path("agreements/", name="agreements")
    def agreements(self, request):
        """The printable list of the agreements of the period."""
        from .views import agreement_list_context, private_to_officers

        context = agreement_list_context(self, request)
        response = self.render(request, template=self.list_template, context_overrides=context)
        return private_to_officers(request, response)

    @path("agreements/<slug:file_format>/", name="agreements_file")
    def agreements_file(self, request, file_format):
        """The list of the agreements of the period as a CSV or XLSX file."""
        from .views import agreement_list_download

        return agreement_list_download(self, request, file_format)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The statistics page, the list of agreements of a period and the dashboard panel."""

    name = "cms.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self):
        from . import home_figures  # noqa: F401 - the home page's figures (context registry)

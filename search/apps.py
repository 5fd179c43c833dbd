from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search in six languages and the partner finder."""

    name = "search"
    label = "site_search"
    verbose_name = _("Search")

    def ready(self):
        from . import synonyms  # noqa: F401 - its signal handlers keep the cached synonyms fresh

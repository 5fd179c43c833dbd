from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The public site's page types."""

    name = "cms.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from . import checks  # noqa: F401 - registers the system checks

        # Each page type's context builders register with cms.pages.context.registry.
        from .context import directory, home, opportunity, partners, results  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    """Open-data exports: `/open-data/` files for everyone, full records for officers."""

    name = "cms.opendata"
    label = "opendata"
    verbose_name = _("Open data")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public read-only JSON API under /api/v1/."""

    name = "cms.api"
    label = "api"
    verbose_name = _("Public API")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Registration of interested entities and the alerts they receive on new opportunities."""

    name = "cms.alerts"
    label = "alerts"
    verbose_name = _("Registration and alerts")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo archive: facts from the source document turned into records and pages."""

    name = "cms.demo"
    label = "demo"
    verbose_name = _("Demo data")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerFinderConfig(AppConfig):
    """The partner finder: ranks funding partners for a new project from their past agreements."""

    name = "search.finder"
    label = "partner_finder"
    verbose_name = _("Partner finder")

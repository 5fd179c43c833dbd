from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterestConfig(AppConfig):
    """Expressions of interest sent by visitors about an open opportunity."""

    name = "cms.interest"
    label = "interest"
    verbose_name = _("Expressions of interest")

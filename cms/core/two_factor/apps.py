"""The second factor of the admin sign-in, an app so that its hooks and templates load."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    name = "cms.core.two_factor"
    label = "two_factor"
    verbose_name = _("Two-step verification")

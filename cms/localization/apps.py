from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    """The translators' side of the admin: who may translate what, and the status matrix."""

    name = "cms.localization"
    label = "localization"
    verbose_name = _("Translation workflow")

    def ready(self):
        from . import permissions, signals, slugs

        permissions.register_policies()
        signals.connect()
        slugs.connect()

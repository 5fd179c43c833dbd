from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    """The translators' side of the admin: who may translate what, and the status matrix."""

    name = "cms.localization"
    label = "localization"
    verbose_name = _("Translation workflow")

    def ready(self):
        from cms.core.roles import roles_synced

        from . import permissions, signals, slugs

        permissions.register_policies()
        roles_synced.connect(
            permissions.sync_group_languages,
            dispatch_uid="cms.localization.permissions.sync_group_languages",
        )
        signals.connect()
        slugs.connect()

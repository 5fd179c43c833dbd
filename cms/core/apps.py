from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide concerns: locales, roles and their permissions, template helpers."""

    name = "cms.core"
    label = "core"
    verbose_name = _("PartnerHub core")

    def ready(self):
        from .roles import sync_roles_after_migrate

        post_migrate.connect(sync_roles_after_migrate, sender=self)

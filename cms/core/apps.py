from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor: languages, formats, locales, roles and their permissions, template
    helpers; it imports no feature app."""

    name = "cms.core"
    label = "core"
    verbose_name = _("PartnerHub core")

    def ready(self):
        from . import translation_sync
        from .roles import grant_translators_new_language_root, sync_roles_after_migrate
        from .sorting import register_collation

        connection_created.connect(register_collation, dispatch_uid="cms.core.sorting")
        post_migrate.connect(sync_roles_after_migrate, sender=self)
        translation_sync.connect()
        post_save.connect(
            grant_translators_new_language_root,
            dispatch_uid="cms.core.roles.grant_translators_new_language_root",
        )

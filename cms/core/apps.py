from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide concerns: locales, roles and their permissions, workflows, template helpers."""

    name = "cms.core"
    label = "core"
    verbose_name = _("PartnerHub core")

    def ready(self):
        from cms.pages.models import OpportunityIndexPage

        from . import translation_sync
        from .roles import grant_translators_new_language_root, sync_roles_after_migrate
        from .workflows import assign_to_new_index

        post_migrate.connect(sync_roles_after_migrate, sender=self)
        post_save.connect(
            assign_to_new_index,
            sender=OpportunityIndexPage,
            dispatch_uid="cms.core.workflows.assign_to_new_index",
        )
        translation_sync.connect()
        post_save.connect(
            grant_translators_new_language_root,
            dispatch_uid="cms.core.roles.grant_translators_new_language_root",
        )

from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class PublishingConfig(AppConfig):
    """The editorial workflow and what the site announces of its pages (see __init__)."""

    name = "cms.publishing"
    label = "publishing"
    verbose_name = _("Publishing")

    def ready(self):
        from cms.core.roles import roles_synced
        from cms.pages.models import OpportunityIndexPage

        from . import page_cache
        from .workflows import assign_to_new_index, sync_workflows_for_roles

        # What each change invalidates in the anonymous page cache and the CDN.
        page_cache.connect()

        post_save.connect(
            assign_to_new_index,
            sender=OpportunityIndexPage,
            dispatch_uid="cms.publishing.workflows.assign_to_new_index",
        )
        roles_synced.connect(
            sync_workflows_for_roles, dispatch_uid="cms.publishing.workflows.sync_workflows"
        )

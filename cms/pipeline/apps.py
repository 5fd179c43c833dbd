"""The partner pipeline: the partners an officer means to approach for one opportunity, saved
from the finder's shortlist, and how far each has gone (issue 19, item 5). It sits above the
finder (it saves what the finder ranked) and the pages (it follows an opportunity)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PipelineConfig(AppConfig):
    """The partners approached for each opportunity, their stage, follow-ups and notes."""

    name = "cms.pipeline"
    label = "pipeline"
    verbose_name = _("Partner pipeline")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import PipelineEntry
        from .permissions import pipeline_policy

        # Registered before anything asks for the model's policy (see cms/interest/apps.py).
        register_permission_policy(PipelineEntry, pipeline_policy)

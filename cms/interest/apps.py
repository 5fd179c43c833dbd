from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InterestConfig(AppConfig):
    """Expressions of interest sent by visitors about an open opportunity."""

    name = "cms.interest"
    label = "interest"
    verbose_name = _("Expressions of interest")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from cms.core import personal_data

        from . import views  # noqa: F401 - gives OpportunityPage its form (context registry)
        from .models import ExpressionOfInterest
        from .permissions import ReadOnlyPermissionPolicy
        from .personal_data import HOLDER

        # In every data export and erasure of a person (cms.core.personal_data).
        personal_data.register(HOLDER)

        # Registered here rather than in wagtail_hooks.py: a policy must be in place before
        # anything asks for the model's policy, or Wagtail makes a default one.
        register_permission_policy(
            ExpressionOfInterest, ReadOnlyPermissionPolicy(ExpressionOfInterest)
        )

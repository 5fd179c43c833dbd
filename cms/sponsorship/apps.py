from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorshipConfig(AppConfig):
    """Event sponsorship: packages with member-category pricing, applications, sponsors."""

    name = "cms.sponsorship"
    label = "sponsorship"
    verbose_name = _("Sponsorship")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from . import views  # noqa: F401 - the pages' contexts and form register
        from .models import SponsorshipApplication
        from .permissions import ApplicationPermissionPolicy

        # Before anything asks for the model's policy, or Wagtail makes a default one.
        register_permission_policy(
            SponsorshipApplication, ApplicationPermissionPolicy(SponsorshipApplication)
        )

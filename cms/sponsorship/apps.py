from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorshipConfig(AppConfig):
    """Event sponsorship: packages with member-category pricing, applications, sponsors."""

    name = "cms.sponsorship"
    label = "sponsorship"
    verbose_name = _("Sponsorship")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from cms.core import personal_data

        from . import views  # noqa: F401 - the pages' contexts and form register
        from .models import LogoSubmission, SponsorshipApplication
        from .permissions import ApplicationPermissionPolicy, LogoPermissionPolicy
        from .personal_data import HOLDER

        # In every data export and erasure of a person (cms.core.personal_data).
        personal_data.register(HOLDER)

        # Before anything asks for the model's policy, or Wagtail makes a default one.
        register_permission_policy(
            SponsorshipApplication, ApplicationPermissionPolicy(SponsorshipApplication)
        )
        register_permission_policy(LogoSubmission, LogoPermissionPolicy(LogoSubmission))

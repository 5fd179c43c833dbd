from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SponsorshipConfig(AppConfig):
    """Event sponsorship: packages with member-category pricing, applications, sponsors."""

    name = "cms.sponsorship"
    label = "sponsorship"
    verbose_name = _("Sponsorship")

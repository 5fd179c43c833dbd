"""The registration page: editors write its introduction; its form registers subscribers.

The form's handling (`cms.alerts.registration`) stores subscribers and their e-mails, so it
depends on the models: it registers with the pages' context registry
(`cms.pages.context.registry`), and the page never imports it.
"""

from django.utils.translation import gettext_lazy as _

from cms.pages.models.base import BasePage

__all__ = ["RegistrationPage"]


class RegistrationPage(BasePage):
    """Where interested entities register for alerts on new opportunities (one per language,
    under the home page, e.g. /fr/register/)."""

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "alerts/registration_page.html"

    class Meta:
        verbose_name = _("registration page")
        verbose_name_plural = _("registration pages")

"""The registration page: editors write its introduction; its form registers subscribers."""

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

    def serve(self, request, *args, **kwargs):
        from cms.alerts.registration import handle_registration

        response = handle_registration(self, request)
        if response is not None:
            return response
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from cms.alerts.registration import registration_context

        context = super().get_context(request, *args, **kwargs)
        context.update(registration_context(self, request))
        return context

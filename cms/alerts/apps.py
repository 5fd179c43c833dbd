from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """Registration of interested entities and the alerts they receive on new opportunities."""

    name = "cms.alerts"
    label = "alerts"
    verbose_name = _("Registration and alerts")

    def ready(self):
        from wagtail.permissions import register_permission_policy
        from wagtail.signals import page_published

        from . import (
            emails,
            registration,  # noqa: F401 - the registration page's form registers
        )
        from .matching import on_page_published
        from .models import Subscriber
        from .permissions import SubscriberPermissionPolicy

        emails.register_kinds()

        # Before anything asks for the model's policy, or Wagtail makes a default one.
        register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber))
        page_published.connect(on_page_published, dispatch_uid="alerts_page_published")

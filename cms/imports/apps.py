from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    """Imports of partners and agreements from CSV and XLSX files, all or nothing."""

    name = "cms.imports"
    label = "imports"
    verbose_name = _("Imports")

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import ImportRun
        from .permissions import ImportRunPermissionPolicy

        # Registered before anything asks for the model's policy (see cms/interest/apps.py).
        register_permission_policy(ImportRun, ImportRunPermissionPolicy(ImportRun))

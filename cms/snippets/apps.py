from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnippetsConfig(AppConfig):
    """Structured records: vocabularies, funding partners, agreements and recognitions."""

    name = "cms.snippets"
    label = "snippets"
    verbose_name = _("Partnership records")

from django.apps import AppConfig
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _


def _country_code_before(self, other):
    """django-countries' `Country` ordered by its code, as the database orders the column."""
    return force_str(self.code or "") < force_str(getattr(other, "code", other) or "")


class SnippetsConfig(AppConfig):
    """Structured records: vocabularies, funding partners, agreements and recognitions."""

    name = "cms.snippets"
    label = "snippets"
    verbose_name = _("Partnership records")

    def ready(self):
        # A country record is ordered by its ISO code (`Country.Meta.ordering`), whose value
        # is django-countries' `Country`, which cannot be compared: modelcluster sorts the
        # countries it holds in memory by that ordering, so saving an agreement for two
        # countries (the admin's form, a factory) raised a TypeError. Compared as the
        # database compares the column (tests/snippets/admin/test_forms.py).
        from django_countries.fields import Country

        if "__lt__" not in vars(Country):
            Country.__lt__ = _country_code_before

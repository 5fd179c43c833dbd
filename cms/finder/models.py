"""The permission to use the partner finder.

The finder stores nothing: it reads partners and agreements. Its permission still needs a
model to hang on, so that Django creates it and Wagtail's group editor lists it; this model
has no table.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["FINDER_PERMISSION", "PartnerFinder", "can_use_finder"]

#: The permission a user needs to open the finder, export a shortlist or call its endpoint.
FINDER_PERMISSION = "partner_finder.use_partner_finder"


class PartnerFinder(models.Model):
    """The partner finder as a thing one may be allowed to use (no rows, no table)."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("use_partner_finder", _("Can find partners"))]
        verbose_name = _("partner finder")
        verbose_name_plural = _("partner finder")

    def __str__(self):
        return str(self._meta.verbose_name)


def can_use_finder(user):
    """Whether `user` may use the partner finder (in the admin or through its endpoint)."""
    return bool(user and user.is_authenticated and user.has_perm(FINDER_PERMISSION))

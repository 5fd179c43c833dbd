"""The partner finder's application. It lives in `cms/finder` (one room per capability; it
never used the site search it once sat under) but keeps the label `partner_finder` it was
born with, so that its migrations, its tables, its permission
(`partner_finder.use_partner_finder`, held by the roles) and its admin URL namespace stay
exactly as they were."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnerFinderConfig(AppConfig):
    """The partner finder: ranks funding partners for a new project from their past agreements."""

    name = "cms.finder"
    label = "partner_finder"
    verbose_name = _("Partner finder")

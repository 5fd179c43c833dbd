"""This app's rights for PartnerHub's roles, merged into cms/core/roles.py's definitions.

Communications leads keep the search synonyms (they answer for what the public site shows);
editors, officers and translators neither see nor change them unless given the permissions.
"""

from cms.core.roles import LEADS

ROLE_PERMISSIONS = {
    LEADS: [
        f"site_search.{action}_searchsynonym" for action in ("add", "change", "delete", "view")
    ],
}

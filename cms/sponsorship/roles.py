"""This app's rights for PartnerHub's roles, merged into cms/core/roles.py's definitions.

Partnership officers and communications leads take applications through their steps and set
the membership discounts; only leads may take a step whose conditions do not hold (marking a
sponsorship delivered before its event, say), with a written reason; editors see the
applications (to prepare the sponsors' logos).
"""

from cms.core.roles import EDITORS, LEADS, OFFICERS

_STAFF = [
    "sponsorship.view_sponsorshipapplication",
    "sponsorship.change_sponsorshipapplication",
    "sponsorship.view_categorydiscount",
    "sponsorship.add_categorydiscount",
    "sponsorship.change_categorydiscount",
    "sponsorship.delete_categorydiscount",
]

ROLE_PERMISSIONS = {
    OFFICERS: _STAFF,
    LEADS: [*_STAFF, "sponsorship.override_sponsorshipapplication"],
    EDITORS: ["sponsorship.view_sponsorshipapplication"],
}

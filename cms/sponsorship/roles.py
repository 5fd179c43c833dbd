"""This app's rights for PartnerHub's roles, merged into cms/core/roles.py's definitions.

Partnership officers and communications leads take applications through their steps and set
the membership discounts; only leads may take a step whose conditions do not hold (marking a
sponsorship delivered before its event, say), with a written reason; editors see the
applications and the sponsors' logos sent for approval (officers and leads approve them).
"""

from cms.core.roles import EDITORS, LEADS, OFFICERS

_STAFF = [
    "sponsorship.view_sponsorshipapplication",
    "sponsorship.change_sponsorshipapplication",
    "sponsorship.view_categorydiscount",
    "sponsorship.add_categorydiscount",
    "sponsorship.change_categorydiscount",
    "sponsorship.delete_categorydiscount",
    # Sponsors' logos sent through their signed link (admin_logos.py): seen and decided.
    "sponsorship.view_logosubmission",
    "sponsorship.approve_logosubmission",
]

ROLE_PERMISSIONS = {
    OFFICERS: _STAFF,
    LEADS: [*_STAFF, "sponsorship.override_sponsorshipapplication"],
    # Editors see the logos waiting; deciding on them is the officers' and leads'.
    EDITORS: ["sponsorship.view_sponsorshipapplication", "sponsorship.view_logosubmission"],
}

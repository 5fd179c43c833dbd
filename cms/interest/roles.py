"""This app's rights for PartnerHub's roles, merged into cms/core/roles.py's definitions.

Partnership officers follow up the partners who offer support, and communications leads own
the opportunities: both set the status of expressions of interest (the model permission that
Wagtail's permission policy asks as the "set_status" action, permissions.py). Editors and
translators only read them.
"""

from cms.core.roles import LEADS, OFFICERS

SET_STATUS = "interest.set_status_expressionofinterest"

ROLE_PERMISSIONS = {OFFICERS: [SET_STATUS], LEADS: [SET_STATUS]}

"""This app's rights for PartnerHub's roles, merged into cms/core/roles.py's definitions.

ROLE_PERMISSIONS maps a group name (cms.core.roles.OFFICERS, LEADS, EDITORS, or a new group
of this app's own) to the "app_label.codename" permissions it gets.
"""

ROLE_PERMISSIONS = {}

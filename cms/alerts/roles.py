"""This app's rights for PartnerHub's roles, merged into cms/core/roles.py's definitions.

Subscribers' personal data is seen only by the "Subscriber managers" group (and superusers):
partnership officers see the counts through the summary, which needs the same permission, so
they are not given it by default.
"""

SUBSCRIBER_MANAGERS = "Subscriber managers"

ROLE_PERMISSIONS = {
    SUBSCRIBER_MANAGERS: [
        "wagtailadmin.access_admin",
        "alerts.view_subscriber",
        "alerts.delete_subscriber",
    ],
}

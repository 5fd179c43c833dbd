"""Who may do what with sponsorship applications in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy

__all__ = ["ApplicationPermissionPolicy", "LogoPermissionPolicy"]


class ApplicationPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds an application in the admin,
    superusers included: applications come from their applicants, with their consent.

    Viewing follows the "view" permission, editing (agreed amount, notes, partner, assets)
    and taking the steps the "change" one (roles.py).
    """

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add"})


class LogoPermissionPolicy(ModelPermissionPolicy):
    """Sponsors' logos come from the sponsors themselves (their signed link): nobody adds,
    edits or deletes one in the admin. Staff who may view them see the listing; approving or
    rejecting one needs the model's "approve" permission (`approve_logosubmission`, given to
    roles in roles.py), never a group's name."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "delete"}:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - {"add", "change", "delete"})

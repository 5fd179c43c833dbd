"""Who may do what with expressions of interest in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy

__all__ = ["ReadOnlyPermissionPolicy"]


class ReadOnlyPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody adds or changes a record, superusers
    included: an expression of interest is what its sender wrote, kept as sent.

    Viewing follows the "view" permission (cms/core/roles.py); deleting the "delete" one, held
    by administrators only, for a sender who asks for their details to be erased. Setting its
    status (what became of it, not what was sent) is the "set_status" action: the model
    permission interest.set_status_expressionofinterest (roles.py).
    """

    READ_ONLY_ACTIONS = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        if action in self.READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.READ_ONLY_ACTIONS)

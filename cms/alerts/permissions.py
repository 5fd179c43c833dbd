"""Who may see subscribers in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy

__all__ = ["SubscriberPermissionPolicy", "can_view_subscribers"]


def can_view_subscribers(user):
    return user.is_active and user.has_perm("alerts.view_subscriber")


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, except that nobody adds or edits a subscriber in the admin: a
    subscription is what its owner chose (and consented to) through the signed links."""

    READ_ONLY_ACTIONS = frozenset({"add", "change"})

    def user_has_permission(self, user, action):
        if action in self.READ_ONLY_ACTIONS:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(set(actions) - self.READ_ONLY_ACTIONS)

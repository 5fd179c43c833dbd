"""Who may import: partnership officers, i.e. whoever may add and change the records the file
holds (agreements, or partners). The audit records are read-only for everyone."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

__all__ = ["IMPORT_PERMISSIONS", "ImportRunPermissionPolicy", "can_import"]

IMPORT_PERMISSIONS = {
    "agreements": ["snippets.add_agreement", "snippets.change_agreement"],
    "partners": ["snippets.add_partner", "snippets.change_partner"],
}


def can_import(user, kind=None, create_partners=False):
    """May `user` import files of `kind` (any kind when None)?"""
    if not (user.is_active and user.has_perm("wagtailadmin.access_admin")):
        return False
    if kind is None:
        return any(user.has_perms(perms) for perms in IMPORT_PERMISSIONS.values())
    perms = list(IMPORT_PERMISSIONS[kind])
    if create_partners:
        perms.append("snippets.add_partner")
    return user.has_perms(perms)


class ImportRunPermissionPolicy(ModelPermissionPolicy):
    """Import records are seen by those who may import, and never edited by anyone: an audit
    record says what happened."""

    def user_has_permission(self, user, action):
        return action == "view" and can_import(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        from cms.snippets.models import Agreement, Partner

        users = get_user_model().objects.none()
        for model in (Agreement, Partner):
            policy = ModelPermissionPolicy(model)
            users = users | (
                policy.users_with_permission("add") & policy.users_with_permission("change")
            )
        return users.distinct()

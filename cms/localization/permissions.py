"""Translators change translatable snippets of their own language only.

Wagtail's snippet permissions are per model; for translatable snippets PartnerHub registers a
policy that also looks at the instance's locale for scoped users (see scope.py). The edit and
delete views check it through the hooks in wagtail_hooks.py; listings and choosers use it too.
"""

from functools import cache

from django.apps import apps
from wagtail.models import TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .scope import translation_scope

__all__ = ["LocaleScopedPermissionPolicy", "register_policies", "translatable_snippet_models"]

# Actions a translator may perform on a snippet of their own language only; viewing stays open.
SCOPED_ACTIONS = {"add", "change", "delete", "publish", "lock", "unlock"}


class LocaleScopedPermissionPolicy(ModelPermissionPolicy):
    def _in_scope(self, user, instance):
        scope = translation_scope(user)
        return scope is None or instance.locale.language_code in scope

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return action not in SCOPED_ACTIONS or self._in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        scope = translation_scope(user)
        if scope is not None and set(actions) <= SCOPED_ACTIONS:
            queryset = queryset.filter(locale__language_code__in=scope)
        return queryset


@cache
def translatable_snippet_models():
    """The project's translatable snippet models (vocabularies, partners, recognitions,
    material)."""
    return tuple(
        model
        for model in apps.get_app_config("snippets").get_models()
        if issubclass(model, TranslatableMixin)
    )


def register_policies():
    for model in translatable_snippet_models():
        register_permission_policy(model, LocaleScopedPermissionPolicy(model), exact_class=True)

"""Translatable records are changed, deleted and translated in the languages a user's rights
hold in (scope.py), never by the name of their group.

Wagtail's snippet permissions are per model; for translatable snippets PartnerHub registers a
policy that also looks at the instance's locale: a model permission given by a group holds in
that group's working languages. The edit and delete views check it through the hooks in
wagtail_hooks.py; listings and choosers use it too.
"""

from functools import cache

from django.apps import apps
from wagtail.models import Locale, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import GroupLanguage
from .scope import has_perm_in_language

__all__ = [
    "LocaleScopedPermissionPolicy",
    "register_policies",
    "sync_group_languages",
    "translatable_snippet_models",
]

# Actions held per language; viewing stays open.
SCOPED_ACTIONS = {"add", "change", "delete", "publish", "lock", "unlock"}


class LocaleScopedPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions, each holding in the languages of the groups that give it."""

    def user_has_permission_in_language(self, user, action, language_code):
        if not self.user_has_permission(user, action):
            return False
        return action not in SCOPED_ACTIONS or has_perm_in_language(
            user, self._get_permission_name(action), language_code
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission_in_language(user, action, instance.locale.language_code)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = super().instances_user_has_any_permission_for(user, actions)
        if not set(actions) <= SCOPED_ACTIONS:
            return queryset
        codes = [
            code
            for code in Locale.objects.values_list("language_code", flat=True)
            if any(self.user_has_permission_in_language(user, a, code) for a in actions)
        ]
        return queryset.filter(locale__language_code__in=codes)


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


def sync_group_languages(sender, groups, languages=None, **kwargs):
    """`roles_synced` receiver (cms.core.roles): each role that works in one language (the
    translators') works in it from the start, before that language has its home page."""
    for name, code in (languages or {}).items():
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            continue
        GroupLanguage.objects.filter(group=groups[name]).exclude(locale=locale).delete()
        GroupLanguage.objects.get_or_create(group=groups[name], locale=locale)

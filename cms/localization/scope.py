"""In which languages a user's rights hold, and which pages a view restriction keeps from them.

Nothing here reads a group's name: an administrator may make any group, and its rights must
hold exactly as Wagtail's permissions say.

- A group *works in* the languages of the pages it holds page permissions on (a group with
  rights under `/fr/` works in French) and in the languages an administrator gave it
  (`GroupLanguage`, set for the translators' roles by cms.core.roles, so that they hold before
  their language's home page exists). A group with page permissions on the root of the tree,
  or with neither, works in every language. Its model permissions on translatable records
  (change a partner, translate) hold in those languages only.
- A page's view restriction (on it or an ancestor) keeps out a user it would keep out of the
  public site: a group restriction everyone outside its groups, a password restriction
  everyone; unless the user may edit the page's source, whose restriction it repeats
  (cms.core.translation_sync), or whose own restriction keeps the user out.
"""

from django.conf import settings
from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission, Page, PagePermissionTester, PageViewRestriction

from .models import GroupLanguage

__all__ = [
    "can_translate_into",
    "has_perm_in_language",
    "page_is_restricted_for",
    "restricted_page_paths",
    "source_page",
    "translation_scope",
    "user_group_languages",
]

_GROUPS_ATTR = "_partnerhub_group_languages"
_RESTRICTIONS_ATTR = "_partnerhub_view_restrictions"
_PERMS_ATTR = "_partnerhub_group_permissions"


def user_group_languages(user):
    """{group id: frozenset of language codes, or None for every language} of the user's
    groups. Cached on the user object for the request."""
    if not hasattr(user, _GROUPS_ATTR):
        group_ids = list(user.groups.values_list("id", flat=True))
        languages = {group_id: set() for group_id in group_ids}
        everywhere = set()
        grants = GroupPagePermission.objects.filter(group_id__in=group_ids).values_list(
            "group_id", "page__depth", "page__locale__language_code"
        )
        for group_id, depth, code in grants:
            if depth == 1:
                everywhere.add(group_id)
            else:
                languages[group_id].add(code)
        rows = GroupLanguage.objects.filter(group_id__in=group_ids).values_list(
            "group_id", "locale__language_code"
        )
        for group_id, code in rows:
            languages[group_id].add(code)
        setattr(
            user,
            _GROUPS_ATTR,
            {
                group_id: None if group_id in everywhere or not codes else frozenset(codes)
                for group_id, codes in languages.items()
            },
        )
    return getattr(user, _GROUPS_ATTR)


def _group_permissions(user):
    """{"app_label.codename": {group ids granting it}} for the user's groups."""
    if not hasattr(user, _PERMS_ATTR):
        granted = {}
        rows = Permission.objects.filter(group__user=user).values_list(
            "content_type__app_label", "codename", "group__id"
        )
        for app_label, codename, group_id in rows:
            granted.setdefault(f"{app_label}.{codename}", set()).add(group_id)
        setattr(user, _PERMS_ATTR, granted)
    return getattr(user, _PERMS_ATTR)


def _languages_of_perm(user, perm):
    """The language codes where `perm` holds for the user: None for all, else a frozenset."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    if user.is_superuser:
        return None
    if not user.has_perm(perm):
        return frozenset()
    groups = _group_permissions(user).get(perm, set())
    if perm in user.get_user_permissions() or not groups:
        return None  # given to the user directly, not through a group
    codes = set()
    by_group = user_group_languages(user)
    for group_id in groups:
        if by_group.get(group_id) is None:
            return None
        codes |= by_group[group_id]
    return frozenset(codes)


def has_perm_in_language(user, perm, language_code):
    """Whether the user holds the model permission `perm` in this language."""
    languages = _languages_of_perm(user, perm)
    return languages is None or language_code in languages


def translation_scope(user):
    """The languages a user translates into (by the groups that give them wagtail-localize's
    "submit translation"), or None for every language."""
    return _languages_of_perm(user, "wagtail_localize.submit_translation")


def can_translate_into(user, locale):
    """Whether the user translates into this locale."""
    scope = translation_scope(user)
    return scope is None or locale.language_code in scope


def source_page(page):
    """The page in the source language (English) whose translation `page` is, or the page
    itself when it has none."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    return (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        or page
    )


def _restrictions(user):
    """[(tree path, keeps the user out)] of every view restriction, read once per request."""
    if not hasattr(user, _RESTRICTIONS_ATTR):
        user_group_ids = set(user.groups.values_list("id", flat=True))
        rows = []
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
            "groups"
        ):
            if restriction.restriction_type == PageViewRestriction.PASSWORD:
                keeps_out = True
            elif restriction.restriction_type == PageViewRestriction.GROUPS:
                keeps_out = not {group.id for group in restriction.groups.all()} & user_group_ids
            else:  # logged-in users only: staff are signed in
                keeps_out = False
            rows.append((restriction.page.path, keeps_out, restriction.page))
        setattr(user, _RESTRICTIONS_ATTR, rows)
    return getattr(user, _RESTRICTIONS_ATTR)


def _kept_out_by_restriction(user, path):
    return any(
        keeps_out and path.startswith(prefix) for prefix, keeps_out, _p in _restrictions(user)
    )


def _may_edit(user, page):
    """Wagtail's own answer, from the user's page permissions on the tree only."""
    return PagePermissionTester(user, page).can_edit()


def page_is_restricted_for(user, page):
    """Whether a view restriction of the page (or of an ancestor) keeps the user out of it in
    the admin: it would keep them out of the public page, and they may not edit its source."""
    if not isinstance(page, Page) or not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser or not any(keeps_out for _path, keeps_out, _p in _restrictions(user)):
        return False
    source = source_page(page)
    # A translation is kept out by its source's restriction too, in case it has no copy of it
    # (one made after the restriction was set).
    if not (
        _kept_out_by_restriction(user, page.path) or _kept_out_by_restriction(user, source.path)
    ):
        return False
    return not _may_edit(user, source)


def restricted_page_paths(user):
    """Tree paths of the pages whose restriction keeps this user out (and so all their
    descendants)."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return []
    return [
        path
        for path, keeps_out, page in _restrictions(user)
        if keeps_out and not _may_edit(user, source_page(page))
    ]

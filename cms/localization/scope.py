"""Who may translate into which language, and which pages a translator may not read.

A member of a translators' group (cms.core.roles) who has no other role is *scoped*: they
translate into, edit and publish their own language(s) only, and they cannot start a
translation of, or open, a page whose view restriction keeps them out. Everyone else (the
communications, partnership and administration roles) is unscoped: Wagtail's own page and
model permissions apply to them unchanged.
"""

from wagtail.models import Page, PageViewRestriction

from cms.core.roles import TRANSLATOR_LANGUAGES, translator_group_name

__all__ = [
    "can_translate_into",
    "page_is_restricted_for",
    "restricted_page_paths",
    "translation_scope",
    "translator_groups",
]

_CACHE_ATTR = "_partnerhub_translation_scope"


def translator_groups():
    """{group name: language code} of the translators' groups."""
    return {translator_group_name(code): code for code in TRANSLATOR_LANGUAGES}


def translation_scope(user):
    """The language codes a translator is limited to, or None when the user is not limited.

    Cached on the user object for the request.
    """
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    if user.is_superuser:
        return None
    if not hasattr(user, _CACHE_ATTR):
        groups = translator_groups()
        names = set(user.groups.values_list("name", flat=True))
        if names & groups.keys() and not names - groups.keys():
            scope = frozenset(groups[name] for name in names)
        else:
            scope = None
        setattr(user, _CACHE_ATTR, scope)
    return getattr(user, _CACHE_ATTR)


def can_translate_into(user, locale):
    """Whether the user may create, edit and publish content in this locale."""
    scope = translation_scope(user)
    return scope is None or locale.language_code in scope


def page_is_restricted_for(user, page):
    """Whether a view restriction of the page (or of an ancestor) keeps a scoped user out.

    Group restrictions keep out translators who are not in one of the groups; password
    restrictions keep out every translator (the password is not theirs to know). Unscoped
    users are never kept out here: Wagtail's page permissions decide for them.
    """
    if translation_scope(user) is None:
        return False
    if isinstance(page, Page):
        restrictions = page.get_view_restrictions()
    else:
        return False
    user_group_ids = set(user.groups.values_list("id", flat=True))
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return True
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            allowed = set(restriction.groups.values_list("id", flat=True))
            if not allowed & user_group_ids:
                return True
    return False


def restricted_page_paths(user):
    """Tree paths of the pages whose restriction keeps this scoped user out (and so all
    their descendants); empty for unscoped users."""
    if translation_scope(user) is None:
        return []
    user_group_ids = set(user.groups.values_list("id", flat=True))
    paths = []
    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    for restriction in restrictions:
        if restriction.restriction_type == PageViewRestriction.PASSWORD or (
            restriction.restriction_type == PageViewRestriction.GROUPS
            and not {group.id for group in restriction.groups.all()} & user_group_ids
        ):
            paths.append(restriction.page.path)
    return paths

"""What a user may do to a page, as every Wagtail admin view asks it.

Each page view of Wagtail's admin (edit, privacy, draft view, preview, delete, copy, move,
unpublish, history, revisions, compare, workflow actions, lock and unlock) asks
`page.permissions_for_user(user)`; the project's pages answer with this tester
(cms.pages.models.BasePage), so that one rule holds on every path:

- a page whose view restriction keeps the user out (scope.py) allows them nothing, though
  their page permissions on its language's tree would: a translator's rights under `/fr/` do
  not open the French copy of a page restricted to partnership officers;
- a translation's privacy is its source's (cms.core.translation_sync repeats the English
  page's restriction on every translation): only who may set the source's privacy sets it.
"""

from django.conf import settings
from wagtail.models import PagePermissionTester

from .scope import page_is_restricted_for, source_page

__all__ = ["PartnerHubPagePermissionTester"]


def _refused_when_kept_out(name):
    allowed = getattr(PagePermissionTester, name)

    def check(self, *args, **kwargs):
        if self.kept_out:
            return False
        return allowed(self, *args, **kwargs)

    check.__name__ = name
    check.__doc__ = allowed.__doc__
    return check


class PartnerHubPagePermissionTester(PagePermissionTester):
    """Wagtail's page permission tester, with view restrictions and translations' privacy."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.kept_out = not self.page_is_root and page_is_restricted_for(user, page)

    def can_set_view_restrictions(self):
        if self.kept_out or not super().can_set_view_restrictions():
            return False
        if self.page.locale.language_code == settings.LANGUAGE_CODE:
            return True
        source = source_page(self.page)
        return (
            source.pk == self.page.pk
            or source.permissions_for_user(self.user).can_set_view_restrictions()
        )


for _name in (
    "can_add_subpage",
    "can_edit",
    "can_delete",
    "can_unpublish",
    "can_publish",
    "can_submit_for_moderation",
    "can_unschedule",
    "can_lock",
    "can_unlock",
    "can_publish_subpage",
    "can_reorder_children",
    "can_move",
    "can_copy",
    "can_move_to",
    "can_copy_to",
    "can_view_revisions",
):
    setattr(PartnerHubPagePermissionTester, _name, _refused_when_kept_out(_name))

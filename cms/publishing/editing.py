"""Two people editing one page: a save built on an older revision is refused.

Wagtail 8 tracks concurrent editing: its edit form carries the revision it was loaded from
(`loaded_revision_id`, `loaded_revision_created_at`), or the autosave revision this editing
session wrote (`overwrite_revision_id`); the editing sessions' ping tells the others when
someone saves. But it refuses only autosaves that would overwrite a newer version: a full
save (Save draft, Publish, Submit, a workflow action) built on an older revision would
silently replace what the other person saved. Here the edit view refuses it too, with the
same test as Wagtail's, and answers with a conflict notice that offers to compare the version
the editor opened with the latest one, and to open the latest.
"""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_user_display_name

__all__ = ["is_out_of_date", "refuse_stale_save"]


def is_out_of_date(request, page):
    """Whether the edit form POSTed was built on an older revision than the page's latest
    (the test of Wagtail's EditView.is_out_of_date)."""
    latest = page.latest_revision
    if latest is None:
        return False
    latest_id = str(latest.pk)
    if overwrite_id := request.POST.get("overwrite_revision_id"):
        return overwrite_id != latest_id
    if loaded_id := request.POST.get("loaded_revision_id"):
        if loaded_id != latest_id:
            return True
        return request.POST.get("loaded_revision_created_at", "") != latest.created_at.isoformat()
    return False


def refuse_stale_save(request, page):
    """The conflict notice (409) for a full save of an out-of-date form, else None.

    Autosaves (JSON) are Wagtail's: it refuses them itself."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None
    if not is_out_of_date(request, page):
        return None
    latest = page.latest_revision
    loaded_id = request.POST.get("overwrite_revision_id") or request.POST.get("loaded_revision_id")
    compare_url = None
    if loaded_id and loaded_id.isdigit() and page.revisions.filter(pk=loaded_id).exists():
        compare_url = reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, loaded_id, latest.pk]
        )
    author = get_user_display_name(latest.user) if latest.user else _("another user")
    title = _("Not saved: a newer version exists")
    return TemplateResponse(
        request,
        "publishing/edit_conflict.html",
        {
            "page_title": title,
            "header_title": title,
            "header_icon": "warning",
            "page": page,
            "latest": latest,
            "author": author,
            "compare_url": compare_url,
            "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
        status=409,
    )

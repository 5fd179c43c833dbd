"""Two people editing one page: a save built on an older revision is refused.

Wagtail 8 tracks concurrent editing: its edit form carries the revision it was loaded from
(`loaded_revision_id`, `loaded_revision_created_at`), or the autosave revision this editing
session wrote (`overwrite_revision_id`); the editing sessions' ping tells the others when
someone saves. But it refuses only autosaves that would overwrite a newer version: a full
save (Save draft, Publish, Submit, a workflow action) built on an older revision would
silently replace what the other person saved. Here the edit view refuses it too, with the
same test as Wagtail's, and answers with a conflict notice that offers to compare the version
the editor opened with the latest one, and to open the latest.

Going back to an older version (`IncompleteRevisionRevertView`): a draft is saved without
the checks that publishing needs (Wagtail defers required fields and the minimum number of
areas and regions), so an autosaved first version may lack them. Wagtail opened such a
version with an empty area form added to reach the minimum, which no save could get past
("could not be saved due to validation errors", on a field the editor never touched). The
version (and the edit screen of such a draft) now opens as it was, with what publishing will
need highlighted and named in a message: saved as a draft at once, or completed and published.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView

__all__ = [
    "IncompleteDraftEditView",
    "IncompleteRevisionRevertView",
    "NoBlankChoiceCreateView",
    "is_out_of_date",
    "refuse_stale_save",
]


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
        if request.POST.get("loaded_revision_created_at", "") == latest.created_at.isoformat():
            return False
        # The revision opened was overwritten since. Wagtail lets only its author's autosave
        # overwrite a revision, and its script sends the autosave's id with autosaves only:
        # the editor's own Save after their autosave (a new page becomes an edit form that
        # way) carries the id and time the form was loaded with. Not someone else's change.
        return latest.user_id != request.user.pk
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


def _shown_as_it_was(form_class):
    """The page form, showing an unbound version's child lists as they are: no empty form
    added to reach a list's minimum (the minimum is kept, see `missing_for_publication`)."""

    class RevisionForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.minimum_forms = {}
            if not self.is_bound:
                for name, formset in self.formsets.items():
                    self.minimum_forms[name] = formset.min_num or 0
                    formset.min_num = 0

    RevisionForm.__name__ = form_class.__name__
    return RevisionForm


def missing_for_publication(form, page, headings):
    """Mark on the unbound `form` of `page` what publishing it would refuse: required fields
    left empty and child lists below their minimum (`headings`: {relation: its panel's
    heading}). Returns the labels of those fields and lists, in the form's order."""
    errors = {}
    try:
        page.full_clean(
            exclude=[name for name in _model_field_names(page) if name not in form.fields]
        )
    except ValidationError as error:
        errors = {
            name: messages for name, messages in error.message_dict.items() if name in form.fields
        }
    form._errors = ErrorDict()
    form.cleaned_data = {}
    labels = []
    for name, field in form.fields.items():
        if name in errors:
            for message in errors[name]:
                form.add_error(name, message)
            labels.append(str(capfirst(field.label or name)))
    for name, formset in form.formsets.items():
        minimum = form.minimum_forms.get(name, 0)
        if len(formset.forms) < minimum:
            formset._non_form_errors = formset.error_class(
                [
                    ngettext(
                        "Choose at least %(count)d item.",
                        "Choose at least %(count)d items.",
                        minimum,
                    )
                    % {"count": minimum}
                ],
                error_class="nonform",
            )
            labels.append(str(headings.get(name, name)))
    return labels


def _model_field_names(page):
    return [field.name for field in page._meta.concrete_fields]


def _inline_headings(panel):
    """{relation name: heading} of the inline panels under `panel`."""
    headings = {}
    if getattr(panel, "relation_name", None):
        headings[panel.relation_name] = panel.heading
    for child in getattr(panel, "children", ()):
        headings.update(_inline_headings(child))
    return headings


class ShowIncompleteMixin:
    """An edit screen that shows an incomplete draft as it is, with what publishing needs
    highlighted and named in a message."""

    def get(self, request, *args, **kwargs):
        self.form_class = _shown_as_it_was(self.form_class)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        if self.request.method == "GET" and not self.form.is_bound:
            headings = _inline_headings(self.edit_handler)
            missing = missing_for_publication(self.form, self.page, headings)
            if missing:
                messages.warning(
                    self.request,
                    _(
                        "This version is incomplete: %(fields)s must be filled in before it "
                        "is published. The fields are highlighted below."
                    )
                    % {"fields": ", ".join(missing)},
                )
        return super().get_context_data(**kwargs)


class NoBlankChoiceCreateView(CreateView):
    """Wagtail's screen of a new page, without the empty area and region forms added to reach
    the lists' minimum: the page form chooses terms several at a time, each in a new form,
    and an empty one left behind refused every save. The minimum is checked on submission
    and publication as before."""

    def get(self, request, *args, **kwargs):
        self.form_class = _shown_as_it_was(self.form_class)
        return super().get(request, *args, **kwargs)


class IncompleteRevisionRevertView(ShowIncompleteMixin, RevisionsRevertView):
    """Wagtail's "Review this version" screen, showing an incomplete version as it was."""


class IncompleteDraftEditView(ShowIncompleteMixin, EditView):
    """Wagtail's edit screen, showing an incomplete draft (reverted to, or autosaved) as it
    is."""

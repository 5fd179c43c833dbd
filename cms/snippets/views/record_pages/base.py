"""What the record pages of partners and agreements share: who may see confidential
agreements, how a value, a term or a link to another record reads, the sections of a page,
and "Edit" as a button of its own."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.rich_text import RichText

from cms.core import languages

from ..terms import term_label

__all__ = [
    "EMPTY",
    "RecordPageMixin",
    "Section",
    "labels",
    "language_order",
    "link_to",
    "may_see_confidential",
    "or_empty",
    "record_url",
    "rich_text",
    "yes_no",
]

#: How an empty value reads on a record page.
EMPTY = "—"
AGREEMENT_VIEW_PERMISSION = "snippets.view_agreement"


def may_see_confidential(user):
    """Whether `user` may see confidential agreements: those who may see the whole archive,
    as in the agreements' listing and the partner finder."""
    return user.has_perm(AGREEMENT_VIEW_PERMISSION)


def or_empty(value):
    return EMPTY if value in (None, "") else value


def labels(items):
    """Terms or records named in the staff member's language, joined; a dash for none."""
    return ", ".join(term_label(item) for item in items) or EMPTY


def rich_text(value):
    return RichText(value) if value else EMPTY


def yes_no(value):
    return _("Yes") if value else _("No")


def link_to(item, url):
    """`item` named in the staff member's language, as a link to `url` when there is one."""
    text = term_label(item) if item else ""
    if text and url:
        return format_html('<a href="{}">{}</a>', url, text)
    return text


def record_url(model, user, instance):
    """The address of `instance`'s record page, when `user` may open it; None otherwise."""
    viewset = model.snippet_viewset
    if not viewset.permission_policy.user_has_any_permission(
        user, {"add", "change", "delete", "view"}
    ):
        return None
    return reverse(viewset.get_url_name("inspect"), args=[quote(instance.pk)])


def language_order(code):
    """Where a language comes in the site's language switcher (others last)."""
    order = languages.codes()
    return order.index(code) if code in order else len(order)


class Section:
    """A titled part of a record page: `rows` of (label, value) for a definition list, and
    the name of a fragment for anything else (a list of links, a table)."""

    def __init__(self, key, heading, rows=(), fragment=None, **context):
        self.key = key
        self.heading = heading
        self.rows = [(label, or_empty(value)) for label, value in rows]
        self.fragment = fragment
        self.context = context

    @property
    def dom_id(self):
        return f"record-{self.key}"


class RecordPageMixin:
    """A record page: its sections, and "Edit" as a button of its own (Wagtail hides it in
    the "Actions" menu of an inspect page), shown only to those who may change the record."""

    template_name = "snippets/admin/record_page.html"

    @cached_property
    def header_buttons(self):
        edit_url = self.get_edit_url()
        if not edit_url:
            return []
        return [HeaderButton(_("Edit"), url=edit_url, icon_name="edit", priority=10)]

    @cached_property
    def header_more_buttons(self):
        delete_url = self.get_delete_url()
        if not delete_url:
            return []
        return [Button(_("Delete"), url=delete_url, icon_name="bin", priority=20)]

    def get_page_title(self):
        # "Agreement: BDT-2015-017 – …" rather than Wagtail's "Inspect".
        return capfirst(self.model._meta.verbose_name)

    def get_sections(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sections"] = self.get_sections()
        context["flags"] = self.get_flags()
        return context

    def get_flags(self):
        """(label, explanation, is_warning) of the states shown above the sections."""
        return []

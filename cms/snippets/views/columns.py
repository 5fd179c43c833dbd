"""Listing columns in the staff member's language.

Wagtail's `LocaleColumn`, `UpdatedAtColumn` and the columns built from a viewset's
`list_display` are made once, when the viewset is defined, and some of Wagtail's own take
their header with `gettext` then: in English. These take theirs lazily, name vocabulary
terms in the staff member's language (`term_label`) and show booleans as a translated
"Yes"/"No" with their icon.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column, LocaleColumn, UpdatedAtColumn

from .terms import term_label

__all__ = [
    "CodeColumn",
    "LanguageColumn",
    "TermColumn",
    "UpdatedColumn",
    "YesNoColumn",
    "field_label",
]


def field_label(model, name):
    """A model field's verbose name, capitalised when shown (in the language of then)."""
    return capfirst(model._meta.get_field(name).verbose_name)


class TermColumn(Column):
    """A vocabulary term (or any related record) of each row, named in the staff member's
    language; its header is the field's verbose name unless `label` is given."""

    def __init__(self, name, model=None, **kwargs):
        if "label" not in kwargs and model is not None:
            kwargs["label"] = field_label(model, name)
        kwargs.setdefault("accessor", lambda instance: term_label(getattr(instance, name)))
        super().__init__(name, **kwargs)


class CodeColumn(Column):
    """A stable identifier (a term's code), shown as code: the same in every language."""

    cell_template_name = "snippets/admin/code_cell.html"

    def __init__(self, name="code", **kwargs):
        kwargs.setdefault("label", _("Code"))
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)


class LanguageColumn(LocaleColumn):
    """The record's language, headed "Language" in the staff member's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Language"))
        super().__init__(**kwargs)


class UpdatedColumn(UpdatedAtColumn):
    """When the record was last changed, headed "Updated" in the staff member's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Updated"))
        super().__init__(**kwargs)


class YesNoColumn(BooleanColumn):
    """A tick or a cross, with "Yes" or "No" in the staff member's language for screen
    readers and as a tooltip (Wagtail's shows "True" or "False")."""

    cell_template_name = "snippets/admin/yes_no_cell.html"

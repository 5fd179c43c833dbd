"""Vocabulary terms in the staff member's language, in the admin's listings, filters, form
choices and choosers.

Records point at the English row of a term, which stands for the concept; the admin names
it in the language the staff member reads the admin in. Each vocabulary is read in that
language once per request (`load_terms`, one query), however many rows, filters, choices
and choosers name its terms: the lists are kept for the thread's current request and
dropped when it starts and ends, and when a term is saved or deleted.
"""

import threading

from django import forms
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.utils.functional import lazy
from django.utils.translation import gettext
from wagtail.snippets.views.chooser import SnippetChosenView
from wagtail.snippets.widgets import AdminSnippetChooser

from cms.core import languages

from ..models import Vocabulary
from ..terms import load_terms

__all__ = [
    "RecordChooserWidget",
    "TermChoiceField",
    "TermChosenView",
    "TermMultipleChoiceField",
    "lazy_message",
    "term_label",
    "terms_in_active_language",
]

_local = threading.local()


def _forget_terms(**kwargs):
    _local.terms = {}


def _forget_terms_on_change(sender, **kwargs):
    if issubclass(sender, Vocabulary):
        _local.terms = {}


request_started.connect(_forget_terms, dispatch_uid="snippets-terms-request-started")
request_finished.connect(_forget_terms, dispatch_uid="snippets-terms-request-finished")
post_save.connect(_forget_terms_on_change, dispatch_uid="snippets-terms-saved")
post_delete.connect(_forget_terms_on_change, dispatch_uid="snippets-terms-deleted")


def terms_in_active_language(model):
    """The `TermList` of the vocabulary `model` in the active language, read once per
    request."""
    language = languages.active()
    cache = getattr(_local, "terms", None)
    if cache is None:
        cache = _local.terms = {}
    key = (model._meta.concrete_model, language)
    if key not in cache:
        cache[key] = load_terms(model._meta.concrete_model, language)
    return cache[key]


def term_label(instance):
    """The label of `instance` in the active language: a vocabulary term named in it (its
    translation's name, when the row is the English one records point at), anything else
    as `str()` gives it."""
    if not isinstance(instance, Vocabulary):
        return "" if instance is None else str(instance)
    return instance.label_with(terms_in_active_language(type(instance)).name_of(instance))


def _format(message, values):
    return gettext(message) % values


#: `gettext(message) % values`, worked out when shown (in the language of that moment).
lazy_message = lazy(_format, str)


class TermLabelMixin:
    def label_from_instance(self, obj):
        return term_label(obj)


class TermChoiceField(TermLabelMixin, forms.ModelChoiceField):
    """A choice of a vocabulary term (or any record), labelled in the active language."""


class TermMultipleChoiceField(TermLabelMixin, forms.ModelMultipleChoiceField):
    """Several vocabulary terms (or records), labelled in the active language."""


class RecordChooserWidget(AdminSnippetChooser):
    """Wagtail's snippet chooser, with its texts in the language of the request that shows
    it (Wagtail works them out once, when the form class is built) and a vocabulary term
    named in that language."""

    def __init__(self, model=None, **kwargs):
        super().__init__(model=model, **kwargs)
        values = {"object": self.model._meta.verbose_name}
        self.choose_one_text = lazy_message("Choose %(object)s", values)
        self.choose_another_text = lazy_message("Choose another %(object)s", values)
        self.link_to_chosen_text = lazy_message("Edit this %(object)s", values)

    def get_display_title(self, instance):
        return term_label(instance)


class TermChosenView(SnippetChosenView):
    """What the chooser modal sends back once a record is chosen: a term in the staff
    member's language."""

    def get_display_title(self, instance):
        return term_label(instance)

"""Choosers of partnership records, used by the admin forms that point at them.

Searched through the ORM like the listings (see `cms.snippets.views`). Translatable records
(vocabulary terms, partners) are offered in the source locale only: records always point at
the English row, which stands for the concept in every language. So Wagtail's "Locale"
column, which would say "English" on every row, is left out; and a short vocabulary (11
areas, 17 goals) is shown whole, without paging, for an editor to tick several terms at once
(the page form's MultipleChooserPanel).
"""

from django import forms
from django.db.models import ForeignKey
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.ui.tables import LocaleColumn
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

from ..models import SOURCE_LOCALE
from .search import country_codes_matching, search_records
from .terms import RecordChooserWidget, TermChoiceField, TermChosenView, term_label

__all__ = ["SHORT_LIST", "CountryChooserViewSet", "RecordChooserViewSet"]

#: A chooser shows at least this many rows on a page: every vocabulary fits on one, longer
#: lists (countries, partners) page by it.
SHORT_LIST = 50


class RecordChooseViewMixin:
    """Chooser listing searched through the ORM; translatable vocabularies and partners offer
    only their source-locale rows, the ones records may point at."""

    search_fields = ()
    source_locale_only = False

    def get_object_list(self):
        objects = super().get_object_list()
        if self.source_locale_only:
            objects = objects.filter(**SOURCE_LOCALE)
        return objects

    def get_filter_form_class(self):
        view = self

        class SearchForm(BaseFilterForm):
            q = forms.CharField(
                label=_("Search term"),
                widget=forms.TextInput(attrs={"placeholder": _("Search")}),
                required=False,
            )

            def filter(self, objects):
                query = self.cleaned_data.get("q")
                if query:
                    self.is_searching = True
                    self.search_query = query
                    objects = view.search(objects, query)
                return objects

        return SearchForm

    def search(self, objects, query):
        return search_records(objects, self.search_fields, query)

    @property
    def columns(self):
        # Only source-locale rows are offered when the model is translatable: a language
        # column would say the same on every row.
        return [column for column in super().columns if not isinstance(column, LocaleColumn)]

    @property
    def title_column(self):
        # Wagtail's, with vocabulary terms named in the staff member's language.
        column = super().title_column
        column.accessor = term_label
        return column


class RecordChooseView(RecordChooseViewMixin, ChooseView):
    pass


class RecordChooseResultsView(RecordChooseViewMixin, ChooseResultsView):
    pass


class RecordChooserViewSet(SnippetChooserViewSet):
    """Chooser of a partnership record, searched by `search_fields`; its widget and
    results speak the staff member's language (see `cms.snippets.views.terms`)."""

    base_widget_class = RecordChooserWidget
    choose_view_class = RecordChooseView
    choose_results_view_class = RecordChooseResultsView
    chosen_view_class = TermChosenView
    search_fields = ("name",)
    source_locale_only = False

    def on_register(self):
        super().on_register()
        if self.model and self.register_widget:
            # Every admin form's choice of such a record (a select or this chooser) names
            # vocabulary terms in the staff member's language.
            register_form_field_override(
                ForeignKey,
                to=self.model,
                override={"widget": self.widget_class, "form_class": TermChoiceField},
            )

    def get_common_view_kwargs(self, **kwargs):
        kwargs = super().get_common_view_kwargs(
            search_fields=self.search_fields,
            source_locale_only=self.source_locale_only,
            **kwargs,
        )
        # Wagtail's snippet viewsets ask for 10 rows a page: 10 of 11 areas, then a page
        # of one.
        kwargs["per_page"] = max(kwargs.get("per_page") or 0, SHORT_LIST)
        return kwargs


class CountryChooseViewMixin(RecordChooseViewMixin):
    def search(self, objects, query):
        return objects.filter(code__in=country_codes_matching(query))


class CountryChooseView(CountryChooseViewMixin, ChooseView):
    pass


class CountryChooseResultsView(CountryChooseViewMixin, ChooseResultsView):
    pass


class CountryChooserViewSet(RecordChooserViewSet):
    choose_view_class = CountryChooseView
    choose_results_view_class = CountryChooseResultsView
    search_fields = ()

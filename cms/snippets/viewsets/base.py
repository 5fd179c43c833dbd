"""What every viewset of partnership records shares."""

from django import forms
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy
from wagtail.models import TranslatableMixin
from wagtail.snippets.views.snippets import SnippetViewSet

from ..views import RecordChooserViewSet, RecordIndexView, RecordInspectView

__all__ = ["CHECKBOXES", "SELECT", "RecordViewSet", "count_by_term"]

# Vocabulary fields use plain widgets: the lists are short, and a chooser modal would offer
# every language's rows.
SELECT = forms.Select
CHECKBOXES = forms.CheckboxSelectMultiple


def count_by_term(model, lookup, counted="pk"):
    """Per vocabulary row: how many `model` records point at the term through `lookup`.

    Matched on the term's translation key, so that each language's row shows the figure.
    """
    key = f"{lookup}__translation_key"
    counts = (
        model.objects.filter(**{key: OuterRef("translation_key")})
        .order_by()
        .values(key)
        .annotate(total=Count(counted, distinct=True))
        .values("total")[:1]
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


class RecordViewSet(SnippetViewSet):
    """Shared set-up: search by fragments and in six languages (see RecordIndexView), an
    inspect page for read-only roles, no copy action (codes and references are unique), and a
    chooser that offers source-locale rows only."""

    index_view_class = RecordIndexView
    inspect_view_class = RecordInspectView
    chooser_viewset_class = RecordChooserViewSet
    chooser_search_fields = ("name",)
    search_backend_name = None
    inspect_view_enabled = True
    copy_view_enabled = False
    list_per_page = 50
    # Wagtail's results, with the filters that could not be applied said above them.
    index_results_template_name = "snippets/admin/record_index_results.html"
    #: {column or export name: permission needed to see it}, see RecordIndexView. Counts of
    #: agreements include confidential ones: only those who may see the archive see them.
    column_permissions = {"agreement_count": "snippets.view_agreement"}

    @property
    def breadcrumbs_items(self):
        # Wagtail names the first step with `gettext` when the views are made, at start-up:
        # in English whatever the staff member's language.
        items = list(super().breadcrumbs_items)
        if items:
            items[0] = {**items[0], "label": gettext_lazy("Home")}
        return items

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(column_permissions=self.column_permissions, **kwargs)

    @property
    def chooser_viewset(self):
        return self.chooser_viewset_class(
            self.get_chooser_admin_url_namespace(),
            model=self.model,
            url_prefix=self.get_chooser_admin_base_path(),
            icon=self.icon,
            per_page=self.chooser_per_page,
            search_fields=self.chooser_search_fields,
            source_locale_only=issubclass(self.model, TranslatableMixin),
        )

    def get_queryset(self, request):
        queryset = self.model._default_manager.all()
        if issubclass(self.model, TranslatableMixin):
            queryset = queryset.select_related("locale")
        return queryset

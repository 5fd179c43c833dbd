"""The translation status matrix: every page and translatable snippet against the six
languages, with filters, counts per language and links into the editors."""

from functools import cached_property

from django import forms
from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import TranslationCell, TranslationStatus
from .permissions import translatable_snippet_models
from .scope import restricted_page_paths, translation_scope

__all__ = ["MatrixFilterForm", "TranslationMatrixView"]

PER_PAGE = 50


def _type_choices():
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    page_models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and not model._meta.abstract
    ]
    choices = []
    for model in [*page_models, *translatable_snippet_models()]:
        content_type = ContentType.objects.get_for_model(model)
        choices.append((str(content_type.pk), str(model._meta.verbose_name).capitalize()))
    return sorted(choices, key=lambda choice: choice[1])


class MatrixFilterForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    type = forms.ChoiceField(label=gettext_lazy("Type"), required=False)
    state = forms.ChoiceField(label=gettext_lazy("State"), required=False)
    q = forms.CharField(label=gettext_lazy("Title contains"), required=False, max_length=100)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        labels = settings.LANGUAGE_LABELS
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, labels.get(code, name)) for code, name in settings.LANGUAGES
        ]
        self.fields["type"].choices = [("", _("All types")), *_type_choices()]
        self.fields["state"].choices = [("", _("All states"))] + [
            (value, label)
            for value, label in TranslationCell.STATES
            if value != TranslationCell.SOURCE
        ]


class TranslationMatrixView(TemplateView):
    template_name = "localization/matrix.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def scope(self):
        return translation_scope(self.request.user)

    @cached_property
    def locales(self):
        order = [code for code, _name in settings.LANGUAGES]
        locales = list(Locale.objects.all())
        return sorted(
            locales,
            key=lambda locale: (
                order.index(locale.language_code) if locale.language_code in order else 99
            ),
        )

    def filtered_statuses(self, data):
        statuses = TranslationStatus.objects.all()
        if data.get("type"):
            statuses = statuses.filter(content_type_id=data["type"])
        if data.get("q"):
            statuses = statuses.filter(title__icontains=data["q"])
        for path in restricted_page_paths(self.request.user):
            statuses = statuses.exclude(is_page=True, page_path__startswith=path)
        return statuses

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = MatrixFilterForm(self.request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        statuses = self.filtered_statuses(data)

        counts = {
            (row["locale_id"], row["state"]): row["n"]
            for row in TranslationCell.objects.filter(status__in=statuses)
            .values("locale_id", "state")
            .annotate(n=Count("id"))
        }

        if data.get("state"):
            cell_filter = Q(cells__state=data["state"])
            if data.get("language"):
                cell_filter &= Q(cells__locale__language_code=data["language"])
            statuses = statuses.filter(cell_filter).distinct()
        elif data.get("language"):
            statuses = statuses.exclude(source_locale__language_code=data["language"])

        statuses = statuses.select_related("content_type").prefetch_related(
            Prefetch("cells", queryset=TranslationCell.objects.order_by("locale_id"))
        )
        paginator = Paginator(statuses.order_by("content_type_id", "title", "pk"), PER_PAGE)
        page_obj = paginator.get_page(self.request.GET.get("p"))

        matrix_url = self.request.get_full_path()
        rows = [self.row(status, matrix_url) for status in page_obj.object_list]
        language_labels = settings.LANGUAGE_LABELS
        context.update(
            {
                "page_title": _("Translations"),
                "header_title": _("Translations"),
                "header_icon": "globe",
                "form": form,
                "locales": [
                    {
                        "locale": locale,
                        "label": language_labels.get(locale.language_code, locale),
                        "in_scope": self.scope is None or locale.language_code in self.scope,
                    }
                    for locale in self.locales
                ],
                "count_rows": self.count_rows(counts),
                "rows": rows,
                "page_obj": page_obj,
                "paginator": paginator,
                "elided_page_range": paginator.get_elided_page_range(page_obj.number),
                "total": paginator.count,
            }
        )
        return context

    def count_rows(self, counts):
        return [
            {
                "state": label,
                "code": state,
                "counts": [counts.get((locale.pk, state), 0) for locale in self.locales],
            }
            for state, label in TranslationCell.STATES
            if state != TranslationCell.SOURCE
        ]

    # Links -----------------------------------------------------------------------------

    @cached_property
    def may_edit_pages(self):
        return PagePermissionPolicy().user_has_any_permission(
            self.request.user, ["add", "change", "publish"]
        )

    def may_edit_type(self, content_type):
        return self.request.user.has_perm(f"{content_type.app_label}.change_{content_type.model}")

    def edit_url(self, status, object_id):
        content_type = status.content_type
        if status.is_page:
            if not self.may_edit_pages:
                return None
            return reverse("wagtailadmin_pages:edit", args=[object_id])
        if not self.may_edit_type(content_type):
            return None
        return reverse(
            f"wagtailsnippets_{content_type.app_label}_{content_type.model}:edit",
            args=[quote(object_id)],
        )

    def submit_url(self, status, locale):
        content_type = status.content_type
        if status.is_page:
            url = reverse(
                "wagtail_localize:submit_page_translation", args=[status.source_object_id]
            )
        else:
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[content_type.app_label, content_type.model, quote(status.source_object_id)],
            )
        return f"{url}?{urlencode({'select_locale': locale.language_code})}"

    def sync_url(self, status, matrix_url):
        if self.scope is not None or status.translation_source_id is None:
            return None
        url = reverse("wagtail_localize:update_translations", args=[status.translation_source_id])
        return f"{url}?{urlencode({'next': matrix_url})}"

    def row(self, status, matrix_url):
        cells_by_locale = {cell.locale_id: cell for cell in status.cells.all()}
        cells = []
        for locale in self.locales:
            cell = cells_by_locale.get(locale.pk)
            in_scope = self.scope is None or locale.language_code in self.scope
            entry = {"cell": cell, "locale": locale, "url": None, "sync_url": None}
            if cell is None:
                cells.append(entry)
                continue
            if cell.state == TranslationCell.MISSING:
                if in_scope:
                    entry["url"] = self.submit_url(status, locale)
            elif cell.object_id and in_scope:
                entry["url"] = self.edit_url(status, cell.object_id)
            if cell.state == TranslationCell.OUTDATED:
                entry["sync_url"] = self.sync_url(status, matrix_url)
            cells.append(entry)
        return {
            "status": status,
            "type": str(status.content_type.model_class()._meta.verbose_name).capitalize()
            if status.content_type.model_class()
            else status.content_type.model,
            "cells": cells,
        }

"""The translation status matrix: every page and translatable snippet against the six
languages, with filters, counts per language and links into the editors."""

from functools import cached_property

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import TranslationSource

from cms.core import languages

from .changes import source_changes
from .guards import user_may_edit_source
from .models import TranslationCell, TranslationStatus
from .notify import AlreadyRequested, notify_sync_request
from .permissions import translatable_snippet_models
from .scope import page_is_restricted_for, restricted_page_paths, translation_scope


def get_permission_policy(model):
    """Wagtail's permission policy registered for a snippet model (permissions.py registers
    the locale-scoped one for translatable snippets)."""
    return policy_registry.get_by_type(model)


__all__ = ["MatrixFilterForm", "TranslationChangesView", "TranslationMatrixView"]

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
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, languages.label(code)) for code in languages.codes()
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
        order = languages.codes()
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

        statuses = statuses.select_related("content_type", "source_locale").prefetch_related(
            Prefetch("cells", queryset=TranslationCell.objects.order_by("locale_id"))
        )
        paginator = Paginator(statuses.order_by("content_type_id", "title", "pk"), PER_PAGE)
        page_obj = paginator.get_page(self.request.GET.get("p"))

        matrix_url = self.request.get_full_path()
        self.load_pages(page_obj.object_list)
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

    # Links: only for what the user may do, by Wagtail's permission policies ---------------

    def load_pages(self, statuses):
        """The pages behind the rows shown (sources and translations) and the ancestors of
        the sources with their translations, in three queries whatever the number of rows."""
        ids, paths = set(), set()
        for status in statuses:
            if not status.is_page:
                continue
            ids.add(int(status.source_object_id))
            ids.update(int(cell.object_id) for cell in status.cells.all() if cell.object_id)
            step = Page.steplen
            paths.update(status.page_path[:end] for end in range(step, len(status.page_path), step))
        self.pages = Page.objects.in_bulk(ids) if ids else {}
        ancestors = list(Page.objects.filter(path__in=paths)) if paths else []
        self.ancestors = {page.path: page for page in ancestors}
        keys = {page.translation_key for page in ancestors if not page.is_root()}
        self.ancestor_translations = {
            (page.translation_key, page.locale_id): page
            for page in (Page.objects.filter(translation_key__in=keys) if keys else [])
        }

    def may_change_snippets(self, content_type, locale):
        """Whether the user may change records of this type in this language."""
        model = content_type.model_class()
        if model is None:
            return False
        policy = get_permission_policy(model)
        if hasattr(policy, "user_has_permission_in_language"):
            return policy.user_has_permission_in_language(
                self.request.user, "change", locale.language_code
            )
        return policy.user_has_permission(self.request.user, "change")

    def in_scope(self, locale):
        return self.scope is None or locale.language_code in self.scope

    def page_tester(self, object_id):
        page = self.pages.get(int(object_id))
        return page.permissions_for_user(self.request.user) if page else None

    def may_create(self, status, locale):
        """Whether the submit view would offer this language (guards.py): under the nearest
        ancestor that exists in the language, the user may add pages; for a snippet, the user
        may change that model."""
        if not self.in_scope(locale):
            return False
        if not status.is_page:
            return self.may_change_snippets(status.content_type, locale)
        step = Page.steplen
        for end in range(len(status.page_path) - step, 0, -step):
            ancestor = self.ancestors.get(status.page_path[:end])
            if ancestor is None:
                return False
            translated = (
                ancestor
                if ancestor.is_root()
                else self.ancestor_translations.get((ancestor.translation_key, locale.pk))
            )
            if translated is not None:
                return translated.permissions_for_user(self.request.user).can_add_subpage()
        return False

    def edit_url(self, status, cell):
        content_type = status.content_type
        if not self.in_scope(cell.locale):
            return None
        if status.is_page:
            tester = self.page_tester(cell.object_id)
            if tester is None or not tester.can_edit():
                return None
            return reverse("wagtailadmin_pages:edit", args=[cell.object_id])
        if not self.may_change_snippets(content_type, cell.locale):
            return None
        return reverse(
            f"wagtailsnippets_{content_type.app_label}_{content_type.model}:edit",
            args=[quote(cell.object_id)],
        )

    def submit_url(self, status, locale):
        if not self.may_create(status, locale):
            return None
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

    def may_sync(self, status):
        """Synchronizing rewrites every language: for users who may edit the source
        (guards.GuardedUpdateTranslationsView)."""
        if status.translation_source_id is None:
            return False
        if status.is_page:
            tester = self.page_tester(status.source_object_id)
            return tester is not None and tester.can_edit()
        return self.may_change_snippets(status.content_type, status.source_locale)

    def sync_url(self, status, matrix_url):
        if not self.may_sync(status):
            return None
        url = reverse("wagtail_localize:update_translations", args=[status.translation_source_id])
        return f"{url}?{urlencode({'next': matrix_url})}"

    def row(self, status, matrix_url):
        cells_by_locale = {cell.locale_id: cell for cell in status.cells.all()}
        cells = []
        for locale in self.locales:
            cell = cells_by_locale.get(locale.pk)
            entry = {
                "cell": cell,
                "locale": locale,
                "url": None,
                "sync_url": None,
                "changes_url": None,
            }
            if cell is None:
                cells.append(entry)
                continue
            cell.locale = locale
            if cell.state == TranslationCell.MISSING:
                entry["url"] = self.submit_url(status, locale)
            elif cell.object_id:
                entry["url"] = self.edit_url(status, cell)
            if cell.state == TranslationCell.OUTDATED:
                entry["sync_url"] = self.sync_url(status, matrix_url)
                if self.in_scope(locale) and status.translation_source_id:
                    entry["changes_url"] = reverse("translation_changes", args=[status.pk])
            cells.append(entry)
        return {
            "status": status,
            "type": str(status.content_type.model_class()._meta.verbose_name).capitalize()
            if status.content_type.model_class()
            else status.content_type.model,
            "cells": cells,
        }


class TranslationChangesView(TemplateView):
    """What changed in a source since its translations were last synchronized; a translator
    who may not synchronize asks for it here (notify.py)."""

    template_name = "localization/changes.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        self.status = get_object_or_404(
            TranslationStatus.objects.select_related("content_type"),
            pk=kwargs["status_id"],
            translation_source_id__isnull=False,
        )
        self.source = TranslationSource.objects.filter(pk=self.status.translation_source_id).first()
        if self.source is None:
            raise Http404
        try:
            self.instance = self.source.get_source_instance()
        except ObjectDoesNotExist:
            raise Http404 from None
        if isinstance(self.instance, Page):
            self.instance = self.instance.specific
            if page_is_restricted_for(request.user, self.instance):
                raise PermissionDenied
        # Only for someone with something to do here: who may synchronize the source, or who
        # translates one of its outdated languages (and may ask for the sync).
        if not (self.may_sync or self.requestable_locales):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def may_sync(self):
        return user_may_edit_source(self.request.user, self.instance)

    @cached_property
    def requestable_locales(self):
        """The outdated languages the user translates (all of them for unscoped users)."""
        scope = translation_scope(self.request.user)
        cells = self.status.cells.filter(state=TranslationCell.OUTDATED).select_related("locale")
        return [
            cell.locale for cell in cells if scope is None or cell.locale.language_code in scope
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        title = _("What changed in “%(title)s”") % {"title": self.status.title}
        sync_url = None
        if self.may_sync:
            sync_url = reverse(
                "wagtail_localize:update_translations", args=[self.status.translation_source_id]
            )
            sync_url = f"{sync_url}?{urlencode({'next': reverse('translation_matrix')})}"
        context.update(
            {
                "page_title": title,
                "header_title": title,
                "header_icon": "history",
                "status": self.status,
                "changes": source_changes(self.source, self.instance),
                "last_sync": self.source.last_updated_at,
                "sync_url": sync_url,
                "locales": self.requestable_locales,
                "may_request": not self.may_sync and bool(self.requestable_locales),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        locale = next(
            (
                locale
                for locale in self.requestable_locales
                if locale.language_code == request.POST.get("language")
            ),
            None,
        )
        if self.may_sync or locale is None:
            raise PermissionDenied
        changes = source_changes(self.source, self.instance)
        try:
            told = notify_sync_request(
                status=self.status,
                instance=self.instance,
                locale=locale,
                changes=changes,
                requested_by=request.user,
            )
        except AlreadyRequested:
            messages.warning(
                request,
                _(
                    "You already asked for this synchronization in the last 24 hours: the "
                    "people who may synchronize it have been e-mailed, and are not e-mailed "
                    "again."
                ),
            )
            return redirect("translation_matrix")
        if told:
            messages.success(
                request,
                ngettext(
                    "Your request was sent to %(count)d person who may synchronize it.",
                    "Your request was sent to %(count)d people who may synchronize it.",
                    told,
                )
                % {"count": told},
            )
        else:
            messages.warning(request, _("Nobody who may synchronize it has an e-mail address."))
        return redirect("translation_matrix")

"""wagtail-localize's admin views, with PartnerHub's permission checks in front.

wagtail-localize checks one global permission ("submit translation") before starting or
synchronizing a translation, and model-wide snippet permissions in its translation editor.
Here every one of those views asks what Wagtail's permissions allow in the language
concerned: page permissions on that language's tree (`permissions_for_user`), model
permissions in the languages of the groups that give them (scope.py), and never a page whose
view restriction keeps the user out unless they may edit its source. They are served at the
same addresses (see wagtail_hooks.register_guarded_localize_urls, registered before
wagtail-localize's own URLs).
"""

from functools import wraps

from django import forms
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404
from wagtail.models import Page, TranslatableMixin
from wagtail_localize import operations
from wagtail_localize.models import Translation
from wagtail_localize.views import (
    edit_translation,
    report,
    submit_translations,
    update_translations,
)

from .permissions import LocaleScopedPermissionPolicy
from .scope import (
    can_translate_into,
    page_is_restricted_for,
    restricted_page_paths,
    translation_scope,
)

__all__ = [
    "GuardedSubmitPageTranslationView",
    "GuardedSubmitSnippetTranslationView",
    "GuardedUpdateTranslationsView",
    "guard_translation",
    "translate_missing_ancestors",
    "unscoped_only",
    "user_may_edit",
    "user_may_edit_source",
]


def _restricted(user, instance):
    return isinstance(instance, Page) and page_is_restricted_for(user, instance)


def user_may_edit(user, instance):
    """Whether the user may change this object: a page by its page permissions, a
    translatable snippet in its own language (permissions.py), another record by its model."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    if isinstance(instance, TranslatableMixin):
        policy = LocaleScopedPermissionPolicy(type(instance))
        return policy.user_has_permission_for_instance(user, "change", instance)
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.change_{opts.model_name}")


def user_may_edit_source(user, instance):
    """Whether the user may change the source object itself (and so sync its translations)."""
    return user_may_edit(user, instance)


def _locales_user_may_create_in(user, instance, locales):
    """The locales where the user may create the translation: under the page's translated
    parent where they may add pages, or, for a snippet, where they may change that model."""
    if isinstance(instance, Page):
        # wagtail-localize creates the missing translations of the ancestors too: the user
        # must be able to add pages under the nearest ancestor that exists in the locale.
        ancestors = list(instance.get_ancestors(inclusive=False).reverse())
        allowed = []
        for locale in locales:
            for ancestor in ancestors:
                translated = (
                    ancestor if ancestor.is_root() else ancestor.get_translation_or_none(locale)
                )
                if translated is not None:
                    if translated.permissions_for_user(user).can_add_subpage():
                        allowed.append(locale.pk)
                    break
        return allowed
    policy = LocaleScopedPermissionPolicy(type(instance))
    return [
        locale.pk
        for locale in locales
        if policy.user_has_permission_in_language(user, "change", locale.language_code)
    ]


class _GuardedSubmitMixin:
    """A translation is started only into languages where its author may create it (their
    own, for translators), and never for a page kept from them."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        if _restricted(request.user, self.get_object()):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        scope = translation_scope(self.request.user)
        if scope is not None:
            field.queryset = field.queryset.filter(language_code__in=scope)
        allowed = _locales_user_may_create_in(self.request.user, self.object, field.queryset)
        field.queryset = field.queryset.filter(pk__in=allowed)
        return form


def translate_missing_ancestors(page, locale, user):
    """Start, as drafts, the translations of the page's ancestors that do not exist in
    `locale` yet, from the top down.

    Left to itself, wagtail-localize would create them as aliases of the English pages, and an
    alias of a live page is live: an English home or section page published under the
    language's address, with nothing saying it is English. As drafts they are translated and
    published like any page; until then, Wagtail serves the English pages under that address,
    with the notice."""
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if ancestor.get_translation_or_none(locale) is None:
            operations.translate_object(ancestor, [locale], user=user)


class GuardedSubmitPageTranslationView(
    _GuardedSubmitMixin, submit_translations.SubmitPageTranslationView
):
    """wagtail-localize's "Translate page", with the translation started as a draft: the
    WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE setting keeps the new page unpublished, and
    its missing ancestors are started as drafts too, never as live aliases."""

    @transaction.atomic
    def form_valid(self, form):
        for locale in form.cleaned_data["locales"]:
            translate_missing_ancestors(self.object, locale, self.request.user)
        return super().form_valid(form)


class GuardedSubmitSnippetTranslationView(
    _GuardedSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class GuardedUpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Synchronizing rewrites the translations of every language from the source: only the
    people who may edit the source do it.

    It never publishes: wagtail-localize's "Publish immediately" would put the changed
    segments live in English (or as unreviewed machine translations) under every language's
    address. The synchronized translations wait in the editor for someone who may publish them
    in their language."""

    def get_form(self):
        form = super().get_form()
        form.fields["publish_translations"].widget = forms.HiddenInput()
        return form

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        source = self.get_object()
        try:
            instance = source.get_source_instance()
        except source.specific_content_type.model_class().DoesNotExist:
            raise PermissionDenied from None
        if _restricted(request.user, instance):
            raise PermissionDenied
        if not user_may_edit_source(request.user, instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def guard_translation(view):
    """Wrap a view of the translation editor that takes a `translation_id`: the user must
    translate into its language and may change its target there (its page, or the record in
    that language), and the target, or its source, must not be kept from them."""

    @wraps(view)
    def guarded(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("target_locale", "source"), id=translation_id
        )
        if not request.user.has_perm("wagtail_localize.submit_translation"):
            raise PermissionDenied
        if not can_translate_into(request.user, translation.target_locale):
            raise PermissionDenied
        try:
            source = translation.source.get_source_instance()
        except ObjectDoesNotExist:
            source = None
        if source is not None and _restricted(request.user, source):
            raise PermissionDenied
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:  # no target yet: who may create it there may work on it
            target = None
        if target is None:
            if source is None or not _locales_user_may_create_in(
                request.user, source, [translation.target_locale]
            ):
                raise PermissionDenied
        elif not user_may_edit(request.user, target):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return guarded


def unscoped_only(view):
    """wagtail-localize's report of translations lists every object's title, restricted
    pages included: only for users whose translation rights hold in every language and whom
    no view restriction keeps out."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if translation_scope(request.user) is not None or restricted_page_paths(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class OrderedTranslationsReportView(report.TranslationsReportView):
    """wagtail-localize's report, newest translations first: its own list has no order, so
    that its pages could repeat some translations and skip others."""

    def get_queryset(self):
        return super().get_queryset().order_by("-created_at", "-pk")


translations_report = unscoped_only(OrderedTranslationsReportView.as_view())
translations_report_results = unscoped_only(
    OrderedTranslationsReportView.as_view(results_only=True)
)


# The translation editor's endpoints, by URL name, that take a translation id.
GUARDED_FUNCTION_VIEWS = {
    "edit_string_translation": edit_translation.edit_string_translation,
    "edit_override": edit_translation.edit_override,
    "download_pofile": edit_translation.download_pofile,
    "upload_pofile": edit_translation.upload_pofile,
    "machine_translate": edit_translation.machine_translate,
    "preview_translation": edit_translation.preview_translation,
    "stop_translation": edit_translation.stop_translation,
}

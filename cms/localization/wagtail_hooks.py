"""Admin integration of the translation workflow: guarded wagtail-localize views, locale
checks on snippet edits, restricted pages kept from translators, and the status matrix."""

from django.core.exceptions import PermissionDenied
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import TranslatableMixin

from . import guards, views
from .permissions import LocaleScopedPermissionPolicy
from .scope import page_is_restricted_for

# wagtail-localize's translation-editor endpoints (address under /admin/localize/, URL name).
TRANSLATION_EDITOR_ROUTES = [
    (
        "translate/<int:translation_id>/strings/<int:string_segment_id>/edit/",
        "edit_string_translation",
    ),
    (
        "translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        "edit_override",
    ),
    ("translate/<int:translation_id>/pofile/download/", "download_pofile"),
    ("translate/<int:translation_id>/pofile/upload/", "upload_pofile"),
    ("translate/<int:translation_id>/machine_translate/", "machine_translate"),
    ("translate/<int:translation_id>/preview/", "preview_translation"),
    ("translate/<int:translation_id>/preview/<str:mode>/", "preview_translation"),
    ("translate/<int:translation_id>/disable/", "stop_translation"),
]


# Registered before wagtail-localize's own URLs (order), at the same addresses: the guarded
# views answer first.
@hooks.register("register_admin_urls", order=-100)
def register_guarded_localize_urls():
    guarded = [
        path(
            "submit/page/<int:page_id>/",
            guards.GuardedSubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            guards.GuardedSubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            guards.GuardedUpdateTranslationsView.as_view(),
            name="update_translations",
        ),
        *[
            path(route, guards.guard_translation(guards.GUARDED_FUNCTION_VIEWS[name]), name=name)
            for route, name in TRANSLATION_EDITOR_ROUTES
        ],
        path(
            "reports/translations/",
            guards.translations_report,
            name="translations_report",
        ),
        path(
            "reports/translations/results/",
            guards.translations_report_results,
            name="translations_report_results",
        ),
    ]
    return [
        path("localize/", include((guarded, "localization_guard"))),
        path(
            "translations/",
            views.TranslationMatrixView.as_view(),
            name="translation_matrix",
        ),
    ]


def _deny_out_of_scope_snippet(request, instance):
    if isinstance(instance, TranslatableMixin):
        policy = LocaleScopedPermissionPolicy(type(instance))
        if not policy.user_has_permission_for_instance(request.user, "change", instance):
            raise PermissionDenied


@hooks.register("before_edit_snippet", order=-100)
def before_edit_snippet(request, instance):
    _deny_out_of_scope_snippet(request, instance)


@hooks.register("before_delete_snippet", order=-100)
def before_delete_snippet(request, instances):
    for instance in instances:
        _deny_out_of_scope_snippet(request, instance)


@hooks.register("before_edit_page", order=-100)
def before_edit_page(request, page):
    if page_is_restricted_for(request.user, page):
        raise PermissionDenied


class TranslationMatrixMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("wagtail_localize.submit_translation")


@hooks.register("register_admin_menu_item")
def register_translation_matrix_menu_item():
    return TranslationMatrixMenuItem(
        _("Translations"),
        reverse("translation_matrix"),
        name="translations",
        icon_name="globe",
        order=250,
    )

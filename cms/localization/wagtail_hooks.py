"""Admin integration of the translation workflow: guarded wagtail-localize views, locale
checks on snippet edits, restricted pages kept from translators, unreviewed machine
translations flagged in the editor and confirmed before publication, and the status matrix."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation

from . import guards, views
from .permissions import LocaleScopedPermissionPolicy
from .review import segment_label, unreviewed_machine_segments
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
        path(
            "translations/<int:status_id>/changes/",
            views.TranslationChangesView.as_view(),
            name="translation_changes",
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
    if isinstance(instance, TranslatableMixin):
        return review_gate(request, instance)
    return None


@hooks.register("before_delete_snippet", order=-100)
def before_delete_snippet(request, instances):
    for instance in instances:
        _deny_out_of_scope_snippet(request, instance)


@hooks.register("before_edit_page", order=-100)
def before_edit_page(request, page):
    if page_is_restricted_for(request.user, page):
        raise PermissionDenied
    return review_gate(request, page)


CONFIRM_FIELD = "confirm_machine_translations"


def _may_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    # wagtail-localize publishes a translatable snippet for whoever may change it (in this
    # project: in that language, see permissions.py).
    policy = LocaleScopedPermissionPolicy(type(instance))
    return policy.user_has_permission_for_instance(user, "change", instance)


def _unreviewed(instance):
    """(translation, unreviewed machine segments, their field labels) of `instance` as a
    translation kept in sync by wagtail-localize, or None when it has no such segment."""
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        return None
    unreviewed = list(unreviewed_machine_segments(translation))
    if not unreviewed:
        return None
    model = translation.source.specific_content_type.model_class() or type(instance)
    labels = list(dict.fromkeys(segment_label(model, row.context.path) for row in unreviewed))
    return translation, unreviewed, labels


def _safe_next(request):
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


@hooks.register("before_bulk_action")
def confirm_bulk_publish_of_machine_translations(request, action_type, objects, action):
    """Wagtail's bulk "Publish" of pages asks the same explicit confirmation as the
    translation editor when one of the pages is a translation with machine-translated
    segments nobody has reviewed: it is another way of publishing them."""
    if action_type != "publish" or request.POST.get(CONFIRM_FIELD) == "1":
        return None
    pending = []
    for instance in objects:
        found = _unreviewed(instance)
        if found is not None:
            translation, unreviewed, labels = found
            pending.append(
                {
                    "instance": instance,
                    "locale": translation.target_locale,
                    "count": len(unreviewed),
                    "labels": labels,
                }
            )
    if not pending:
        return None
    repost = [
        (name, value)
        for name, values in request.POST.lists()
        if name not in ("csrfmiddlewaretoken", CONFIRM_FIELD)
        for value in values
    ]
    return TemplateResponse(
        request,
        "localization/confirm_bulk_publish.html",
        {
            "page_title": _("Publish machine translations?"),
            "header_title": _("Publish machine translations?"),
            "header_icon": "warning",
            "pending": pending,
            "repost": repost,
            "confirm_field": CONFIRM_FIELD,
            "action_url": request.get_full_path(),
            "back_url": _safe_next(request) or reverse("wagtailadmin_explore_root"),
        },
    )


def review_gate(request, instance):
    """In wagtail-localize's translation editor (it answers the target's edit address): list
    the machine-translated segments nobody has reviewed yet, and ask for an explicit
    confirmation before publishing a translation that still has some."""
    found = _unreviewed(instance)
    if found is None:
        return None
    translation, unreviewed, labels = found
    if request.method == "POST":
        publishing = request.POST.get("action") == "publish"
        if publishing and request.POST.get(CONFIRM_FIELD) != "1":
            if not _may_publish(request.user, instance):
                return None  # wagtail-localize refuses it
            return TemplateResponse(
                request,
                "localization/confirm_publish.html",
                {
                    "page_title": _("Publish machine translations?"),
                    "header_title": _("Publish machine translations?"),
                    "header_icon": "warning",
                    "instance": instance,
                    "locale": translation.target_locale,
                    "count": len(unreviewed),
                    "labels": labels,
                    "confirm_field": CONFIRM_FIELD,
                    "action_url": request.get_full_path(),
                },
            )
        return None
    messages.warning(
        request,
        ngettext(
            "%(count)d segment is a machine translation nobody has reviewed yet (%(fields)s). "
            "Check it and save it in the editor, changed or not, to mark it reviewed.",
            "%(count)d segments are machine translations nobody has reviewed yet (%(fields)s). "
            "Check each one and save it in the editor, changed or not, to mark it reviewed.",
            len(unreviewed),
        )
        % {"count": len(unreviewed), "fields": ", ".join(labels)},
    )
    return None


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

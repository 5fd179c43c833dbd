"""The two-step verification screens in the admin, a link to them in the account menu, and the
administrators' tools for staff who cannot sign in (sign-in lockouts, second-factor reset)."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_otp import user_has_device
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from . import access, administration, views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("two-factor/recovery-codes/", views.recovery_codes, name="two_factor_recovery_codes"),
        path(
            "two-factor/reset/<int:user_id>/",
            administration.reset_second_factor,
            name="two_factor_reset",
        ),
        path("sign-in-lockouts/", administration.lockouts, name="two_factor_lockouts"),
        path("sign-in-lockouts/unlock/", administration.unlock, name="two_factor_unlock"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("two_factor_setup"),
        "label": _("Two-step verification"),
        "help_text": _("Set up an authenticator app and get recovery codes."),
    }


class LockoutsMenuItem(MenuItem):
    def is_shown(self, request):
        return access.can_see_lockouts(request.user)


@hooks.register("register_settings_menu_item")
def register_lockouts_menu_item():
    return LockoutsMenuItem(
        _("Sign-in lockouts"),
        reverse("two_factor_lockouts"),
        name="sign-in-lockouts",
        icon_name="lock",
        order=610,
    )


@hooks.register("register_user_listing_buttons")
def reset_second_factor_button(user, request_user):
    if access.can_reset_second_factor(request_user, user) and user_has_device(user, confirmed=None):
        yield Button(
            _("Reset two-step verification"),
            reverse("two_factor_reset", args=[user.pk]),
            icon_name="lock-open",
            priority=60,
        )


@hooks.register("register_permissions")
def register_account_security_permissions():
    """Offered in the group editor, so that a group can be given these tasks."""
    return Permission.objects.filter(
        Q(content_type__app_label="axes", codename="view_accessattempt")
        | Q(content_type__app_label="axes", codename="delete_accessattempt")
        | Q(content_type__app_label="otp_totp", codename="delete_totpdevice")
        | Q(content_type__app_label="otp_static", codename="delete_staticdevice")
    )


@hooks.register("register_log_actions")
def register_account_security_actions(actions):
    administration.register_actions(actions)

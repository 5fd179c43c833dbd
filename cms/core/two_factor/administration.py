"""What an administrator does for a staff member who cannot sign in: lift a sign-in lockout
(django-axes) and reset a lost second factor, from the admin rather than on the server.

- Settings → "Sign-in lockouts" lists the accounts and the addresses locked out now (failures
  of the cool-off period at or past the limit, as django-axes counts them), each with "Unlock".
- "Reset two-step verification" in the Users listing removes a user's authenticator app and
  recovery codes (every django-otp device); they set up a new app at their next sign-in.

Who may do it is decided by permission (`access.py`); others get a 403. Each change is
confirmed (a page, then a POST), written to Wagtail's audit log (Reports → Site history) and
logged by `cms.core.two_factor`.
"""

import logging

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import LogFormatter, log

from cms.core.public_forms import client_ip

from .access import (
    ACCOUNT,
    ADDRESS,
    LOCKOUT_FIELDS,
    can_reset_second_factor,
    can_see_lockouts,
    can_unlock,
    current_lockouts,
)

__all__ = [
    "RESET_ACTION",
    "UNLOCK_ACTION",
    "lockouts",
    "register_actions",
    "reset_second_factor",
    "unlock",
]

logger = logging.getLogger("cms.core.two_factor")

UNLOCK_ACTION = "partnerhub.unlock_sign_in"
RESET_ACTION = "partnerhub.reset_second_factor"


def _refused(request):
    """A plain 403 (Wagtail would redirect to the dashboard): a refused account-security
    action is answered as such, and logged."""
    logger.warning(
        "Refused %s %s to %s from %s",
        request.method,
        request.path,
        request.user.get_username(),
        client_ip(request),
    )
    return TemplateResponse(request, "wagtailadmin/permission_denied.html", status=403)


def _admin_page(request, template, title, context):
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": "lock", **context},
    )


def lockouts(request):
    """Settings → Sign-in lockouts: who is locked out now, with "Unlock" for each."""
    if not can_see_lockouts(request.user):
        return _refused(request)
    return _admin_page(
        request,
        "two_factor/admin/lockouts.html",
        _("Sign-in lockouts"),
        {
            "lockouts": current_lockouts(request),
            "can_unlock": can_unlock(request.user),
            "cool_off_minutes": _minutes(get_cool_off(request)),
            "failure_limit": get_failure_limit(request, None),
        },
    )


def _minutes(cool_off):
    return max(1, round(cool_off.total_seconds() / 60)) if cool_off else None


def _device_label(device):
    if isinstance(device, StaticDevice):
        count = device.token_set.count()
        return ngettext(
            "Recovery codes (%(count)s unused)", "Recovery codes (%(count)s unused)", count
        ) % {"count": count}
    if isinstance(device, TOTPDevice):
        return _("Authenticator app") if device.confirmed else _("Authenticator app (not set up)")
    return device.name


#: Whole sentences for each kind of lockout (not a sentence around "the account …"), so that
#: each language can inflect the words around the name or the address.
TEXTS = {
    ACCOUNT: {
        "done": gettext_lazy("Sign-in unlocked for the account “%(value)s”"),
        "gone": gettext_lazy("The account “%(value)s” is no longer locked out."),
        "question": gettext_lazy(
            "Unlock sign-in for the account “%(value)s”? Its failed attempts are forgotten "
            "and it can sign in again at once."
        ),
    },
    ADDRESS: {
        "done": gettext_lazy("Sign-in unlocked for the address %(value)s"),
        "gone": gettext_lazy("The address %(value)s is no longer locked out."),
        "question": gettext_lazy(
            "Unlock sign-in from the address %(value)s? Its failed attempts are forgotten "
            "and sign-in from it works again at once."
        ),
    },
}


def _text(kind, name, value):
    return TEXTS[kind][name] % {"value": value}


def unlock(request):
    """Confirm, then lift the lockout of one account or one address (`?account=` or
    `?address=`): every counted failure of it is forgotten, as `axes_reset_username` or
    `axes_reset_ip` would do; the history of failures (AccessFailureLog) is kept."""
    if not can_unlock(request.user):
        return _refused(request)
    data = request.POST if request.method == "POST" else request.GET
    kind = next((k for k in LOCKOUT_FIELDS if data.get(k)), None)
    if kind is None:
        raise Http404
    value = data[kind]
    field = LOCKOUT_FIELDS[kind]
    if request.method == "POST":
        with transaction.atomic():
            latest = AccessAttempt.objects.filter(**{field: value}).order_by("-attempt_time")
            latest = latest.first()
            if latest is None:
                messages.info(request, _text(kind, "gone", value))
                return redirect("two_factor_lockouts")
            # Logged against the latest attempt, kept in the log after the attempts are gone.
            log(
                instance=latest,
                action=UNLOCK_ACTION,
                user=request.user,
                title=value,
                data={"kind": kind, "value": value},
            )
            removed = axes_reset(**{"username" if kind == ACCOUNT else "ip": value})
        logger.info(
            "Sign-in unlocked for %s %s by %s from %s (%s attempts forgotten)",
            kind,
            value,
            request.user.get_username(),
            client_ip(request),
            removed,
        )
        messages.success(request, _text(kind, "done", value))
        return redirect("two_factor_lockouts")
    return _admin_page(
        request,
        "two_factor/admin/confirm.html",
        _("Unlock sign-in"),
        {
            "question": _text(kind, "question", value),
            "lockouts": current_lockouts(request, kind, value),
            "hidden": {kind: value},
            "action_url": reverse("two_factor_unlock"),
            "confirm_label": _("Yes, unlock"),
            "cancel_url": reverse("two_factor_lockouts"),
        },
    )


def reset_second_factor(request, user_id):
    """Confirm, then remove every second-factor device of a user (authenticator apps and
    recovery codes): they sign in with their password and set up a new app."""
    target = get_object_or_404(get_user_model(), pk=user_id)
    if not can_reset_second_factor(request.user, target):
        return _refused(request)
    name = target.get_username()
    cancel_url = reverse("wagtailusers_users:index")
    if request.method == "POST":
        with transaction.atomic():
            devices = list(devices_for_user(target, confirmed=None))
            for device in devices:
                device.delete()  # a static device takes its recovery codes with it
            log(
                instance=target,
                action=RESET_ACTION,
                user=request.user,
                title=name,
                data={"devices": len(devices)},
            )
        logger.info(
            "Second factor of %s reset by %s from %s (%s devices removed)",
            name,
            request.user.get_username(),
            client_ip(request),
            len(devices),
        )
        messages.success(
            request,
            _(
                "Two-step verification of “%(user)s” has been reset: they set up a new "
                "authenticator app at their next sign-in."
            )
            % {"user": name},
        )
        return redirect(cancel_url)
    return _admin_page(
        request,
        "two_factor/admin/confirm.html",
        _("Reset two-step verification"),
        {
            "question": _(
                "Remove the authenticator app and the recovery codes of “%(user)s”? Their "
                "codes stop working at once, and they must set up a new app at their next "
                "sign-in."
            )
            % {"user": name},
            "devices": [_device_label(d) for d in devices_for_user(target, confirmed=None)],
            "hidden": {},
            "action_url": request.path,
            "confirm_label": _("Yes, reset"),
            "cancel_url": cancel_url,
        },
    )


class UnlockFormatter(LogFormatter):
    label = gettext_lazy("Unlock sign-in")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        if data.get("kind") not in TEXTS:
            return _("Sign-in unlocked")
        return _text(data["kind"], "done", data["value"])


class ResetFormatter(LogFormatter):
    label = gettext_lazy("Reset two-step verification")
    message = gettext_lazy("Two-step verification reset")


def register_actions(actions):
    """The two actions in Wagtail's audit log (`register_log_actions`)."""
    actions.register_action(UNLOCK_ACTION)(UnlockFormatter)
    actions.register_action(RESET_ACTION)(ResetFormatter)

"""What an administrator does for a staff member who cannot sign in: lift a sign-in lockout
(django-axes) and reset a lost second factor, from the admin rather than on the server.

- Settings → "Sign-in lockouts" lists the accounts and the addresses locked out now (failures
  of the cool-off period at or past the limit, as django-axes counts them), each with "Unlock".
- "Reset two-step verification" in the Users listing removes a user's authenticator app and
  recovery codes (every django-otp device); they set up a new app at their next sign-in.

Who may do it is decided by Django permissions, through Wagtail's permission policies, never
by group name: seeing the lockouts needs `axes.view_accessattempt`, unlocking
`axes.delete_accessattempt`, resetting `otp_totp.delete_totpdevice` and
`otp_static.delete_staticdevice` (superusers hold them all; the group editor offers them).
Only a superuser may reset a superuser's second factor. Others get a 403. Each change is
confirmed (a page, then a POST), written to Wagtail's audit log (Reports → Site history) and
logged by `cms.core.two_factor`.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Max, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import LogFormatter, log
from wagtail.permission_policies import ModelPermissionPolicy

from cms.core.public_forms import client_ip

__all__ = [
    "ACCOUNT",
    "ADDRESS",
    "RESET_ACTION",
    "UNLOCK_ACTION",
    "Lockout",
    "can_reset_second_factor",
    "can_see_lockouts",
    "can_unlock",
    "current_lockouts",
    "lockouts",
    "register_actions",
    "reset_second_factor",
    "unlock",
]

logger = logging.getLogger("cms.core.two_factor")

UNLOCK_ACTION = "partnerhub.unlock_sign_in"
RESET_ACTION = "partnerhub.reset_second_factor"
ACCOUNT = "account"
ADDRESS = "address"
LOCKOUT_FIELDS = {ACCOUNT: "username", ADDRESS: "ip_address"}

access_attempts = ModelPermissionPolicy(AccessAttempt)
authenticator_apps = ModelPermissionPolicy(TOTPDevice)
recovery_codes = ModelPermissionPolicy(StaticDevice)


def can_see_lockouts(user):
    """Whether the user may see who is locked out (the menu item and the list)."""
    return access_attempts.user_has_any_permission(user, ["view", "delete"])


def can_unlock(user):
    """Whether the user may lift a lockout."""
    return access_attempts.user_has_permission(user, "delete")


def can_reset_second_factor(user, target=None):
    """Whether the user may remove the second factor of `target` (of anyone, without it)."""
    if not (
        authenticator_apps.user_has_permission(user, "delete")
        and recovery_codes.user_has_permission(user, "delete")
    ):
        return False
    # Otherwise a right to reset would be a way into a superuser's account, password known.
    return target is None or not target.is_superuser or user.is_superuser


@dataclass
class Lockout:
    """An account or an address that may not sign in until `locked_until`."""

    kind: str  # ACCOUNT or ADDRESS
    value: str
    failures: int
    last_attempt: datetime
    locked_until: datetime | None

    @property
    def unlock_url(self):
        return f"{reverse('two_factor_unlock')}?{urlencode({self.kind: self.value})}"


def _recent_attempts(request):
    cool_off = get_cool_off(request)
    attempts = AccessAttempt.objects.all()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts, cool_off


def current_lockouts(request, kind=None, value=None):
    """The accounts, then the addresses, locked out now: the failures django-axes counts
    for each (those of the cool-off period, from any address or for any account) reach the
    limit. `kind` and `value` narrow the answer to one of them."""
    attempts, cool_off = _recent_attempts(request)
    limit = get_failure_limit(request, None)
    found = []
    for lockout_kind, field in LOCKOUT_FIELDS.items():
        if kind not in (None, lockout_kind):
            continue
        rows = attempts.exclude(**{f"{field}__isnull": True})
        if value is not None:
            rows = rows.filter(**{field: value})
        groups = (
            rows.values(field)
            .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
            .filter(failures__gte=limit)
            .order_by("-last_attempt")
        )
        found += [
            Lockout(
                kind=lockout_kind,
                value=group[field],
                failures=group["failures"],
                last_attempt=group["last_attempt"],
                locked_until=group["last_attempt"] + cool_off if cool_off else None,
            )
            for group in groups
            if group[field]  # an empty username or address locks nobody out
        ]
    return found


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


def _describe(kind, value):
    if kind == ACCOUNT:
        return _("the account “%(account)s”") % {"account": value}
    return _("the address %(address)s") % {"address": value}


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
    described = _describe(kind, value)
    if request.method == "POST":
        with transaction.atomic():
            latest = AccessAttempt.objects.filter(**{field: value}).order_by("-attempt_time")
            latest = latest.first()
            if latest is None:
                messages.info(request, _("%(who)s was no longer locked out.") % {"who": described})
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
        messages.success(request, _("Sign-in unlocked for %(who)s.") % {"who": described})
        return redirect("two_factor_lockouts")
    return _admin_page(
        request,
        "two_factor/admin/confirm.html",
        _("Unlock sign-in"),
        {
            "question": _(
                "Unlock sign-in for %(who)s? Its failed attempts are forgotten and the "
                "sign-in form accepts it again at once."
            )
            % {"who": described},
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
        if "kind" not in data:
            return _("Sign-in unlocked")
        return _("Sign-in unlocked for %(who)s") % {"who": _describe(data["kind"], data["value"])}


class ResetFormatter(LogFormatter):
    label = gettext_lazy("Reset two-step verification")
    message = gettext_lazy("Two-step verification reset")


def register_actions(actions):
    """The two actions in Wagtail's audit log (`register_log_actions`)."""
    actions.register_action(UNLOCK_ACTION)(UnlockFormatter)
    actions.register_action(RESET_ACTION)(ResetFormatter)

"""Who may help a staff member who cannot sign in, and who is locked out now.

Rights are Django permissions read through Wagtail's permission policies, never group names:
seeing the lockouts needs `axes.view_accessattempt`, unlocking `axes.delete_accessattempt`,
resetting a second factor `otp_totp.delete_totpdevice` and `otp_static.delete_staticdevice`
(superusers hold them all; the group editor offers them). Only a superuser may reset a
superuser's second factor.
"""

from dataclasses import dataclass
from datetime import datetime

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.db.models import Max, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.permission_policies import ModelPermissionPolicy

__all__ = [
    "ACCOUNT",
    "ADDRESS",
    "LOCKOUT_FIELDS",
    "Lockout",
    "can_reset_second_factor",
    "can_see_lockouts",
    "can_unlock",
    "current_lockouts",
]

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

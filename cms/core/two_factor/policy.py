"""Who must confirm their sign-in with a second factor.

Administrators (superusers) and whoever holds one of `ADMIN_2FA_REQUIRED_PERMISSIONS` (by
default the permission to read partners' internal notes, which partnership officers have):
the people who can reach confidential agreements and personal data. A permission, not a group
name, so that a group an administrator creates with the same rights is covered too.
"""

from django.conf import settings
from django_otp import user_has_device

DEFAULT_REQUIRED_PERMISSIONS = ["snippets.view_partner_internal"]


def requires_second_factor(user):
    """Whether this staff member may use the admin only after a second factor."""
    if not getattr(settings, "ADMIN_REQUIRE_2FA", True):
        return False
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    permissions = getattr(settings, "ADMIN_2FA_REQUIRED_PERMISSIONS", DEFAULT_REQUIRED_PERMISSIONS)
    return any(user.has_perm(permission) for permission in permissions)


def has_second_factor(user):
    """Whether the user has confirmed an authenticator app (recovery codes alone do not
    count: they are a way back in, not a factor to keep using)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_verify(user):
    """Whether a signed-in user has a second factor that this session has not yet checked."""
    return user_has_device(user, confirmed=True) and not user.is_verified()

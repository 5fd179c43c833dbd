"""The admin's second factor: an authenticator app (TOTP) and one-time recovery codes.

Why here and not wagtail-2fa: wagtail-2fa (1.8) declares Wagtail 2 to 4 and offers no
recovery codes; this is the small part of it the portal needs, on django-otp's TOTP and
static-token devices, which django-otp maintains. Who must use a second factor is decided by
permission (`policy.py`), never by group name; `ADMIN_REQUIRE_2FA` turns it off for the demo.
"""

from .policy import has_second_factor, requires_second_factor

__all__ = ["has_second_factor", "requires_second_factor"]

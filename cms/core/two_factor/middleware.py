"""Keeps a signed-in staff member out of the admin until their second factor is checked.

Runs after django-otp's OTPMiddleware (which tells whether this session was verified). Under
the admin's address, a user with a confirmed device is sent to the verification form; a user
whom the policy requires to have one and who has none is sent to set it up. Signing in and
out, the two-factor screens themselves and the admin's static helpers stay reachable.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from .policy import must_verify, requires_second_factor

OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "two_factor_verify",
    "two_factor_setup",
}


class AdminSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect = self.redirect_for(request)
        return redirect or self.get_response(request)

    def redirect_for(self, request):
        if not getattr(settings, "ADMIN_REQUIRE_2FA", True):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        try:
            url_name = resolve(request.path_info).url_name
        except Resolver404:
            return None
        if url_name in OPEN_URL_NAMES:
            return None
        if must_verify(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_verify"))
        if not user.is_verified() and requires_second_factor(user):
            return redirect_to_login(request.get_full_path(), reverse("two_factor_setup"))
        return None

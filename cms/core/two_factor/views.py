"""The admin's two-step verification screens: check a code, set up an authenticator app,
and see or renew the recovery codes.

Every attempt is logged (logger `cms.core.two_factor`) with the username and the client
address; django-otp throttles repeated wrong codes per device.
"""

import base64
import logging

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.core.public_forms import client_ip

from .policy import has_second_factor

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
RECOVERY_DEVICE_NAME = "recovery codes"
TOTP_DEVICE_NAME = "authenticator app"
_SESSION_CODES = "two_factor_new_recovery_codes"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=16,
        help_text=_("The six digits your authenticator app shows, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(candidate, {request.get_host()}, request.is_secure()):
        return candidate
    return reverse("wagtailadmin_home")


def _new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones; return them to be shown once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def verify(request):
    """Ask a signed-in user with a second factor for a code before the admin opens."""
    if request.user.is_verified() or not user_has_device(request.user, confirmed=True):
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            used_recovery = isinstance(device, StaticDevice)
            logger.info(
                "Second factor accepted for %s from %s (%s)",
                request.user.get_username(),
                client_ip(request),
                "recovery code" if used_recovery else "authenticator app",
            )
            if used_recovery:
                left = StaticToken.objects.filter(device=device).count()
                messages.warning(
                    request,
                    _(
                        "You signed in with a recovery code; %(count)s codes are left. "
                        "Renew them if they run low."
                    )
                    % {"count": left},
                )
            return redirect(_next_url(request))
        logger.warning(
            "Wrong second-factor code for %s from %s",
            request.user.get_username(),
            client_ip(request),
        )
        form.add_error("code", _("This code is not valid. Try the current one again."))
    return TemplateResponse(
        request, "two_factor/verify.html", {"form": form, "next": _next_url(request)}
    )


@sensitive_post_parameters("code")
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Pair an authenticator app with the account, then hand out recovery codes."""
    user = request.user
    if user_has_device(user, confirmed=True) and not user.is_verified():
        # A password alone must not be enough to add a device to an account that has one.
        return redirect_to_verify(request)
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                TOTPDevice.objects.filter(user=user, confirmed=True).delete()
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = _new_recovery_codes(user)
            otp_login(request, device)
            request.session[_SESSION_CODES] = codes
            logger.info(
                "Authenticator app set up for %s from %s", user.get_username(), client_ip(request)
            )
            messages.success(request, _("Two-step verification is on for your account."))
            return redirect("two_factor_recovery_codes")
        logger.warning(
            "Wrong code while setting up an authenticator app for %s from %s",
            user.get_username(),
            client_ip(request),
        )
        form.add_error("code", _("This code is not valid. Try the current one again."))
    secret = base64.b32encode(device.bin_key).decode("ascii")
    return TemplateResponse(
        request,
        "two_factor/setup.html",
        {
            "form": form,
            "qr_code": segno.make(device.config_url, error="m").svg_inline(scale=4),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "has_second_factor": has_second_factor(user),
        },
    )


@login_required(login_url="wagtailadmin_login")
def recovery_codes(request):
    """Show freshly made recovery codes once, or make new ones (the old ones stop working)."""
    user = request.user
    if not has_second_factor(user):
        return redirect("two_factor_setup")
    if request.method == "POST":
        request.session[_SESSION_CODES] = _new_recovery_codes(user)
        logger.info("Recovery codes renewed for %s", user.get_username())
        return redirect("two_factor_recovery_codes")
    codes = request.session.pop(_SESSION_CODES, None)
    left = StaticToken.objects.filter(device__user=user, device__name=RECOVERY_DEVICE_NAME).count()
    return TemplateResponse(
        request, "two_factor/recovery_codes.html", {"codes": codes, "codes_left": left}
    )


def redirect_to_verify(request):
    query = urlencode({"next": request.get_full_path()})
    return redirect(f"{reverse('two_factor_verify')}?{query}")

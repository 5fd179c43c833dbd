"""What a locked-out sign-in sees: django-axes counts failed admin sign-ins per account and
per address (AXES_* settings) and, past the limit, answers with this page (429) instead of
checking the password; an administrator unlocks from Settings → Sign-in lockouts
(`administration.py`) or with `manage.py axes_reset_username`."""

from axes.helpers import get_cool_off
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def locked_out(request, original_response=None, credentials=None):
    """The translated lockout page, in the admin's layout, with the wait in minutes."""
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60)) if cool_off else None
    response = TemplateResponse(
        request,
        "two_factor/locked_out.html",
        {"minutes": minutes, "title": _("Sign-in locked")},
        status=429,
    )
    return response.render()

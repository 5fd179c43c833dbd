"""Admin sign-in: wrong passwords are throttled per account and per address and logged, the
lockout page is translated and an administrator can lift it; administrators and partnership
officers must pass a second factor (authenticator app or a one-time recovery code), decided
by permission; the demo's setting turns the second factor off."""

import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.core.two_factor import requires_second_factor
from tests.snippets.admin.records import make_user

LOGIN = "/admin/login/"
DASHBOARD = "/admin/"
LIMIT = 3


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def sign_in(client, username, password, address="203.0.113.7", **extra):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": DASHBOARD},
        REMOTE_ADDR=address,
        **extra,
    )


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


# --- Throttling -------------------------------------------------------------------------------


def test_the_right_password_is_refused_after_too_many_wrong_ones_for_the_account(client, editor):
    for _ in range(LIMIT - 1):
        assert sign_in(client, "editor", "wrong").status_code == 200
    # The failure that reaches the limit is answered with the lockout page.
    assert sign_in(client, "editor", "wrong").status_code == 429
    # From another address too: the account itself is locked.
    response = sign_in(client, "editor", "pw", address="198.51.100.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert b"Too many failed sign-in attempts" in response.content


def test_an_address_that_tries_many_accounts_is_locked_out(client, editor, lead):
    for name in ("alice", "bob", "carol")[:LIMIT]:
        sign_in(client, name, "wrong", address="192.0.2.50")
    assert sign_in(client, "lead", "pw", address="192.0.2.50").status_code == 429
    # The same account from another address is not locked.
    assert sign_in(client, "lead", "pw", address="192.0.2.51").status_code == 302


def test_failures_below_the_limit_are_forgotten_after_a_successful_sign_in(client, editor):
    for _ in range(LIMIT - 1):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", "pw").status_code == 302
    client.logout()
    sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", "pw").status_code == 302


def test_failed_sign_ins_are_logged_with_account_and_address(client, editor, caplog):
    with caplog.at_level(logging.INFO, logger="axes"):
        sign_in(client, "editor", "wrong", address="203.0.113.99")
    assert any(
        "editor" in record.getMessage() and "203.0.113.99" in record.getMessage()
        for record in caplog.records
    )
    failure = AccessFailureLog.objects.get(username="editor")
    assert failure.ip_address == "203.0.113.99"
    assert failure.path_info == LOGIN


def test_the_address_counted_is_the_one_behind_the_trusted_proxies(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    sign_in(client, "editor", "wrong", address="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert AccessAttempt.objects.get(username="editor").ip_address == "203.0.113.5"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "Trop de tentatives de connexion"),
        ("es", "Demasiados intentos"),
        ("ru", "Слишком много неудачных попыток"),
        ("ar", "محاولات تسجيل دخول فاشلة"),
        ("zh-hans", "登录失败次数过多"),
    ],
)
def test_the_lockout_page_is_in_the_staff_members_language(client, editor, language, expected):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong")
    with translation.override(language):
        response = sign_in(client, "editor", "pw", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    assert expected in response.content.decode()


def test_an_administrator_unlocks_an_account_with_the_command(client, editor):
    for _ in range(LIMIT):
        sign_in(client, "editor", "wrong")
    assert sign_in(client, "editor", "pw").status_code == 429
    call_command("axes_reset_username", "editor")
    call_command("axes_reset_ip", "203.0.113.7")
    assert sign_in(client, "editor", "pw").status_code == 302


# --- Who needs a second factor ----------------------------------------------------------------


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_administrators_and_officers_need_a_second_factor_editors_do_not(
    superuser, officer, editor, translator
):
    assert requires_second_factor(superuser)
    assert requires_second_factor(officer)
    assert not requires_second_factor(editor)
    assert not requires_second_factor(translator)


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_the_requirement_follows_the_permission_not_the_group_name(db):
    group = Group.objects.create(name="Partnership desk (made by an administrator)")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="snippets", codename="view_partner_internal"
        ),
    )
    user = make_user("desk", group.name)
    assert requires_second_factor(user)


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_an_officer_without_a_device_is_sent_to_set_one_up(client, officer):
    client.force_login(officer)
    response = client.get("/admin/snippets/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))
    # An editor, who is not required to, goes on.
    client.logout()


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_an_editor_without_a_device_uses_the_admin(client, editor):
    client.force_login(editor)
    assert client.get(DASHBOARD).status_code == 200


@override_settings(ADMIN_REQUIRE_2FA=False)
def test_the_demo_setting_lets_every_demo_user_in_with_the_password_alone(
    client, superuser, officer
):
    for user in ("admin", "officer"):
        assert sign_in(client, user, "pw").status_code == 302
        assert client.get(DASHBOARD).status_code == 200
        client.logout()


def test_dev_settings_turn_the_second_factor_off_and_production_turns_it_on():
    from cms.settings import base

    assert base.ADMIN_REQUIRE_2FA is True  # production.py keeps base's default
    import importlib

    dev = importlib.import_module("cms.settings.dev")
    assert dev.ADMIN_REQUIRE_2FA is False


# --- Setting up and passing the second factor -------------------------------------------------


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_setting_up_an_app_opens_the_admin_and_gives_recovery_codes(client, officer):
    client.force_login(officer)
    page = client.get(reverse("two_factor_setup"))
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code
    device = TOTPDevice.objects.get(user=officer, confirmed=False)

    wrong = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert wrong.status_code == 200 and not TOTPDevice.objects.get(pk=device.pk).confirmed

    # django-otp throttles a device after a wrong code (1 s, then doubling): even the right
    # code is refused at once after a wrong one.
    throttled = client.post(reverse("two_factor_setup"), {"code": current_code(device)})
    assert throttled.status_code == 200
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    done = client.post(reverse("two_factor_setup"), {"code": current_code(device)})
    assert done["Location"] == reverse("two_factor_recovery_codes")
    codes_page = client.get(reverse("two_factor_recovery_codes")).content.decode()
    codes = list(StaticToken.objects.filter(device__user=officer).values_list("token", flat=True))
    assert len(codes) == 10 and all(code in codes_page for code in codes)
    # Shown once only.
    assert codes[0] not in client.get(reverse("two_factor_recovery_codes")).content.decode()
    assert client.get(DASHBOARD).status_code == 200


@pytest.fixture
def officer_with_app(officer):
    device = TOTPDevice.objects.create(user=officer, name="authenticator app", confirmed=True)
    recovery = StaticDevice.objects.create(user=officer, name="recovery codes", confirmed=True)
    recovery.token_set.create(token="abcd2345")
    recovery.token_set.create(token="efgh6789")
    return officer, device


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_password_alone_does_not_open_the_admin(client, officer_with_app):
    assert sign_in(client, "officer", "pw").status_code == 302
    response = client.get("/admin/snippets/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    # Nor can a second device be added with the password alone.
    setup = client.get(reverse("two_factor_setup"))
    assert setup["Location"].startswith(reverse("two_factor_verify"))


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_the_apps_code_opens_the_admin(client, officer_with_app):
    _officer, device = officer_with_app
    sign_in(client, "officer", "pw")
    response = client.post(
        reverse("two_factor_verify"), {"code": current_code(device), "next": "/admin/snippets/"}
    )
    assert response["Location"] == "/admin/snippets/"
    assert client.get(DASHBOARD).status_code == 200


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_a_recovery_code_opens_the_admin_once(client, officer_with_app, caplog):
    sign_in(client, "officer", "pw")
    with caplog.at_level(logging.INFO, logger="cms.core.two_factor"):
        response = client.post(reverse("two_factor_verify"), {"code": "ABCD 2345"})
    assert response.status_code == 302
    assert client.get(DASHBOARD).status_code == 200
    assert any("recovery code" in record.getMessage() for record in caplog.records)
    client.logout()

    sign_in(client, "officer", "pw")
    again = client.post(reverse("two_factor_verify"), {"code": "abcd2345"})
    assert again.status_code == 200
    assert b"This code is not valid" in again.content
    assert client.get(DASHBOARD).status_code == 302


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_wrong_codes_are_logged(client, officer_with_app, caplog):
    sign_in(client, "officer", "pw", address="203.0.113.44")
    with caplog.at_level(logging.WARNING, logger="cms.core.two_factor"):
        client.post(reverse("two_factor_verify"), {"code": "123456"})
    assert any(
        "officer" in record.getMessage() and "203.0.113.44" in record.getMessage()
        for record in caplog.records
    )


@override_settings(ADMIN_REQUIRE_2FA=True)
def test_renewing_recovery_codes_voids_the_old_ones(client, officer_with_app):
    sign_in(client, "officer", "pw")
    client.post(reverse("two_factor_verify"), {"code": "efgh6789"})
    client.post(reverse("two_factor_recovery_codes"))
    tokens = set(
        StaticToken.objects.filter(device__user=officer_with_app[0]).values_list("token", flat=True)
    )
    assert len(tokens) == 10 and "abcd2345" not in tokens


def test_an_administrator_issues_a_recovery_code_to_a_user_who_lost_their_phone(
    officer_with_app,
):
    call_command("addstatictoken", "officer", "-t", "lost2345")
    assert StaticToken.objects.filter(device__user=officer_with_app[0], token="lost2345").exists()


def test_the_account_page_leads_to_two_step_verification(client, editor):
    client.force_login(editor)
    response = client.get("/admin/account/")
    assert response.status_code == 200
    assert reverse("two_factor_setup") in response.content.decode()

"""An administrator helps a staff member who cannot sign in, from the admin: Settings → Sign-in
lockouts lists the accounts and addresses locked out now with "Unlock" (confirmed, POST with
CSRF), and the Users listing offers "Reset two-step verification". Both are allowed by
permission, never by group name, and written to Wagtail's audit log."""

import logging

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.contrib.auth.models import Group, Permission
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from cms.core.two_factor.administration import RESET_ACTION, UNLOCK_ACTION
from tests.snippets.admin.records import make_user

LOGIN = "/admin/login/"
LOCKOUTS = "/admin/sign-in-lockouts/"
UNLOCK = "/admin/sign-in-lockouts/unlock/"
LIMIT = 3


@pytest.fixture(autouse=True)
def _small_limit(settings):
    settings.AXES_FAILURE_LIMIT = LIMIT


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def lock_out(username, address="203.0.113.7"):
    client = Client()
    for _ in range(LIMIT):
        sign_in(client, username, "wrong", address)
    assert sign_in(client, username, "pw", address).status_code == 429


def signed_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


def listing(response):
    """The text of the page's table of lockouts (the admin's menu names "editor" too)."""
    body = response.content.decode()
    return body[
        body.index('<table class="listing">') : body.index(
            "</table>", body.index('<table class="listing">')
        )
    ]


def menu_has_lockouts(client):
    return LOCKOUTS in client.get("/admin/").content.decode()


@pytest.fixture
def security_officer(db):
    """Staff in a group an administrator made, holding the lockout permissions only."""
    group = Group.objects.create(name="IT helpdesk")
    group.permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["wagtailadmin", "axes"],
            codename__in=["access_admin", "view_accessattempt", "delete_accessattempt"],
        )
    )
    user = make_user("helpdesk", is_staff=True)
    user.groups.add(group)
    return user


@pytest.fixture
def officer_with_app(officer):
    TOTPDevice.objects.create(user=officer, name="authenticator app", confirmed=True)
    recovery = StaticDevice.objects.create(user=officer, name="recovery codes", confirmed=True)
    recovery.token_set.create(token="abcd2345")
    return officer


# --- Sign-in lockouts ------------------------------------------------------------------------


def test_an_administrator_unlocks_a_locked_account_and_its_owner_signs_in(
    superuser, editor, caplog
):
    lock_out("editor")
    admin = signed_in(superuser)
    assert menu_has_lockouts(admin)

    response = admin.get(LOCKOUTS)
    assert response.status_code == 200
    body = listing(response)
    assert "editor" in body and "203.0.113.7" in body  # the account and the address
    assert f"{UNLOCK}?account=editor" in body

    confirm = admin.get(UNLOCK, {"account": "editor"})
    assert confirm.status_code == 200
    assert 'method="post"' in confirm.content.decode()
    assert AccessAttempt.objects.filter(username="editor").exists()  # a GET changes nothing

    failures_logged = AccessFailureLog.objects.filter(username="editor").count()
    with caplog.at_level(logging.INFO, logger="cms.core.two_factor"):
        response = admin.post(UNLOCK, {"account": "editor"})
    assert response.status_code == 302
    assert response["Location"] == LOCKOUTS
    assert sign_in(Client(), "editor", "pw").status_code == 302
    assert "editor" not in listing(admin.get(LOCKOUTS))
    # The history of failures is kept.
    assert AccessFailureLog.objects.filter(username="editor").count() == failures_logged

    entry = ModelLogEntry.objects.get(action=UNLOCK_ACTION)
    assert (entry.user, entry.label, entry.data) == (
        superuser,
        "editor",
        {"kind": "account", "value": "editor"},
    )
    assert "editor" in entry.message
    history = admin.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Sign-in unlocked for the account “editor”" in history
    assert any("unlocked" in r.getMessage() and "admin" in r.getMessage() for r in caplog.records)


def test_an_address_that_tried_many_accounts_is_unlocked(superuser, lead):
    client = Client()
    for name in ("alice", "bob", "carol"):
        sign_in(client, name, "wrong", address="192.0.2.50")
    assert sign_in(client, "lead", "pw", address="192.0.2.50").status_code == 429
    admin = signed_in(superuser)
    assert "192.0.2.50" in listing(admin.get(LOCKOUTS))

    admin.post(UNLOCK, {"address": "192.0.2.50"})
    assert sign_in(client, "lead", "pw", address="192.0.2.50").status_code == 302
    assert ModelLogEntry.objects.get(action=UNLOCK_ACTION).data["kind"] == "address"


def test_accounts_below_the_limit_are_not_listed(superuser, editor):
    sign_in(Client(), "editor", "wrong")
    assert "Nobody is locked out" in listing(signed_in(superuser).get(LOCKOUTS))


def test_unlocking_an_account_that_is_no_longer_locked_says_so(superuser, editor):
    response = signed_in(superuser).post(UNLOCK, {"account": "editor"}, follow=True)
    assert "is no longer locked out" in response.content.decode()
    assert not ModelLogEntry.objects.filter(action=UNLOCK_ACTION).exists()


def test_an_editor_has_no_menu_item_and_is_refused(editor, lead):
    lock_out("lead")
    client = signed_in(editor)
    assert not menu_has_lockouts(client)
    assert client.get(LOCKOUTS).status_code == 403
    assert client.get(UNLOCK, {"account": "lead"}).status_code == 403
    assert client.post(UNLOCK, {"account": "lead"}).status_code == 403
    assert sign_in(Client(), "lead", "pw", address="198.51.100.1").status_code == 429
    assert not ModelLogEntry.objects.filter(action=UNLOCK_ACTION).exists()


def test_the_right_comes_from_the_permission_not_the_group_name(security_officer, editor):
    lock_out("editor")
    client = signed_in(security_officer)
    assert menu_has_lockouts(client)
    client.post(UNLOCK, {"account": "editor"})
    assert sign_in(Client(), "editor", "pw").status_code == 302


def test_seeing_the_lockouts_does_not_allow_unlocking(security_officer, editor):
    security_officer.groups.get().permissions.remove(
        Permission.objects.get(content_type__app_label="axes", codename="delete_accessattempt")
    )
    lock_out("editor")
    client = signed_in(security_officer)
    response = client.get(LOCKOUTS)
    assert response.status_code == 200
    assert "editor" in listing(response)
    assert UNLOCK not in listing(response)
    assert client.post(UNLOCK, {"account": "editor"}).status_code == 403


def test_unlocking_needs_the_csrf_token(superuser, editor):
    lock_out("editor")
    client = Client(enforce_csrf_checks=True)
    client.force_login(superuser)
    assert client.post(UNLOCK, {"account": "editor"}).status_code == 403
    assert sign_in(Client(), "editor", "pw").status_code == 429


def test_the_lockout_permissions_are_offered_in_the_group_editor(superuser):
    group = Group.objects.create(name="Any group")
    response = signed_in(superuser).get(reverse("wagtailusers_groups:edit", args=[group.pk]))
    body = response.content.decode()
    for codename in ("view_accessattempt", "delete_accessattempt"):
        permission = Permission.objects.get(content_type__app_label="axes", codename=codename)
        assert f'value="{permission.pk}"' in body


# --- Second factor reset ---------------------------------------------------------------------


def reset_url(user):
    return reverse("two_factor_reset", args=[user.pk])


def test_an_administrator_resets_a_lost_second_factor(superuser, officer_with_app, caplog):
    officer = officer_with_app
    admin = signed_in(superuser)
    assert reset_url(officer) in admin.get("/admin/users/").content.decode()
    confirm = admin.get(reset_url(officer))
    assert confirm.status_code == 200
    assert "Authenticator app" in confirm.content.decode()
    assert TOTPDevice.objects.filter(user=officer).exists()  # a GET changes nothing

    with caplog.at_level(logging.INFO, logger="cms.core.two_factor"):
        response = admin.post(reset_url(officer))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticDevice.objects.filter(user=officer).exists()
    entry = ModelLogEntry.objects.get(action=RESET_ACTION)
    assert (entry.user, entry.object_id, entry.data) == (superuser, str(officer.pk), {"devices": 2})
    assert any("officer" in r.getMessage() and "reset" in r.getMessage() for r in caplog.records)
    history = admin.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Two-step verification reset" in history

    # The officer signs in with the password alone and is sent to set up a new app.
    with override_settings(ADMIN_REQUIRE_2FA=True):
        client = Client()
        assert sign_in(client, "officer", "pw").status_code == 302
        redirect = client.get("/admin/snippets/")
    assert redirect["Location"].startswith(reverse("two_factor_setup"))


def test_the_reset_is_offered_only_for_users_with_a_second_factor(superuser, officer, editor):
    TOTPDevice.objects.create(user=officer, name="authenticator app", confirmed=True)
    users = signed_in(superuser).get("/admin/users/").content.decode()
    assert reset_url(officer) in users
    assert reset_url(editor) not in users


def test_an_editor_may_not_reset_a_second_factor(editor, officer_with_app):
    client = signed_in(editor)
    assert reset_url(officer_with_app) not in client.get("/admin/users/").content.decode()
    assert client.get(reset_url(officer_with_app)).status_code == 403
    assert client.post(reset_url(officer_with_app)).status_code == 403
    assert TOTPDevice.objects.filter(user=officer_with_app).exists()
    assert not ModelLogEntry.objects.filter(action=RESET_ACTION).exists()


def test_only_a_superuser_resets_a_superusers_second_factor(security_officer, superuser):
    security_officer.groups.get().permissions.add(
        *Permission.objects.filter(codename__in=["delete_totpdevice", "delete_staticdevice"])
    )
    TOTPDevice.objects.create(user=superuser, name="authenticator app", confirmed=True)
    officer = make_user("someone", is_staff=True)
    TOTPDevice.objects.create(user=officer, name="authenticator app", confirmed=True)
    client = signed_in(security_officer)
    assert client.post(reset_url(superuser)).status_code == 403
    assert TOTPDevice.objects.filter(user=superuser).exists()
    assert client.post(reset_url(officer)).status_code == 302
    assert not TOTPDevice.objects.filter(user=officer).exists()

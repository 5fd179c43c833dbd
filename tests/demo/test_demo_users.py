"""Demo users are usable accounts: each can change their own admin language at once (Wagtail's
account settings require a first and a last name, which the demo gives every user)."""

import pytest
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import override

from cms.demo.users import DEMO_PASSWORD, demo_users, load_users

pytestmark = pytest.mark.django_db


def account_form_data(response):
    """What the browser sends back from the account page unchanged: every panel's fields,
    with their prefixes and current values."""
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for name, field in form.fields.items():
                if isinstance(field, forms.FileField):
                    continue  # no file chosen: the browser sends none
                value = form[name].value()
                if value is None or name.startswith("old_password") or "password" in name:
                    continue
                if isinstance(value, bool):
                    if value:
                        data[form.add_prefix(name)] = "on"
                    continue
                data[form.add_prefix(name)] = value
    return data


@pytest.mark.parametrize("username", [name for name, *_rest in demo_users()])
def test_a_demo_user_changes_their_admin_language_in_one_go(client, username):
    load_users()
    user = get_user_model().objects.get(username=username)
    assert user.first_name and user.last_name
    assert user.check_password(DEMO_PASSWORD)
    client.force_login(user)

    page = client.get("/admin/account/")
    assert page.status_code == 200
    data = account_form_data(page)
    data["locale-preferred_language"] = "fr"
    response = client.post("/admin/account/", data)

    assert response.status_code == 302, response.context and [
        (panel.name, panel.get_form().errors)
        for panels in response.context["panels_by_tab"].values()
        for panel in panels
    ]
    user.wagtail_userprofile.refresh_from_db()
    assert user.wagtail_userprofile.preferred_language == "fr"
    with override("fr"):
        assert "Tableau de bord" in client.get("/admin/").content.decode()


def test_loading_again_names_the_users_an_older_loader_left_nameless():
    load_users()
    User = get_user_model()
    User.objects.filter(username="editor").update(first_name="", last_name="")
    load_users()
    editor = User.objects.get(username="editor")
    assert editor.get_full_name() == "Grace Mwangi"

"""Who may open each listing of partnership records (the matrix of cms/core/roles.py)."""

import pytest
from django.urls import reverse

from cms.snippets.models import (
    Agreement,
    AgreementType,
    BeneficiaryRegion,
    Country,
    FundingMechanism,
    FundingType,
    MembershipCategory,
    Partner,
    PartnerKind,
    Recognition,
    SustainableDevelopmentGoal,
    ThematicArea,
)

VOCABULARIES = [
    BeneficiaryRegion,
    ThematicArea,
    PartnerKind,
    MembershipCategory,
    FundingType,
    FundingMechanism,
    AgreementType,
    SustainableDevelopmentGoal,
]
ALL_MODELS = [*VOCABULARIES, Country, Partner, Agreement, Recognition]

# Which listings each role opens; everything else refuses them.
ALLOWED = {
    "superuser": set(ALL_MODELS),
    "officer": set(ALL_MODELS),
    "editor": {*VOCABULARIES, Country, Partner, Recognition},
    "translator": {*VOCABULARIES, Partner, Recognition},
    "staff_without_rights": set(),
}


def list_url(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def add_url(model):
    return reverse(model.snippet_viewset.get_url_name("add"))


def model_id(model):
    return model.__name__


@pytest.mark.parametrize("model", ALL_MODELS, ids=model_id)
def test_anonymous_visitors_are_sent_to_the_login_page(client, db, model):
    response = client.get(list_url(model))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("role", sorted(ALLOWED))
@pytest.mark.parametrize("model", ALL_MODELS, ids=model_id)
def test_each_role_opens_exactly_its_listings(client, request, role, model):
    user = request.getfixturevalue(role)
    client.force_login(user)
    response = client.get(list_url(model))
    if model in ALLOWED[role]:
        assert response.status_code == 200
        assert response.context["verbose_name_plural"] == model._meta.verbose_name_plural
    else:
        # Wagtail sends a signed-in user without the right back to the dashboard.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize(
    ("role", "model", "may_add"),
    [
        ("officer", Agreement, True),
        ("officer", Partner, True),
        ("editor", Recognition, True),
        ("editor", Partner, False),
        ("editor", ThematicArea, False),
        ("translator", Partner, False),
        ("translator", Recognition, False),
    ],
)
def test_add_form_follows_the_add_right(client, request, role, model, may_add):
    client.force_login(request.getfixturevalue(role))
    response = client.get(add_url(model))
    assert (response.status_code == 200) is may_add


def test_menu_groups_records_and_hides_agreements_from_editors(client, editor, officer):
    client.force_login(editor)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Partnerships" in menu
    assert "Vocabularies" in menu
    assert list_url(Partner) in menu
    assert list_url(Agreement) not in menu

    client.force_login(officer)
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert list_url(Agreement) in menu

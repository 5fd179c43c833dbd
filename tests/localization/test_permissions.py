"""Each role's rights in the translation workflow: translators work in their own language
only, and never on a page that is restricted from them."""

import warnings

import pytest
from django.contrib.auth.models import Group
from django.core.paginator import UnorderedObjectListWarning
from django.urls import reverse
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail_localize.models import Translation

from cms.core.roles import OFFICERS
from cms.pages.factories import StandardPageFactory
from cms.snippets.factories import PartnerFactory
from cms.snippets.models import Partner

from .matrix import matrix_rows, matrix_url
from .workflow import (
    committed,
    edit_url,
    fix_segment,
    machine_translate,
    publish,
    submit,
    submit_url,
    sync,
    translation_of,
)

pytestmark = pytest.mark.django_db


def denied(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def locale(code):
    return Locale.objects.get(language_code=code)


@pytest.fixture
def homes(client, superuser, home_page):
    """The home page in French and Arabic, translated and published by an administrator."""
    client.force_login(superuser)
    submit(client, home_page, "fr", "ar")
    for code in ("fr", "ar"):
        publish(client, translation_of(home_page, code))
    client.logout()
    return {code: home_page.get_translation(locale(code)) for code in ("fr", "ar")}


@pytest.fixture
def page(home_page, homes):
    with committed():
        return StandardPageFactory(parent=home_page, title="Connect a school")


@pytest.fixture
def restricted_page(client, superuser, home_page, homes):
    """A page only partnership officers may read, already translated into French."""
    with committed():
        page = StandardPageFactory(parent=home_page, title="Board papers")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=OFFICERS)])
    client.force_login(superuser)
    submit(client, page, "fr")
    client.logout()
    return page


def test_translators_edit_pages_of_their_own_language_only(client, french_translator, homes):
    assert homes["fr"].permissions_for_user(french_translator).can_publish()
    assert not homes["ar"].permissions_for_user(french_translator).can_edit()
    english = homes["fr"].get_translation(locale("en"))
    assert not english.permissions_for_user(french_translator).can_edit()

    client.force_login(french_translator)
    assert client.get(edit_url(homes["fr"])).status_code == 200
    assert denied(client.get(edit_url(homes["ar"])))
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_translator_can_start_a_translation_into_their_language_only(
    client, french_translator, page
):
    client.force_login(french_translator)
    response = submit(client, page, "ar")
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors["locales"]
    assert not Page.objects.filter(translation_key=page.translation_key, locale=locale("ar"))

    form = client.get(submit_url(page)).context["form"]
    assert [choice.language_code for choice in form.fields["locales"].queryset] == ["fr"]

    assert submit(client, page, "fr").status_code == 302
    assert Page.objects.filter(translation_key=page.translation_key, locale=locale("fr")).exists()


def test_a_translator_works_on_translations_of_their_language_only(
    client, superuser, french_translator, page
):
    client.force_login(superuser)
    submit(client, page, "fr", "ar")
    arabic = translation_of(page, "ar")
    french = translation_of(page, "fr")

    client.force_login(french_translator)
    assert denied(fix_segment(client, arabic, "title", "ربط مدرسة"))
    assert denied(machine_translate(client, arabic))
    download = reverse("wagtail_localize:download_pofile", args=[arabic.pk])
    assert denied(client.get(download))
    assert fix_segment(client, french, "title", "Connecter une école").status_code in (200, 201)
    assert publish(client, french).status_code == 302
    assert page.get_translation(locale("fr")).live


def test_a_restricted_page_is_kept_from_translators(
    client, french_translator, officer, restricted_page
):
    client.force_login(french_translator)
    assert denied(client.get(submit_url(restricted_page)))
    assert denied(submit(client, restricted_page, "fr"))
    french = restricted_page.get_translation(locale("fr"))
    assert denied(client.get(edit_url(french)))
    assert denied(fix_segment(client, translation_of(restricted_page, "fr"), "title", "Documents"))
    assert "Board papers" not in matrix_rows(client)


def test_a_translator_in_the_restricting_group_may_translate_it(
    client, french_translator, restricted_page
):
    french_translator.groups.add(Group.objects.get(name=OFFICERS))
    client.force_login(french_translator)
    # Now an officer too: no longer limited to the translators' rules.
    assert client.get(submit_url(restricted_page)).status_code == 200


def test_translators_change_snippets_of_their_language_only(client, superuser, french_translator):
    with committed():
        partner = PartnerFactory(name="Digital Bridge Foundation")
    client.force_login(superuser)
    submit(client, partner, "fr", "ar")
    french = partner.get_translation(locale("fr"))
    arabic = partner.get_translation(locale("ar"))

    client.force_login(french_translator)
    assert client.get(edit_url(french)).status_code == 200
    assert denied(client.get(edit_url(arabic)))
    assert denied(client.get(edit_url(partner)))  # the English source
    delete = reverse(Partner.snippet_viewset.get_url_name("delete"), args=[french.pk])
    assert denied(client.post(delete))
    assert Partner.objects.filter(pk=french.pk).exists()
    assert submit(client, partner, "es").status_code == 200  # not their language


def test_sync_is_for_those_who_edit_the_source(
    client, superuser, editor, lead, french_translator, page
):
    client.force_login(superuser)
    submit(client, page, "fr")
    source = translation_of(page, "fr").source
    url = reverse("wagtail_localize:update_translations", args=[source.pk])

    client.force_login(french_translator)
    assert denied(client.get(url))
    client.force_login(editor)
    assert client.get(url).status_code == 200
    # Sync never publishes (a forged "publish immediately" is ignored), so an editor who may
    # not publish may sync: the translations wait for their publishers.
    assert sync(client, page, publish_translations=True).status_code == 302
    assert not page.get_translation(locale("fr")).live
    client.force_login(lead)
    assert sync(client, page, publish_translations=True).status_code == 302
    assert not page.get_translation(locale("fr")).live


def test_the_matrix_is_for_people_who_translate(client, french_translator, editor, officer, page):
    response = client.get(matrix_url())
    assert response.status_code == 302
    assert "/login/" in response["Location"]

    for user in (french_translator, editor, officer):
        client.force_login(user)
        assert client.get(matrix_url()).status_code == 200

    staff = Group.objects.create(name="Visitors")
    from tests.snippets.admin.records import make_user

    visitor = make_user("visitor", staff.name, is_staff=True)
    from django.contrib.auth.models import Permission

    visitor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(visitor)
    assert denied(client.get(matrix_url()))


def test_a_translator_sees_links_into_their_own_language_only(client, french_translator, page):
    client.force_login(french_translator)
    row = matrix_rows(client, q="Connect a school")["Connect a school"]
    assert row["fr"][2] == f"{submit_url(page)}?select_locale=fr"
    assert row["ar"][2] is None
    assert row["en"][2] is None


def test_wagtail_localize_report_is_not_for_translators(client, french_translator, lead, page):
    url = reverse("wagtail_localize:translations_report")
    client.force_login(french_translator)
    assert denied(client.get(url))
    client.force_login(lead)
    assert client.get(url).status_code == 200


def test_wagtail_localize_report_lists_the_newest_translations_first(client, lead, homes):
    client.force_login(lead)
    with warnings.catch_warnings():
        # Django warns when a list without an order is paginated.
        warnings.simplefilter("error", UnorderedObjectListWarning)
        response = client.get(reverse("wagtail_localize:translations_report"))
    assert response.status_code == 200
    listed = [translation.pk for translation in response.context["object_list"]]
    newest_first = Translation.objects.order_by("-created_at", "-pk").values_list("pk", flat=True)
    assert len(listed) == 2
    assert listed == list(newest_first)


def test_officers_translate_partnership_records_into_any_language(client, officer):
    with committed():
        partner = PartnerFactory(name="Digital Bridge Foundation")
    client.force_login(officer)
    assert submit(client, partner, "ar", "zh-hans").status_code == 302
    for code in ("ar", "zh-hans"):
        translated = partner.get_translation(locale(code))
        assert client.get(edit_url(translated)).status_code == 200


def test_editors_cannot_translate_partnership_records(client, editor):
    with committed():
        partner = PartnerFactory(name="Digital Bridge Foundation")
    client.force_login(editor)
    # Editors only read partners: no language to offer, and a forged request creates nothing.
    assert list(client.get(submit_url(partner)).context["form"].fields["locales"].queryset) == []
    response = submit(client, partner, "fr")
    assert response.status_code == 200
    assert response.context["form"].errors["locales"]
    assert not Partner.objects.filter(translation_key=partner.translation_key, locale=locale("fr"))


def test_translators_cannot_create_their_language_home_page(client, french_translator, home_page):
    """A new language's home page is the administrators' to create."""
    client.force_login(french_translator)
    response = submit(client, home_page, "fr")
    assert response.status_code == 200
    assert not Page.objects.filter(translation_key=home_page.translation_key, locale=locale("fr"))

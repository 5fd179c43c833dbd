"""Machine translations are marked "not reviewed" until a person saves them (in the editor and
in the matrix); an outdated translation shows what changed in its source, and a translator
asks for a sync, which e-mails the people who may do it in their own language. The matrix
links only to what the user may do."""

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.models import Site
from wagtail.users.models import UserProfile

from cms.localization.models import TranslationStatus
from cms.pages.factories import StandardPageFactory
from cms.snippets.factories import PartnerFactory
from tests.rollback import refetched, rolled_back
from tests.snippets.admin.records import make_user

from .matrix import matrix_rows
from .workflow import (
    committed,
    edit_url,
    fix_segment,
    machine_translate,
    publish,
    review,
    submit,
    submit_url,
    target,
    translation_of,
)

pytestmark = pytest.mark.django_db

TITLE = "Connect a school"


def make_page(superuser):
    """The home page translated into French by an administrator, and an English page under
    it, not yet translated."""
    client = Client()
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    client.force_login(superuser)
    submit(client, home_page, "fr")
    translation = translation_of(home_page, "fr")
    fix_segment(client, translation, "title", "Accueil")
    publish(client, translation)
    client.logout()
    with committed():
        return StandardPageFactory(
            parent=home_page,
            title=TITLE,
            introduction="Schools need broadband.",
            seo_title="Broadband for schools",
        )


def build():
    superuser = make_user("admin", is_superuser=True, is_staff=True)
    return {"superuser": superuser, "page": make_page(superuser)}


# The French home page and the English page, built once for the module: every test starts
# from them. Each test runs in a savepoint of its own (its translation, review, sync request
# and e-mails are rolled back with it) with fresh copies.
@pytest.fixture(scope="module", autouse=True)
def page_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def superuser(db, page_records):
    """The administrator who translated the home page (tests/conftest.py's)."""
    return refetched(page_records["superuser"])


@pytest.fixture
def page(db, page_records):
    return refetched(page_records["page"])


@pytest.fixture
def machine_translated(client, french_translator, page):
    """The page started and machine-translated into French by the French translator."""
    client.force_login(french_translator)
    submit(client, page, "fr")
    translation = translation_of(page, "fr")
    machine_translate(client, translation)
    return translation


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_editor_lists_the_segments_not_reviewed(client, machine_translated):
    response = client.get(edit_url(target(machine_translated)))
    assert response.status_code == 200
    (warning,) = [text for text in messages_of(response) if "nobody has reviewed" in text]
    assert warning.startswith("3 segments are machine translations nobody has reviewed yet")
    assert "nobody has reviewed yet" in response.content.decode()  # shown above the editor
    for label in ("Title", "Introduction"):
        assert label in warning
    assert "Slug" not in warning  # made from the title, never reviewed on its own

    fix_segment(client, machine_translated, "title", "Connecter une école")
    response = client.get(edit_url(target(machine_translated)))
    (warning,) = [text for text in messages_of(response) if "nobody has reviewed" in text]
    assert warning.startswith("2 segments")
    review(client, machine_translated)
    response = client.get(edit_url(target(machine_translated)))
    assert not [text for text in messages_of(response) if "nobody has reviewed" in text]


def test_the_matrix_says_machine_not_reviewed_until_reviewed(client, machine_translated):
    state, text, link = matrix_rows(client, q=TITLE)[TITLE]["fr"]
    assert (state, text) == ("machine", "Machine, not reviewed 100 %")
    assert link == edit_url(target(machine_translated))
    assert matrix_rows(client, language="fr", state="machine").keys() == {TITLE}

    review(client, machine_translated)
    assert matrix_rows(client, q=TITLE)[TITLE]["fr"][0] == "in_progress"  # not published yet
    publish(client, machine_translated)
    assert matrix_rows(client, q=TITLE)[TITLE]["fr"][0] == "up_to_date"


def test_publishing_unreviewed_machine_segments_needs_a_confirmation(client, machine_translated):
    response = publish(client, machine_translated)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    form = soup.select_one("form[method=post]")
    assert form.select_one("input[name=confirm_machine_translations]")["value"] == "1"
    assert form.select_one("input[name=action]")["value"] == "publish"
    assert [item.get_text() for item in soup.select(".unreviewed-segments li")] == [
        "Introduction",
        "Title tag",
        "Title",
    ]
    assert not target(machine_translated).live

    assert publish(client, machine_translated, confirm=True).status_code == 302
    assert target(machine_translated).live


def test_bulk_publishing_unreviewed_machine_segments_needs_the_same_confirmation(
    client, machine_translated
):
    # Wagtail's bulk "Publish" in the page listing, on the French draft with its checkbox
    # "include descendants" ticked: the confirmation sends the same form back.
    draft = target(machine_translated)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={draft.pk}&next=/admin/pages/"
    )

    response = client.post(url, {"include_descendants": "on"})

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert [item.get_text() for item in soup.select(".unreviewed-segments li")] == [
        "Introduction",
        "Title tag",
        "Title",
    ]
    form = soup.select_one("form[method=post]")
    fields = {field["name"]: field["value"] for field in form.select("input[type=hidden]")}
    assert fields["confirm_machine_translations"] == "1"
    assert fields["include_descendants"] == "on"
    assert form["action"] == url
    assert soup.select_one("a.button-secondary")["href"] == "/admin/pages/"
    assert not target(machine_translated).live

    fields.pop("csrfmiddlewaretoken", None)
    assert client.post(url, fields).status_code == 302
    assert target(machine_translated).live


def test_bulk_publishing_reviewed_translations_asks_nothing(client, machine_translated):
    review(client, machine_translated)
    draft = target(machine_translated)
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))

    assert client.post(f"{url}?id={draft.pk}", {}).status_code == 302
    assert target(machine_translated).live


def test_a_publisher_without_machine_segments_is_not_asked(client, french_translator, page):
    client.force_login(french_translator)
    submit(client, page, "fr")
    translation = translation_of(page, "fr")
    for path, text in [
        ("title", "Connecter une école"),
        ("introduction", "Les écoles ont besoin du haut débit."),
        ("seo_title", "Le haut débit pour les écoles"),
    ]:
        fix_segment(client, translation, path, text)
    assert publish(client, translation).status_code == 302
    assert target(translation).live


@pytest.fixture
def outdated(client, superuser, page):
    """The page translated into French and published; then its English introduction
    changes."""
    client.force_login(superuser)
    submit(client, page, "fr")
    translation = translation_of(page, "fr")
    fix_segment(client, translation, "title", "Connecter une école")
    machine_translate(client, translation)
    review(client, translation)
    publish(client, translation)
    page.introduction = "Schools and libraries need broadband."
    with committed():
        page.save_revision().publish()
    client.logout()
    return translation


def changes_url(client):
    html = client.get(reverse("translation_matrix"), {"q": TITLE}).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    link = soup.select_one("td[data-language=fr] a.translation-matrix__changes")
    return link["href"] if link else None


def test_a_translator_sees_what_changed_and_asks_for_a_sync(
    client,
    french_translator,
    editor,
    lead,
    officer,
    superuser,
    outdated,
    django_capture_on_commit_callbacks,
):
    UserProfile.objects.update_or_create(user=lead, defaults={"preferred_language": "fr"})
    client.force_login(french_translator)
    state, _text, _link = matrix_rows(client, q=TITLE)[TITLE]["fr"]
    assert state == "outdated"
    html = client.get(reverse("translation_matrix"), {"q": TITLE}).content.decode()
    assert "translation-matrix__sync" not in html  # translators do not sync
    url = changes_url(client)
    assert url

    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    rows = soup.select("table.translation-changes tbody tr")
    assert [row["data-field"] for row in rows] == ["introduction"]
    cells = [cell.get_text(strip=True) for cell in rows[0].find_all("td")]
    assert cells == ["Schools need broadband.", "Schools and libraries need broadband."]
    assert soup.select_one("form.translation-changes__request")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"language": "fr"})
    assert response.status_code == 302
    recipients = {message.to[0]: message for message in mail.outbox}
    # Everyone who may edit the English page and sync it: not the officer, not translators.
    assert set(recipients) == {editor.email, lead.email, superuser.email}
    english = recipients[editor.email]
    assert TITLE in english.subject
    assert "Schools and libraries need broadband." in english.body
    assert reverse("wagtail_localize:update_translations", args=[outdated.source.pk]) in (
        english.body
    )
    assert english.reply_to == [french_translator.email]
    french = recipients[lead.email]
    assert french.subject.startswith("Merci de synchroniser")


def test_asking_again_for_the_same_sync_mails_nobody_again(
    client, french_translator, editor, lead, superuser, outdated, django_capture_on_commit_callbacks
):
    UserProfile.objects.update_or_create(
        user=french_translator, defaults={"preferred_language": "fr"}
    )
    client.force_login(french_translator)
    url = changes_url(client)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"language": "fr"})
    assert len(mail.outbox) == 3

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"language": "fr"}, follow=True)
        client.post(url, {"language": "fr"})

    assert len(mail.outbox) == 3  # the same three messages, nobody mailed twice
    (warning,) = [m for m in messages_of(response) if "24" in m]
    assert warning.startswith("Vous avez déjà demandé cette synchronisation")


def test_only_the_translators_language_can_be_asked_for(client, arabic_translator, outdated):
    client.force_login(arabic_translator)
    assert changes_url(client) is None  # the outdated cell is French: no link in Arabic
    status = TranslationStatus.objects.get(title=TITLE)
    url = reverse("translation_changes", args=[status.pk])
    mail.outbox.clear()
    assert client.post(url, {"language": "fr"}).status_code in (302, 403)
    assert mail.outbox == []


def test_those_who_may_sync_get_the_sync_link_not_the_request(client, editor, outdated):
    client.force_login(editor)
    html = client.get(reverse("translation_matrix"), {"q": TITLE}).content.decode()
    assert reverse("wagtail_localize:update_translations", args=[outdated.source.pk]) in html
    response = client.get(changes_url(client))
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("form.translation-changes__request") is None
    sync_link = soup.find("a", href=lambda href: href and "/localize/update/" in href)
    assert sync_link is not None


def test_no_link_to_start_a_translation_the_user_could_not_start(
    client, french_translator, arabic_translator, page
):
    """The Arabic home page does not exist: an Arabic translator may not create it, so the
    matrix offers no "start" link in Arabic; the French translator gets theirs."""
    client.force_login(arabic_translator)
    assert matrix_rows(client, q=TITLE)[TITLE]["ar"][2] is None
    client.force_login(french_translator)
    assert matrix_rows(client, q=TITLE)[TITLE]["fr"][2] == f"{submit_url(page)}?select_locale=fr"


def test_no_edit_link_for_a_translation_the_user_may_not_edit(client, officer, superuser, page):
    """Officers translate partnership records, not pages: no link into a page's
    translation, a link into a partner's."""
    with committed():
        partner = PartnerFactory(name="Digital Bridge Foundation")
    client.force_login(superuser)
    submit(client, page, "fr")
    submit(client, partner, "fr")
    client.force_login(officer)
    rows = matrix_rows(client)
    assert rows[TITLE]["fr"][2] is None
    assert rows["Digital Bridge Foundation"]["fr"][2] == edit_url(
        partner.get_translation(translation_of(partner, "fr").target_locale)
    )

"""Every admin action on a French page, for each role and for a group an administrator made.

Two French pages, both translations of English pages and live: an ordinary one, and the
French copy of a page only partnership officers may read. For each user, each of Wagtail's
page actions and wagtail-localize's actions is tried through its admin address, and the
answer (allowed or refused) must be exactly the one written in the tables below: what the
user's page permissions on that language's tree and their model permissions allow, and
nothing on a page whose view restriction keeps them out unless they may edit its source.
The "Proofreaders (French)" group is made here as an administrator would: page permissions on
the French home page and wagtail-localize's "submit translation", no name the code knows.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Locale, Page, PageViewRestriction, Site

from cms.core.roles import OFFICERS, translator_group_name
from cms.pages.factories import StandardPageFactory
from tests.rollback import refetched, rolled_back
from tests.snippets.admin.records import make_user

from .workflow import committed, publish, submit, translation_of

pytestmark = pytest.mark.django_db

ROLES = ["editor", "lead", "officer", "translator_fr", "translator_ar", "proofreader_fr"]

# Wagtail's page actions on the French page, then wagtail-localize's on its translation.
PAGE_ACTIONS = [
    "edit",
    "privacy",
    "view_draft",
    "preview",
    "delete",
    "copy",
    "move",
    "unpublish",
    "history",
    "revisions",
    "compare",
    "workflow_history",
    "lock",
    "unlock",
    "convert_to_alias",
]
LOCALIZE_ACTIONS = [
    "sync",
    "translation_editor",
    "edit_segment",
    "machine_translate",
    "preview_translation",
    "download_po",
    "upload_po",
]
ACTIONS = PAGE_ACTIONS + LOCALIZE_ACTIONS


def _allowed(*names):
    return {name: name in names for name in ACTIONS}


NOTHING = _allowed()
EDITS = ("edit", "view_draft", "preview", "copy", "history", "revisions", "compare")
TRANSLATES = (
    "translation_editor",
    "edit_segment",
    "machine_translate",
    "preview_translation",
    "download_po",
    "upload_po",
)
# On the ordinary French page (live, owned by the administrator who translated it).
ORDINARY = {
    # change and lock on the whole tree, no publish: a live page stays; no unlock of
    # someone else's lock; syncs (may edit the English source).
    "editor": _allowed(*EDITS, "workflow_history", "lock", "convert_to_alias", "sync", *TRANSLATES),
    "lead": _allowed(*ACTIONS),
    "officer": NOTHING,
    # publish under /fr/: deletes, moves, unpublishes there; privacy follows the English
    # page (cms.core.translation_sync), which is not theirs; no lock permission; no sync.
    "translator_fr": _allowed(
        *EDITS,
        "delete",
        "move",
        "unpublish",
        "workflow_history",
        "convert_to_alias",
        *TRANSLATES,
    ),
    "translator_ar": NOTHING,
    # The administrator's group: the French translators' rights, plus locking.
    "proofreader_fr": _allowed(
        *EDITS,
        "delete",
        "move",
        "unpublish",
        "workflow_history",
        "lock",
        "convert_to_alias",
        *TRANSLATES,
    ),
}
# On the French copy of the officers-only page: whoever may edit the English page keeps their
# rights; the restriction keeps everyone else out, whatever their rights under /fr/.
RESTRICTED = {**ORDINARY, "translator_fr": NOTHING, "proofreader_fr": NOTHING}

# The languages (of French and Arabic, which have a home page) offered by "Translate" on an
# English page not yet translated; None: refused.
SUBMIT_ORDINARY = {
    "editor": {"fr", "ar"},
    "lead": {"fr", "ar"},
    "officer": set(),
    "translator_fr": {"fr"},
    "translator_ar": {"ar"},
    "proofreader_fr": {"fr"},
}
SUBMIT_RESTRICTED = {
    **SUBMIT_ORDINARY,
    "translator_fr": None,
    "translator_ar": None,
    "proofreader_fr": None,
}


def denied(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def locale(code):
    return Locale.objects.get(language_code=code)


def make_proofreader():
    """A group made in Settings > Groups: admin access, "submit translation", and page
    permissions on the French tree."""
    group = Group.objects.create(name="Proofreaders (French)")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    )
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    page_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    for codename in ("add_page", "change_page", "publish_page", "lock_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=french_home,
            permission=Permission.objects.get(content_type=page_type, codename=codename),
        )
    return make_user("proofreader", group.name)


def make_site(superuser):
    """French and Arabic home pages; an ordinary page and an officers-only page, each
    translated into French and published by an administrator; two English pages not yet
    translated, one of them officers-only."""
    client = Client()
    home_page = Site.objects.get(is_default_site=True).root_page.specific
    client.force_login(superuser)
    submit(client, home_page, "fr", "ar")
    for code in ("fr", "ar"):
        publish(client, translation_of(home_page, code))
    with committed():
        ordinary = StandardPageFactory(parent=home_page, title="Connect a school")
        restricted = StandardPageFactory(parent=home_page, title="Board papers")
        fresh = StandardPageFactory(parent=home_page, title="Rural broadband")
        fresh_restricted = StandardPageFactory(parent=home_page, title="Donor notes")
    for page in (ordinary, restricted):
        submit(client, page, "fr")
        publish(client, translation_of(page, "fr"))
    officers = Group.objects.get(name=OFFICERS)
    for page in (restricted, fresh_restricted):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([officers])
    client.logout()
    french = {
        "ordinary": ordinary.get_translation(locale("fr")).specific,
        "restricted": restricted.get_translation(locale("fr")).specific,
    }
    assert PageViewRestriction.objects.filter(page=french["restricted"]).exists()
    return {
        "french": french,
        "english": {"ordinary": ordinary, "restricted": restricted},
        "fresh": {"ordinary": fresh, "restricted": fresh_restricted},
    }


def build():
    superuser = make_user("admin", is_superuser=True, is_staff=True)
    return {"superuser": superuser, "site": make_site(superuser)}


# The administrator and the pages, built once for the module: every test reads them (the
# users of each role are still made for each test). Each test runs in a savepoint of its own
# with fresh copies; what it changes (a lock, a restriction) is rolled back with it.
@pytest.fixture(scope="module")
def matrix_records(django_db_setup, django_db_blocker):
    yield from rolled_back(django_db_blocker, build)


@pytest.fixture
def superuser(db, matrix_records):
    """The administrator who translated and published the pages (tests/conftest.py's)."""
    return refetched(matrix_records["superuser"])


@pytest.fixture
def site(db, matrix_records):
    return refetched(matrix_records["site"])


def make_role(name, editor, lead, officer):
    """The user of a predefined role, or of the administrator's group."""
    if name == "translator_fr":
        return make_user("traductrice", translator_group_name("fr"))
    if name == "translator_ar":
        return make_user("mutarjim", translator_group_name("ar"))
    if name == "proofreader_fr":
        return make_proofreader()
    return {"editor": editor, "lead": lead, "officer": officer}[name]


def try_action(client, action, page, english, superuser, user):
    """Do `action` on the French `page` as the signed-in user; True when allowed."""
    pages = "wagtailadmin_pages"
    translation = translation_of(english, "fr")
    segment = translation.source.stringsegment_set.order_by("order").first()
    revision = page.latest_revision
    if action == "edit" or action == "translation_editor":
        response = client.get(reverse(f"{pages}:edit", args=[page.pk]))
    elif action == "privacy":
        response = client.get(reverse(f"{pages}:set_privacy", args=[page.pk]))
    elif action == "view_draft":
        response = client.get(reverse(f"{pages}:view_draft", args=[page.pk]))
    elif action == "preview":
        response = client.get(reverse(f"{pages}:preview_on_edit", args=[page.pk]))
    elif action in ("delete", "copy", "move", "unpublish", "history", "workflow_history"):
        response = client.get(reverse(f"{pages}:{action}", args=[page.pk]))
    elif action == "revisions":
        response = client.get(reverse(f"{pages}:revisions_view", args=[page.pk, revision.pk]))
    elif action == "compare":
        response = client.get(
            reverse(f"{pages}:revisions_compare", args=[page.pk, "earliest", "latest"])
        )
    elif action == "lock":
        response = client.post(reverse(f"{pages}:lock", args=[page.pk]))
        page.refresh_from_db()
        allowed = page.locked and page.locked_by_id == user.pk
        if page.locked:
            page.locked = False
            page.locked_by = None
            page.save(update_fields=["locked", "locked_by"])
        assert allowed != denied(response)
        return allowed
    elif action == "unlock":
        page.locked, page.locked_by = True, superuser
        page.save(update_fields=["locked", "locked_by"])
        response = client.post(reverse(f"{pages}:unlock", args=[page.pk]))
        page.refresh_from_db()
        allowed = not page.locked
        assert allowed != denied(response)
        return allowed
    elif action == "convert_to_alias":
        response = client.get(reverse("wagtail_localize:convert_to_alias", args=[page.pk]))
    elif action == "sync":
        response = client.get(
            reverse("wagtail_localize:update_translations", args=[translation.source.pk])
        )
    elif action == "edit_segment":
        response = client.get(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        )
        # The endpoint answers PUT and DELETE only: 405 once the guard let the user through.
        return not denied(response)
    elif action == "machine_translate":
        response = client.get(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    elif action == "preview_translation":
        response = client.get(
            reverse("wagtail_localize:preview_translation", args=[translation.pk])
        )
    elif action == "download_po":
        response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    elif action == "upload_po":
        po_file = SimpleUploadedFile("fr.po", str(translation.export_po()).encode())
        response = client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
            {"file": po_file, "next": reverse(f"{pages}:edit", args=[page.pk])},
        )
    else:  # pragma: no cover
        raise AssertionError(action)
    if denied(response):
        return False
    assert response.status_code < 500, (action, response.status_code)
    return True


def offered_languages(client, english_page):
    """The languages "Translate" offers (of French and Arabic), or None when refused."""
    response = client.get(
        reverse("wagtail_localize:submit_page_translation", args=[english_page.pk])
    )
    if denied(response):
        return None
    codes = {chosen.language_code for chosen in response.context["form"].fields["locales"].queryset}
    return codes & {"fr", "ar"}


@pytest.mark.parametrize("role", ROLES)
def test_each_action_is_allowed_exactly_where_the_permissions_allow_it(
    client, site, superuser, editor, lead, officer, role
):
    user = make_role(role, editor, lead, officer)
    client.force_login(user)
    found = {}
    for kind, expected in (("ordinary", ORDINARY), ("restricted", RESTRICTED)):
        page = site["french"][kind]
        found[kind] = {
            action: try_action(client, action, page, site["english"][kind], superuser, user)
            for action in ACTIONS
        }
        assert found[kind] == expected[role], kind
    assert offered_languages(client, site["fresh"]["ordinary"]) == SUBMIT_ORDINARY[role]
    assert offered_languages(client, site["fresh"]["restricted"]) == SUBMIT_RESTRICTED[role]


def test_a_translator_cannot_make_a_restricted_page_public(client, site):
    """The case seen: signed in as a French translator, POST restriction_type=none to the
    privacy view of the French copy of an officers-only page."""
    translator = make_user("traductrice", translator_group_name("fr"))
    french = site["french"]["restricted"]
    client.force_login(translator)
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[french.pk]), {"restriction_type": "none"}
    )
    assert denied(response)
    assert PageViewRestriction.objects.filter(page=french).exists()
    client.logout()
    assert client.get(french.url).status_code in (302, 403, 404)


def test_a_translator_cannot_lift_the_restriction_of_any_translation(client, site):
    """Even a page they may open: its privacy is the English page's (a login-only
    restriction lets every signed-in translator in)."""
    english = site["english"]["ordinary"]
    PageViewRestriction.objects.create(page=english, restriction_type=PageViewRestriction.LOGIN)
    french = site["french"]["ordinary"]
    assert PageViewRestriction.objects.filter(page=french).exists()
    translator = make_user("traductrice", translator_group_name("fr"))
    client.force_login(translator)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])).status_code == 200
    response = client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[french.pk]), {"restriction_type": "none"}
    )
    assert denied(response)
    assert PageViewRestriction.objects.filter(page=french).exists()


def test_the_administrators_group_changes_records_of_its_language_only(client, superuser, site):
    """Model permissions given by a group hold in the languages of its page permissions."""
    from cms.snippets.factories import PartnerFactory
    from cms.snippets.models import Partner

    from .workflow import edit_url

    proofreader = make_proofreader()
    Group.objects.get(name="Proofreaders (French)").permissions.add(
        Permission.objects.get(content_type__app_label="snippets", codename="change_partner"),
        Permission.objects.get(content_type__app_label="snippets", codename="view_partner"),
    )
    with committed():
        partner = PartnerFactory(name="Digital Bridge Foundation")
    client.force_login(superuser)
    submit(client, partner, "fr", "ar")
    client.force_login(proofreader)
    assert client.get(edit_url(partner.get_translation(locale("fr")))).status_code == 200
    assert denied(client.get(edit_url(partner.get_translation(locale("ar")))))
    assert denied(client.get(edit_url(partner)))
    assert submit(client, partner, "es").status_code == 200  # the form again: not theirs
    assert not Partner.objects.filter(translation_key=partner.translation_key, locale=locale("es"))

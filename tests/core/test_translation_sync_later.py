"""A translation made after its English page was restricted starts restricted, on a database
where the home page is not translated yet (moved unchanged from test_translation_sync.py,
whose translated section is built once for all its tests)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageViewRestriction

from cms.pages.models import StandardPage

from .test_translation_sync import translate

pytestmark = pytest.mark.django_db


def test_a_translation_made_after_the_restriction_starts_restricted(client, home_page, locales):
    """Translated through wagtail-localize and published under a French home page that asks
    only for a sign-in, the French copy of a group-only English page keeps signed-in
    non-members out, like its source."""
    from django.contrib.auth import get_user_model
    from wagtail_localize.models import TranslationSource

    group = Group.objects.create(name="Board")
    english = StandardPage(title="Board papers", slug="board", introduction="For the board.")
    home_page.add_child(instance=english)
    english.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=english, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([group])
    french_home = translate(home_page, locales["fr"])
    PageViewRestriction.objects.create(page=french_home, restriction_type=PageViewRestriction.LOGIN)

    source, _ = TranslationSource.get_or_create_from_instance(english)
    french, _ = source.create_or_update_translation(locales["fr"], fallback=True)
    french.save_revision().publish()

    copy = PageViewRestriction.objects.get(page=french)
    assert copy.restriction_type == PageViewRestriction.GROUPS
    assert list(copy.groups.all()) == [group]
    assert Page.objects.get(pk=french.pk).live
    response = client.get(french.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    outsider = get_user_model().objects.create_user("outsider", "o@example.org", "x")
    client.force_login(outsider)
    assert client.get(french.url).status_code == 302
    outsider.groups.add(group)
    assert client.get(french.url).status_code == 200

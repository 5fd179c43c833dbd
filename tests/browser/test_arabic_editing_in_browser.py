"""In a real browser: an editor whose admin is in English types Arabic into a page's title,
and the field runs right to left."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from wagtail.models import Site


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_arabic_title_is_edited_right_to_left(live_server, open_page):
    cache.clear()
    get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    home = Site.objects.get(is_default_site=True).root_page

    page = open_page(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")

    title = page.locator("#id_title")
    title.fill("شراكات من أجل التنمية")
    assert title.get_attribute("dir") == "auto"
    assert title.evaluate("field => getComputedStyle(field).direction") == "rtl"
    # The interface itself stays left to right.
    assert page.evaluate("getComputedStyle(document.body).direction") == "ltr"
    title.fill("Partnerships")
    assert title.evaluate("field => getComputedStyle(field).direction") == "ltr"

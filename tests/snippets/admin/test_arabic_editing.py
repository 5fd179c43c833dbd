"""Arabic content is edited right to left whatever the language of the admin interface."""

from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

SCRIPT = "js/admin-dir-auto.js"


def test_page_editor_loads_the_text_direction_script(client, superuser, home_page):
    client.force_login(superuser)

    response = client.get(f"/admin/pages/{home_page.pk}/edit/")

    assert response.status_code == 200
    assert f'src="/static/{SCRIPT}"' in response.content.decode()


def test_text_direction_script_covers_inputs_textareas_and_rich_text():
    source = Path(finders.find(SCRIPT)).read_text(encoding="utf-8")

    for selector in ('input[type="text"]', "textarea", '[contenteditable="true"]'):
        assert selector in source
    assert "MutationObserver" in source

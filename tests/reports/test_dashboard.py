"""The admin dashboard panel of the agreement figures."""

from bs4 import BeautifulSoup

from . import built_once

# The conftest's records, built once for this module (built_once.py).
reports_records, vocab, addendum, statistics_pages, archive = built_once.FIXTURES


def panel(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id="agreement-figures-section")


def test_officers_and_leads_see_the_key_figures(client, statistics_pages, archive, officer, lead):
    for user in (officer, lead):
        found = panel(client, user)
        assert found is not None
        rows = {
            row.th.get_text(strip=True): [td.get_text(" ", strip=True) for td in row.find_all("td")]
            for row in found.select("tbody tr")
        }
        # The latest four full years of the archive (2013-2016), then the report's period.
        assert list(rows) == ["2013–2016", "2014–2017"]
        assert rows["2013–2016"][:3] == ["4", "1", "USD\xa02.5 million"]
        links = [a["href"] for a in found.select("a")]
        assert "/en/statistics/?start=2013&end=2016" in links
        assert "/en/statistics/agreements/?start=2014&end=2017" in links
        client.logout()


def test_editors_do_not_see_the_panel(client, statistics_pages, archive, editor):
    from django.contrib.auth.models import Permission

    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert panel(client, editor) is None

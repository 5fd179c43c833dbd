"""The event's packages compared: packages as columns, benefits as rows with a check or a
cross that screen readers read as words, the prices by membership category, in the page's
language, in a scrollable region named by its caption."""

import re

import pytest

from cms.sponsorship.comparison import benefit_items

from .records import translate_categories, translate_event

pytestmark = pytest.mark.django_db


def _table(html):
    table = re.search(r'<div class="table-scroll package-comparison".*?</table>', html, re.S)
    assert table, "no comparison table"
    return table[0]


def _rows(table):
    """{row header: [cell texts]} of the table's body."""
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        header = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        if header:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            rows[header[1].strip()] = [re.sub(r"<[^>]+>", "", c).strip() for c in cells]
    return rows


def test_benefits_are_rows_marked_in_words_for_each_package(client, event):
    table = _table(client.get(event.url).content.decode())
    assert 'role="region"' in table and 'tabindex="0"' in table
    assert 'aria-labelledby="package-comparison-caption"' in table
    assert '<caption id="package-comparison-caption">Compare the packages</caption>' in table
    headers = re.findall(r'<th scope="col">(.*?)</th>', table, re.S)
    assert "Welcome reception" in headers[1] and "Coffee break" in headers[2]
    rows = _rows(table)
    # The gold package's two benefits, the silver's one: each included where it is listed.
    assert rows["Reception naming"] == ["✓Included", "✗Not included"]
    assert rows["Logo on screens"] == ["✓Included", "✗Not included"]
    assert rows["Logo at the coffee stands"] == ["✗Not included", "✓Included"]
    # The price of each package for each category (gold has its own Sector Member discount).
    assert rows["Sector Member"] == ["USD\xa043,750", "USD\xa013,500"]
    assert rows["None"] == ["USD\xa050,000", "USD\xa015,000"]


def test_the_comparison_in_russian_and_arabic(client, event, categories):
    translate_categories(categories, "ru")
    russian = translate_event(event, "ru")
    table = _table(client.get(russian.url).content.decode())
    assert "Сравнение пакетов" in table
    assert "Включено" in table and "Не включено" in table
    assert _rows(table)["Член Сектора"] == ["43\xa0750\xa0USD", "13\xa0500\xa0USD"]

    arabic = translate_event(event, "ar")
    html = client.get(arabic.url).content.decode()
    assert 'dir="rtl"' in html
    assert "مقارنة الحزم" in _table(html)


def test_one_package_has_nothing_to_compare(client, event):
    event.packages.filter(tier="silver").delete()
    assert "package-comparison" not in client.get(event.url).content.decode()


def test_benefits_read_from_the_list_or_the_paragraphs():
    assert benefit_items("<ul><li>Logo <b>on</b> screens</li><li>Booth &amp; desk</li></ul>") == [
        "Logo on screens",
        "Booth & desk",
    ]
    assert benefit_items("<p>Speaking slot</p><p></p>") == ["Speaking slot"]
    assert benefit_items("") == []

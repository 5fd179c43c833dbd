"""Reading the translation status matrix as its users see it."""

from bs4 import BeautifulSoup
from django.urls import reverse

__all__ = ["matrix_rows", "matrix_url"]


def matrix_url():
    return reverse("translation_matrix")


def matrix_rows(client, **filters):
    """{title: {language: (state, text, link)}} of the matrix page for these filters."""
    response = client.get(matrix_url(), filters)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    rows = {}
    for row in soup.select("table.translation-matrix tbody tr"):
        header = row.find("th")
        if header is None:
            continue
        cells = {}
        for cell in row.select("td.translation-matrix__cell"):
            link = cell.find("a", class_="translation-state")
            cells[cell["data-language"]] = (
                cell["data-state"],
                " ".join(cell.get_text(" ").split()),
                link["href"] if link else None,
            )
        rows[header.get_text(strip=True)] = cells
    return rows


def matrix_counts(client, **filters):
    """{state label: [count per language]} of the counts table."""
    response = client.get(matrix_url(), filters)
    soup = BeautifulSoup(response.content, "html.parser")
    counts = {}
    for row in soup.select("table.translation-matrix__counts tbody tr"):
        state = row.find("th").get_text(strip=True)
        counts[state] = [int(cell.get_text()) for cell in row.find_all("td")]
    return counts

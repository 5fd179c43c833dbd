"""In a real browser: partner names in the admin listing wrap between words, never inside one
(Wagtail's `word-break: break-word` let a many-columned listing cut "Developme/nt Bank"),
in French, whose names are long, on a laptop-sized window."""

import pytest

from tests.snippets.admin.records import make_partner
from tests.snippets.admin.staff_language import make_officer

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

NAMES = [
    "Banque africaine de développement",
    "Development Bank of Southern Africa",
    "Organisation internationale de normalisation",
    "Telecommunications Regulatory Authority of the Kingdom of Bahrain",
    "Internationalisierungsgesellschaft",
]

# For each name shown in the listing, the words that the browser drew on more than one line.
WORDS_CUT = """
() => {
    const cut = [];
    document.querySelectorAll(".listing td.title a, .listing td.title .title-wrapper")
        .forEach((element) => {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const text = node.textContent;
                const pattern = /\\S+/g;
                let match;
                while ((match = pattern.exec(text))) {
                    const range = document.createRange();
                    range.setStart(node, match.index);
                    range.setEnd(node, match.index + match[0].length);
                    const tops = new Set(
                        [...range.getClientRects()].map((rect) => Math.round(rect.top))
                    );
                    if (tops.size > 1) cut.push(match[0]);
                }
            }
        });
    return cut;
}
"""


def test_partner_names_wrap_between_words(open_page, live_server):
    for name in NAMES:
        make_partner(name, acronym=name[:4].upper())
    make_officer("fr")
    page = open_page(live_server.url + "/admin/login/", locale="fr-FR")
    page.set_viewport_size({"width": 1024, "height": 800})
    page.fill("#id_username", "claire")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")

    page.goto(live_server.url + "/admin/snippets/snippets/partner/")

    shown = page.locator(".listing td.title").all_inner_texts()
    assert any("Banque africaine" in text for text in shown), shown
    assert page.evaluate(WORDS_CUT) == []

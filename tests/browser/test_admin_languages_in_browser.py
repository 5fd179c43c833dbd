"""In a real browser: a French, a Spanish, a Russian, an Arabic and a Chinese staff member
(their Wagtail preferred language set so) sign in and go through the main admin screens; the
text each screen displays must hold no interface word left in English.

What counts as an interface word, and what is record data that has no translation (names
of the test's records, proper nouns, codes), is explained in
`tests/snippets/admin/interface_language`; the screens and records are those of the
test-client check (`tests/snippets/admin/staff_language`),
plus what only a browser shows: wagtail-localize's translation editor, drawn by JavaScript.

The records, the staff members of the five languages and the opportunity's translations in
progress into them are built once for the module (`committed_for_module`): the tests only read.
"""

import pytest
from wagtail.models import Locale, Site
from wagtail_localize.operations import TranslationCreator

from tests.browser.module_data import committed_for_module
from tests.snippets.admin.interface_language import DATA_SELECTORS, IGNORED_TAGS, english_words_in
from tests.snippets.admin.staff_language import (
    EDITORS_BY_LANGUAGE,
    RECORD_DATA,
    STAFF,
    STAFF_LANGUAGES,
    admin_screens,
    make_admin_records,
    make_editor,
    make_officer,
)

# The text a person sees: visible text nodes outside record data, the placeholders of
# visible fields and the values of visible buttons (not what only screen readers reach).
VISIBLE_TEXT = """
([dataSelectors, ignoredTags]) => {
    const skipped = new Set();
    for (const selector of dataSelectors) {
        document.querySelectorAll(selector).forEach((element) => skipped.add(element));
    }
    const ignored = new Set(ignoredTags.map((tag) => tag.toUpperCase()));
    const shown = (element) => {
        if (element.closest(".w-sr-only")) return false;
        if (!element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) {
            return false;
        }
        const box = element.getBoundingClientRect();
        return box.width > 1 && box.height > 1;
    };
    const outside = (element) => {
        for (let node = element; node; node = node.parentElement) {
            if (skipped.has(node) || ignored.has(node.tagName)) return false;
        }
        return true;
    };
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent.trim();
        const element = node.parentElement;
        if (text && element && outside(element) && shown(element)) parts.push(text);
    }
    document.querySelectorAll("input, textarea, button").forEach((field) => {
        if (!outside(field) || !shown(field)) return;
        if (field.placeholder) parts.push(field.placeholder);
        if (["submit", "button"].includes(field.type) && field.tagName === "INPUT") {
            parts.push(field.value);
        }
    });
    return parts.join("\\n");
}
"""


def visible_text(page):
    return page.evaluate(VISIBLE_TEXT, [DATA_SELECTORS, sorted(IGNORED_TAGS)])


def sign_in(open_page, live_server, username, locale):
    page = open_page(live_server.url + "/admin/login/", locale=locale)
    log_in(page, username)
    return page


def log_in(page, username):
    """On the sign-in screen: sign in as `username` (password "pw"), land on the dashboard."""
    page.fill("#id_username", username)
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/")


def translation_in_progress(records, language):
    """The opportunity's translation into `language`, started and not published: its edit
    address opens wagtail-localize's translation editor."""
    locale = Locale.objects.get(language_code=language)
    opportunity = records["opportunity"]
    index = opportunity.get_parent().specific
    if index.get_translation_or_none(locale) is None:
        # As wagtail-localize's own form does: the parents as aliases of the English ones.
        index.copy_for_translation(locale, copy_parents=True, alias=True)
    creator = TranslationCreator(None, [locale])
    creator.create_translations(opportunity)
    for translations in creator.mappings.values():
        for translation in translations:
            translation.save_target(publish=False)
    return opportunity.get_translation(locale)


def build_admin():
    """The records of the screens, an officer and an editor for each staff language, and the
    opportunity's translation in progress into each (its editor's address by language)."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    records = make_admin_records(home)
    translated = {}
    for language in STAFF_LANGUAGES:
        make_officer(language)
        make_editor(language)
        translated[language] = translation_in_progress(records, language).pk
    return admin_screens(records), translated


@pytest.fixture(scope="module")
def admin_site(django_db_blocker):
    yield from committed_for_module(django_db_blocker, build_admin)


@pytest.mark.browser
@pytest.mark.usefixtures("module_data_db")
@pytest.mark.parametrize(
    ("language", "browser_locale"),
    [("fr", "fr-FR"), ("es", "es-ES"), ("ru", "ru-RU"), ("ar", "ar"), ("zh-hans", "zh-CN")],
)
def test_the_admin_shows_no_english_interface_word(
    live_server, admin_site, open_page, language, browser_locale
):
    screens, translated = admin_site
    screens = [*screens, ("translation editor", f"/admin/pages/{translated[language]}/edit/")]

    page = sign_in(open_page, live_server, STAFF[language], browser_locale)
    assert page.evaluate("document.documentElement.lang") == language
    if language == "ar":
        assert page.evaluate("document.documentElement.dir") == "rtl"

    leftovers = {}
    for name, url in screens:
        response = page.goto(live_server.url + url)
        assert response.status == 200, name
        # The screens are drawn by the server (goto() waits for the load event) but for the
        # translation editor, drawn by wagtail-localize's script once the page has loaded.
        if name == "translation editor":
            page.wait_for_selector(".js-translation-editor > *")
        words = english_words_in(visible_text(page), language, RECORD_DATA)
        if words:
            leftovers[name] = sorted(set(words))

    # A page the staff member may not open: Wagtail sends them to the dashboard with a
    # message, which must be in their language too. The editor signs in on the same browser
    # once the officer's session is gone (its cookies cleared): the admin's scripts and styles
    # are in its cache already.
    page.context.clear_cookies()
    editor = page
    editor.goto(live_server.url + "/admin/login/")
    log_in(editor, EDITORS_BY_LANGUAGE[language])
    assert editor.evaluate("document.documentElement.lang") == language
    editor.goto(live_server.url + "/admin/imports/")
    editor.wait_for_url("**/admin/")
    message = editor.locator(".messages li").first.inner_text()
    assert message.strip()
    words = english_words_in(visible_text(editor), language, RECORD_DATA)
    if words:
        leftovers["permission denied"] = sorted(set(words))

    assert leftovers == {}, leftovers

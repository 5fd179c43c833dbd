"""Checks on the templates and the stylesheet that a visitor would notice: text left in
English on a translated page, a layout that does not mirror in Arabic, or assets fetched
from another site."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

# Every template of the project: the site-wide ones (cms/templates) and each app's own
# (<app>/templates/<app label>/...), where page types keep theirs.
ROOTS = [Path(settings.PROJECT_DIR), Path(settings.BASE_DIR) / "search"]
SITE_TEMPLATES = sorted(path for root in ROOTS for path in root.glob("**/templates/**/*.html"))


def template_name(path):
    """The name a template is loaded by: its path under its `templates` folder."""
    parts = path.parts
    return "/".join(parts[len(parts) - parts[::-1].index("templates") :])


STYLESHEET = Path(finders.find("css/site.css"))

# Text that needs no translation: separators, punctuation and signs (the percent sign, the
# multiplication and minus signs, the angle brackets around an e-mail address), and the check
# and cross marks, hidden from assistive technology beside their translated words.
NEUTRAL = re.compile(r"(?:[\s·/|,.:;()\-–—×%−✓✗]|&(?:lt|gt|nbsp);)*")


def visible_text(source):
    """What remains of a template once translated strings, template tags, variables,
    comments and HTML markup are removed: text shown to visitors as written."""
    source = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", "", source, flags=re.S)
    source = re.sub(r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}", "", source, flags=re.S)
    # Blocks that fill an attribute of a parent template (Wagtail's `bodyclass`), not text.
    source = re.sub(r"{%\s*block \w*class\w*\s*%}.*?{%\s*endblock\s*%}", "", source, flags=re.S)
    # One-line comments only: Django shows a {# ... #} that spans lines as text.
    source = re.sub(r"{#.*?#}", "", source)
    source = re.sub(r"{%.*?%}|{{.*?}}", "", source, flags=re.S)
    source = re.sub(r"<svg.*?</svg>", "", source, flags=re.S)
    return re.sub(r"<[^>]*>", "", source, flags=re.S)


def test_the_site_templates_are_all_checked():
    names = {template_name(path) for path in SITE_TEMPLATES}
    assert {
        "base.html",
        "404.html",
        "500.html",
        "pages/home_page.html",
        "pages/standard_page.html",
        "blocks/heading_block.html",
        "blocks/paragraph_block.html",
        "blocks/call_to_action_block.html",
        "blocks/captioned_image_block.html",
        "blocks/video_block.html",
        "components/language_switcher.html",
        "sponsorship/event_page.html",
        "alerts/registration_page.html",
        "reports/statistics_page.html",
        "partner_finder/finder.html",
        "search/search_page.html",
    } <= names


@pytest.mark.parametrize("path", SITE_TEMPLATES, ids=template_name)
def test_every_visible_string_is_marked_for_translation(path):
    source = path.read_text()

    assert NEUTRAL.fullmatch(visible_text(source)), visible_text(source).strip()
    for attribute in re.findall(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"', source):
        assert attribute.startswith(("{%", "{{")), attribute


@pytest.mark.parametrize(
    "path",
    [*SITE_TEMPLATES, STYLESHEET],
    ids=lambda path: template_name(path) if path.suffix == ".html" else path.name,
)
def test_no_asset_is_loaded_from_another_site(path):
    source = path.read_text()

    assert not re.search(r'<(?:link|script|img)\b[^>]*(?:href|src)="(?:https?:)?//', source)
    assert not re.search(r"@import|url\(\s*[\"']?(?:https?:)?//", source)


PHYSICAL = re.compile(
    r"^\s*(?:(?:margin|padding|border)-(?:left|right|top|bottom)(?:-\w+)?"
    r"|left|right|top|bottom|(?:min-|max-)?(?:width|height)"
    r"|border-(?:top|bottom)-(?:left|right)-radius)\s*:"
    r"|(?:text-align|float|clear)\s*:\s*(?:left|right)",
    re.M,
)


def test_stylesheet_uses_logical_properties_only():
    assert PHYSICAL.findall(STYLESHEET.read_text()) == []


@pytest.mark.parametrize("asset", ["css/site.css", "img/favicon.svg"])
def test_assets_linked_by_the_templates_exist(asset):
    assert finders.find(asset)
    assert asset in (Path(settings.PROJECT_DIR) / "templates" / "base.html").read_text()

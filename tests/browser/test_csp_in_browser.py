"""In Chromium: the Content-Security-Policy blocks nothing the site or the admin does.

A listener installed before any of the page's own scripts (Playwright's init script, which
the policy does not govern) records every `securitypolicyviolation` event; the public pages
(home, opportunities, an opportunity, search) and the main admin screens (sign-in, dashboard,
explorer, page editor and its live preview, snippets, imports, finder, translations,
sponsorship, the second factor's setup) must report none. This is how the admin's policy
(cms/core/csp.py) was measured: Wagtail 8's admin needs inline scripts and styles and nothing
from other origins.
"""

import pytest
from django.core.cache import cache
from django.test import override_settings
from wagtail.models import Site

from tests.snippets.admin.records import make_user
from tests.snippets.admin.staff_language import admin_screens, make_admin_records

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} `
        + `at ${event.sourceFile}:${event.lineNumber} ${event.sample}`
    );
});
"""


def violations_on(page, url):
    response = page.goto(url)
    assert response.status < 400, (url, response.status)
    assert response.headers.get("content-security-policy"), url
    page.wait_for_load_state("networkidle")
    return page.evaluate("window.__cspViolations")


@pytest.fixture
def browser_page(chromium):
    context = chromium.new_context(locale="en-GB", viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    context.add_init_script(LISTEN)
    page = context.new_page()
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page, console
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(ADMIN_REQUIRE_2FA=True)
def test_no_public_page_or_admin_screen_reports_a_policy_violation(live_server, browser_page):
    cache.clear()
    page, console = browser_page
    home = Site.objects.get(is_default_site=True).root_page.specific
    records = make_admin_records(home)
    opportunity = records["opportunity"]
    make_user("csp-admin", is_superuser=True, is_staff=True)

    public = [
        home.url,
        opportunity.get_parent().url,
        opportunity.url,
        "/en/search/?q=cybersecurity",
    ]
    found = {}
    for url in public:
        if problems := violations_on(page, live_server.url + url):
            found[url] = problems

    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "csp-admin")
    page.fill("#id_password", "pw")
    page.click("button[type=submit]")
    # An administrator without a second factor is sent to set one up: that screen too.
    page.wait_for_url("**/two-factor/setup/**")
    if problems := page.evaluate("window.__cspViolations"):
        found["sign-in and second-factor setup"] = problems
    # Signed in with a second factor, the other screens.
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.core.test_admin_sign_in import current_code

    device = TOTPDevice.objects.get(user__username="csp-admin", confirmed=False)
    page.fill("#id_code", current_code(device))
    page.click("form.login-form button[type=submit]")
    page.wait_for_url("**/two-factor/recovery-codes/")

    for name, url in [
        ("recovery codes", "/admin/two-factor/recovery-codes/"),
        *admin_screens(records),
    ]:
        if problems := violations_on(page, live_server.url + url):
            found[name] = problems

    # The live preview: the page under the public policy, framed by the editor (and only
    # by it: frame-ancestors 'self').
    page.goto(live_server.url + f"/admin/pages/{opportunity.pk}/edit/")
    page.click('[data-side-panel-toggle="preview"]')
    page.wait_for_function(
        "() => (document.querySelector('#w-preview-iframe') || {}).src?.includes('/preview/')"
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2000)
    frames = [frame for frame in page.frames if "/preview/" in frame.url]
    assert frames, (page.evaluate("document.querySelector('#w-preview-iframe').src"), console)
    frame = frames[0]
    assert frame.locator("h1").count(), frame.url  # the page itself, not an error
    if problems := frame.evaluate("window.__cspViolations"):
        found["live preview"] = problems
    if problems := page.evaluate("window.__cspViolations"):
        found["page editor with its preview"] = problems

    assert found == {}, found
    assert console == [], console

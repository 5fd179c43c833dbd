"""Every response carries a Content-Security-Policy: the strict public policy on the site, the
API and error pages, the admin's own under /admin/, and same-origin framing only for previews.
The browser check that nothing the site or the admin does is blocked is
tests/browser/test_csp_in_browser.py."""

import re

from django.test import override_settings
from django.urls import path

from cms import urls as site_urls
from cms.core.csp import is_preview_path


def _boom(request):
    raise RuntimeError("a server error, for its page's header")


urlpatterns = [path("boom/", _boom), *site_urls.urlpatterns]


def policy(response):
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def assert_public_policy(response):
    directives = policy(response)
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-eval'" not in directives["script-src"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    return directives


def test_public_page_has_the_strict_policy_and_json_ld_carries_its_nonce(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    directives = assert_public_policy(response)
    nonces = [value for value in directives["script-src"] if value.startswith("'nonce-")]
    assert len(nonces) == 1
    html = response.content.decode()
    json_ld = re.findall(r'<script type="application/ld\+json" nonce="([^"]+)">', html)
    assert json_ld and all(f"'nonce-{value}'" == nonces[0] for value in json_ld)
    # No other inline script, and no event handler attribute, on the page.
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)", html)
    assert not re.search(r"\son[a-z]+=", html)


def test_each_response_gets_a_new_nonce(client, home_page):
    first = policy(client.get(home_page.url))["script-src"]
    second = policy(client.get(home_page.url))["script-src"]
    assert first != second


def test_api_answers_carry_the_public_policy(client, db):
    assert_public_policy(client.get("/api/v1/"))
    assert_public_policy(client.get("/api/v1/no-such-thing/"))


def test_not_found_page_carries_the_public_policy(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert_public_policy(response)


@override_settings(ROOT_URLCONF=__name__)
def test_server_error_page_carries_the_public_policy(client, db):
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    assert_public_policy(response)


def test_admin_login_has_the_admins_policy_and_cannot_be_framed(client, db):
    response = client.get("/admin/login/")
    directives = policy(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert not any(value.startswith("'nonce-") for value in directives["script-src"])
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]


def test_admin_screens_have_the_admins_policy(client, superuser):
    client.force_login(superuser)
    for url in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/documents/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert policy(response)["frame-ancestors"] == ["'none'"], url


def test_page_preview_may_be_framed_by_the_admin_only(client, superuser, home_page):
    client.force_login(superuser)
    url = f"/admin/pages/{home_page.pk}/edit/preview/"
    assert is_preview_path(url)
    response = client.get(url)
    directives = policy(response)
    assert directives["frame-ancestors"] == ["'self'"]
    # The preview shows the public page under the public policy.
    assert "'unsafe-inline'" not in directives["script-src"]


def test_documents_carry_a_policy(client, db):
    response = client.get("/documents/999999/missing.pdf")
    assert "Content-Security-Policy" in response


def test_embedded_videos_need_no_inline_style(db):
    from django.template.loader import render_to_string
    from wagtail.embeds.models import Embed

    embed = Embed(
        url="https://www.youtube.com/watch?v=x",
        html='<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        width=640,
        height=360,
    )
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert 'class="responsive-object"' in html
    assert "style=" not in html

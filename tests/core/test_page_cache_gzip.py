"""A cached page is sent compressed from pieces compressed once (cms/core/page_cache): what
a browser that asks for gzip receives must be the page itself, with this response's own
nonce, whatever the page's length and wherever the nonce falls."""

import gzip
import json
import re
import zlib

import pytest
from django.test import Client

from cms.core.page_cache import HIT_HEADER
from cms.core.page_cache.middleware import _gzip_body, _gzip_parts, _marker
from cms.pages.models import StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.page_cache]


def _page(home_page, slug, paragraphs):
    page = StandardPage(
        title=f"Page {slug}",
        slug=slug,
        body=json.dumps([{"type": "paragraph", "value": paragraphs}]),
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def _nonces(text):
    return set(re.findall(r'nonce="([^"]+)"', text))


@pytest.mark.parametrize(
    "paragraphs",
    [
        "<p>Short.</p>",
        # About 200 KB of text, compressed in several deflate blocks.
        "".join(f"<p>Paragraph {n}: partnerships in health.</p>" for n in range(4000)),
    ],
    ids=["short", "long"],
)
def test_a_cached_page_sent_compressed_is_the_page_with_this_response_s_nonce(
    home_page, paragraphs
):
    page = _page(home_page, "compressed", paragraphs)
    plain = Client().get(page.url, HTTP_ACCEPT_ENCODING="identity")
    compressed = Client().get(page.url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert compressed[HIT_HEADER] == "hit"
    assert compressed["Content-Encoding"] == "gzip"
    assert int(compressed["Content-Length"]) == len(compressed.content)
    text = gzip.decompress(compressed.content).decode()
    # The same page as sent uncompressed, but for the nonce, which is this response's own.
    in_policy = set(re.findall(r"'nonce-([^']+)'", compressed["Content-Security-Policy"]))
    assert _nonces(text) == in_policy
    assert _nonces(text) != _nonces(plain.content.decode())
    assert re.sub(r'nonce="[^"]+"', "", text) == re.sub(
        r'nonce="[^"]+"', "", plain.content.decode()
    )
    assert "Paragraph" in text or "Short." in text


def test_a_visitor_who_does_not_ask_for_gzip_gets_the_page_uncompressed(home_page):
    page = _page(home_page, "plain", "<p>Plain.</p>" * 50)
    Client().get(page.url)

    response = Client().get(page.url)

    assert response[HIT_HEADER] == "hit"
    assert "Content-Encoding" not in response
    assert "Plain." in response.content.decode()


@pytest.mark.parametrize(
    "text",
    [
        b"<html>[N]</html>",
        b"[N]<p>starts with a value</p>",
        b"<p>ends with a value</p>[N]",
        b"[N][N]two values side by side, then [N] another",
        b"no value at all, " * 40,
        bytes(range(256)) * 300 + b"[N]" + bytes(range(256)) * 300,
    ],
)
def test_the_pieces_and_values_join_into_a_valid_gzip_stream(text):
    content = text.replace(b"[N]", _marker("csp_nonce"))
    value = b"A-value_of+this/response=="

    body = _gzip_body(_gzip_parts(content, ["csp_nonce"]), {"csp_nonce": value})

    # zlib checks the CRC-32 and the length of gzip's trailer.
    assert zlib.decompress(body, 31) == text.replace(b"[N]", value)

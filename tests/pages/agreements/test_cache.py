"""Agreement pages in the anonymous page cache: kept for the next visitor, and shown anew on
the next visit after a change of the agreement (its amount, a partner's name), in every
language; an agreement made confidential answers 404 at once, and leaves its partner's
profile and the list of agreements."""

from unittest import mock

from django.test import Client
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from cms.core.page_cache import HIT_HEADER

from .fixtures import REFERENCE


def visit(url):
    """A new anonymous visitor's GET (no cookie)."""
    return Client().get(url)


def spaced(text):
    """The text with the no-break spaces that money is written with as spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def cached_text(url):
    """Visit twice; the second answer must come from the cache. Its text."""
    assert visit(url).status_code == 200
    second = visit(url)
    assert second.status_code == 200
    assert second[HIT_HEADER] == "hit", url
    return spaced(second.content.decode())


def page(language):
    return f"/{language}/agreements/{REFERENCE}/"


def test_a_changed_amount_shows_on_the_next_visit_in_every_language(main):
    assert "KRW 249,000,000" in cached_text(page("en"))
    assert "249 000 000 KRW" in cached_text(page("fr"))

    main.amount = 300_000_000
    main.amount_usd = 258_000
    main.save()

    for language, amount, usd in (
        ("en", "KRW 300,000,000", "USD 258,000"),
        ("fr", "300 000 000 KRW", "258 000 USD"),
    ):
        response = visit(page(language))
        assert response[HIT_HEADER] != "hit"
        text = spaced(response.content.decode())
        assert amount in text
        assert usd in text


def test_a_partner_renamed_shows_on_the_agreement_page(main, korea):
    assert "Government of the Republic of Korea" in cached_text(page("en"))

    korea.name = "Republic of Korea (Ministry of Science and ICT)"
    korea.save()

    assert "Republic of Korea (Ministry of Science and ICT)" in visit(page("en")).content.decode()


def test_an_agreement_made_confidential_answers_404_on_the_next_visit(main, australia):
    profile = f"/en/partners/{australia.pk}/government-of-australia/"
    assert REFERENCE in cached_text(page("en"))
    assert REFERENCE in cached_text(page("ar"))
    assert REFERENCE in cached_text(profile)

    main.is_confidential = True
    main.save()

    for language in ("en", "fr", "ar"):
        response = visit(page(language))
        assert response.status_code == 404
        assert "Digital villages" not in response.content.decode()
    assert REFERENCE not in visit(profile).content.decode()
    # Nor named by the public addendum that amends it.
    assert REFERENCE not in visit("/en/agreements/KOR-2017-0043/").content.decode()


def test_a_confidential_agreement_made_public_is_served_at_once(main):
    main.is_confidential = True
    main.save()
    assert visit(page("en")).status_code == 404

    main.is_confidential = False
    main.save()
    assert visit(page("en")).status_code == 200


def test_with_a_cdn_an_agreement_made_confidential_is_purged_in_every_language(main, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://cdn.example",
        }
    }
    purged = []

    def purge(batch, *args, **kwargs):
        purged.extend(batch.urls)

    with mock.patch.object(PurgeBatch, "purge", purge):
        main.is_confidential = True
        main.save()

    for language in ("en", "fr", "es", "ru", "ar", "zh-hans"):
        assert f"http://localhost{page(language)}" in purged

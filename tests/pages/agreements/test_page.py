"""An agreement's public page, `/<language>/agreements/<reference>/`: what it shows (partners
linked to their profiles, type, dates, places, areas, the amount in its currency and in US
dollars, the amendment chain, the linked opportunity), in the visitor's language; and the
site's 404 for an unknown or confidential reference."""

from decimal import Decimal

import pytest

from cms.core.formats import format_money
from cms.pages.public_records import agreement_url
from tests.pages.directory import data
from tests.pages.html import alternate_links, languages, parse, switcher_entries

from .fixtures import CONFIDENTIAL, REFERENCE


def page_url(language="en", reference=REFERENCE):
    return f"/{language}/agreements/{reference}/"


def spaced(text):
    """The text with the no-break spaces that money and dates are written with as spaces."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def summary(soup):
    return {
        item.dt.get_text(strip=True): spaced(item.dd.get_text(" ", strip=True))
        for item in soup.select(".partner-summary__list > div")
    }


def terms(soup):
    return {
        group.dt.get_text(strip=True): [li.get_text(strip=True) for li in group.select("dd li")]
        for group in soup.select(".partner-terms__group")
    }


def test_the_page_shows_the_agreement_in_english(client, main, korea, australia, opportunity):
    response = client.get(page_url())

    assert response.status_code == 200
    soup = parse(response)
    assert soup.h1.get_text(" ", strip=True) == f"{REFERENCE} Digital villages in Asia-Pacific"
    assert summary(soup) == {
        "Type of agreement": "Memorandum of understanding",
        "Status": "Active",
        "Signature date": "3 May 2016",
        "Start date": "1 June 2016",
        "End date": "31 December 2018",
        "Amount": "KRW 249,000,000",
        "Value in US dollars": "USD 214,389",
    }
    partners = {a.get_text(): a["href"] for a in soup.select(".agreement-page__partners a")}
    assert partners == {
        "Government of the Republic of Korea": (
            f"/en/partners/{korea.pk}/government-of-the-republic-of-korea/"
        ),
        "Government of Australia": f"/en/partners/{australia.pk}/government-of-australia/",
    }
    found = terms(soup)
    assert found["Beneficiary regions"] == ["Africa", "Asia-Pacific"]
    assert found["Beneficiary countries"] == ["Fiji", "Vietnam"] or found[
        "Beneficiary countries"
    ] == ["Fiji", "Viet Nam"]
    assert found["Primary thematic area"] == ["Cybersecurity"]
    assert found["Secondary thematic areas"] == ["Infrastructure"]
    amendment = soup.find("a", string="KOR-2017-0043")
    assert amendment["href"] == "/en/agreements/KOR-2017-0043/"
    linked = soup.select_one(".agreement-page__opportunities a")
    assert linked.get_text() == "Smart villages in Viet Nam"
    assert linked["href"] == opportunity.get_url()


def test_confidential_agreements_of_the_chain_are_never_named(client, main):
    text = client.get(page_url()).content.decode()

    assert CONFIDENTIAL not in text
    assert "Secret trust fund" not in text
    assert "CONF-ADD-0044" not in text
    assert "Hidden addendum" not in text
    # The amendment chain shows what is public of it: the public addendum only.
    assert "Amends" not in text


def test_an_amendment_links_back_to_the_agreement_it_amends(client, main):
    soup = parse(client.get(page_url(reference="KOR-2017-0043")))

    amends = soup.select_one("[aria-labelledby=agreement-chain] a")
    assert amends["href"] == page_url()
    assert summary(soup)["Amount"] == "USD 50,000"
    assert "Value in US dollars" not in summary(soup)


def test_the_page_is_in_french(client, main):
    soup = parse(client.get(page_url("fr")))

    assert languages(soup) == ("fr", ("fr", "ltr"))
    found = summary(soup)
    assert found["Montant"] == "249 000 000 KRW"
    assert found["Valeur en dollars des États-Unis"] == "214 389 USD"
    assert found["Date de signature"] == "3 mai 2016"
    names = [a.get_text() for a in soup.select(".agreement-page__partners a")]
    assert "Gouvernement de la République de Corée" in names
    assert "Gouvernement de l'Australie" in names
    assert terms(soup)["Domaine thématique principal"] == ["Cybersécurité"]


def test_the_page_is_right_to_left_in_arabic(client, main):
    soup = parse(client.get(page_url("ar")))

    assert languages(soup) == ("ar", ("ar", "rtl"))
    assert "مذكرة تفاهم" in soup.main.get_text()
    assert summary(soup).get("المبلغ")  # the labels are translated


def test_the_page_has_its_language_versions_and_description(client, main):
    soup = parse(client.get(page_url("fr")))

    alternates = alternate_links(soup)
    assert alternates["en"].endswith(page_url("en"))
    assert alternates["ar"].endswith(page_url("ar"))
    assert alternates["x-default"].endswith(page_url("en"))
    switcher = {code: href for code, _name, href, _current in switcher_entries(soup)}
    assert switcher["en"] == page_url("en")
    assert switcher["zh-hans"] == page_url("zh-hans")
    description = spaced(soup.find("meta", attrs={"name": "description"})["content"])
    assert description.startswith(f"{REFERENCE}: Digital villages in Asia-Pacific.")
    assert "249 000 000 KRW" in description
    # Escaped once: the partner's apostrophe reads as one.
    assert "Gouvernement de l'Australie" in description
    canonical = soup.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver{page_url('fr')}"
    crumbs = [a.get_text() for a in soup.select(".breadcrumbs a")]
    assert crumbs[0] == "Home [fr]"


def test_an_unknown_or_confidential_reference_answers_the_sites_404(client, main):
    for reference in (CONFIDENTIAL, "CONF-ADD-0044", "NO-SUCH-REF"):
        for language in ("en", "fr", "ar"):
            response = client.get(page_url(language, reference))
            assert response.status_code == 404, (reference, language)
            # Not even the other languages' addresses of what was asked for.
            assert reference not in response.content.decode()
    arabic = parse(client.get(page_url("ar", CONFIDENTIAL)))
    assert arabic.html["dir"] == "rtl"


#: "Value in US dollars" in each language.
LABELS = {
    "en": "Value in US dollars",
    "fr": "Valeur en dollars des États-Unis",
    "es": "Valor en dólares de los Estados Unidos",
    "ru": "Стоимость в долларах США",
    "ar": "القيمة بدولارات الولايات المتحدة",
    "zh-hans": "美元价值",
}


@pytest.mark.parametrize("language", list(LABELS))
def test_the_page_is_in_each_of_the_six_languages(client, main, language):
    response = client.get(page_url(language))

    assert response.status_code == 200
    soup = parse(response)
    assert soup.html["lang"] == language
    assert soup.html["dir"] == ("rtl" if language == "ar" else "ltr")
    found = summary(soup)
    expected = format_money(Decimal("214389"), "USD", language=language)
    assert found[LABELS[language]] == spaced(expected)
    assert spaced(format_money(Decimal("249000000"), "KRW", language=language)) in found.values()


def test_a_reference_that_needs_encoding_has_a_working_address(client, main, vocab, korea):
    data.add_public_agreement(korea, vocab, 77, reference="ITU/2015 #12?", title="Odd reference")

    url = agreement_url("ITU/2015 #12?", "fr")
    assert url == "/fr/agreements/ITU/2015%20%2312%3F/"
    soup = parse(client.get(url))
    assert soup.h1.get_text(" ", strip=True) == "ITU/2015 #12? Odd reference"
    profile = parse(client.get(f"/fr/partners/{korea.pk}/government-of-the-republic-of-korea/"))
    assert profile.find("a", string="ITU/2015 #12?")["href"] == url

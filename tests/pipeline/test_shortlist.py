"""Saving the finder's shortlist to an opportunity's pipeline: all of it or the partners
ticked, once whatever the language and however often, and only by those allowed to."""

import pytest
from bs4 import BeautifulSoup

from cms.pipeline.models import PipelineEntry, Stage
from cms.pipeline.shortlist import save_shortlist
from cms.pipeline.viewsets import pipeline_url

from .conftest import SHORTLIST, finder_url, is_refused

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def ranked_names(response):
    return [h3.get_text(" ", strip=True) for h3 in soup(response).select(".finder-result__name")]


def test_an_officer_saves_the_whole_shortlist(client, officer, archive, opportunity):
    client.force_login(officer)
    url = finder_url(opportunity)
    page = soup(client.get(url))
    assert page.select_one("#finder-save button[value=all]").get_text(strip=True) == (
        "Save shortlist to this opportunity"
    )

    response = client.post(url, {"scope": "all"}, follow=True)

    assert response.redirect_chain[-1][0] == pipeline_url(opportunity)
    entries = list(PipelineEntry.objects.order_by("finder_rank"))
    # The four partners the finder ranks for Cybersecurity in Africa, in its order.
    assert [e.partner.name for e in entries] == SHORTLIST
    assert [e.finder_rank for e in entries] == [1, 2, 3, 4]
    assert entries[0].finder_score > entries[-1].finder_score > 0
    assert {(e.stage, e.owner, e.opportunity_id) for e in entries} == {
        (Stage.IDENTIFIED, officer, opportunity.pk)
    }
    text = response.content.decode()
    assert "4 partners added to the pipeline of “Safer schools online”." in text
    assert "Pipeline: Safer schools online" in text
    assert "Recent Large Partner" in text and "Unrelated Partner" not in text


def test_saving_twice_adds_only_the_new_partners(client, officer, archive, opportunity):
    client.force_login(officer)
    client.post(finder_url(opportunity), {"scope": "selected", "partner": archive["best"].pk})
    best = PipelineEntry.objects.get()
    best.stage = Stage.CONTACTED
    best.save()

    response = client.post(finder_url(opportunity), {"scope": "all"}, follow=True)

    assert PipelineEntry.objects.count() == 4
    assert PipelineEntry.objects.get(partner=archive["best"]).stage == Stage.CONTACTED
    text = response.content.decode()
    assert "3 partners added to the pipeline" in text
    assert "1 was already in it and is unchanged." in text
    client.post(finder_url(opportunity), {"scope": "all"})
    assert PipelineEntry.objects.count() == 4


def test_only_the_ticked_partners_are_saved(client, officer, archive, opportunity):
    client.force_login(officer)
    ticked = [archive["small"].pk, archive["old"].pk, archive["unrelated"].pk]

    response = client.post(
        finder_url(opportunity), {"scope": "selected", "partner": ticked}, follow=True
    )

    # "Unrelated Partner" is not in the shortlist: a forged tick does not add it.
    saved = dict(PipelineEntry.objects.values_list("partner__name", "finder_rank"))
    assert saved == {"Small Partner": 3, "Old Partner": 4}
    assert "2 partners added" in response.content.decode()


def test_nothing_ticked_saves_nothing_and_says_so(client, officer, archive, opportunity):
    client.force_login(officer)
    response = client.post(finder_url(opportunity), {"scope": "selected"}, follow=True)
    assert PipelineEntry.objects.count() == 0
    assert "Nothing was saved: tick the partners to save." in response.content.decode()


def test_a_translated_partner_or_page_maps_to_one_entry(officer, archive, opportunity, locales):
    from cms.finder.results import PartnerMatch

    french_partner = archive["best"].copy_for_translation(locales["fr"])
    french_partner.name = "Grand partenaire récent"
    french_partner.save()
    french_page = opportunity.copy_for_translation(locales["fr"], copy_parents=True)

    def match(partner):
        return PartnerMatch(
            pk=partner.pk,
            name=partner.name,
            english_name=partner.name,
            acronym="",
            kind_id=partner.kind_id,
            is_funding_partner=True,
            score=3.5,
        )

    first = save_shortlist(opportunity, [(1, match(archive["best"]))], officer)
    second = save_shortlist(french_page, [(1, match(french_partner))], officer)

    assert (first.added, second.added, second.already) == (1, 0, 1)
    saved = PipelineEntry.objects.get()
    assert (saved.partner, saved.opportunity.pk) == (archive["best"], opportunity.pk)


@pytest.mark.parametrize("role", ["editor", "lead"])
def test_who_may_not_save_gets_no_button_and_a_refusal(client, request, role, archive, opportunity):
    """Editors do not use the finder; leads use it and read pipelines but do not keep them."""
    user = request.getfixturevalue(role)
    client.force_login(user)
    url = finder_url(opportunity)
    page = client.get(url)
    if role == "lead":
        assert page.status_code == 200 and ranked_names(page)
        assert soup(page).select_one("#finder-save") is None
        assert soup(page).select_one("input[name=partner]") is None

    assert is_refused(client.post(url, {"scope": "all"}))
    assert PipelineEntry.objects.count() == 0


def test_without_an_opportunity_there_is_nothing_to_save_to(client, officer, archive):
    client.force_login(officer)
    page = soup(client.get("/admin/partner-finder/?area=cybersecurity&region=afr"))
    assert page.select(".finder-result") and page.select_one("#finder-save") is None


def test_the_finder_marks_the_partners_already_in_the_pipeline(
    client, officer, archive, opportunity
):
    client.force_login(officer)
    client.post(finder_url(opportunity), {"scope": "selected", "partner": archive["small"].pk})

    page = soup(client.get(finder_url(opportunity)))

    marked = [
        result.select_one(".finder-result__name").get_text(" ", strip=True)
        for result in page.select(".finder-result")
        if result.select_one("[data-in-pipeline]")
    ]
    assert marked == ["Small Partner"]
    assert page.select_one("[data-in-pipeline]").get_text(strip=True) == "In the pipeline"

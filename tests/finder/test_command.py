"""`manage.py find_partners`: the JSON list, the table, and clear errors without traceback."""

import json
from io import StringIO

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError

from cms.finder.criteria import Criteria
from cms.finder.ranking import rank_partners
from cms.pages.factories_opportunities import OpportunityIndexPageFactory, OpportunityPageFactory

from . import built_once

pytestmark = pytest.mark.django_db

# The conftest's vocabularies and ranking archive, built once for this module (built_once.py).
finder_records, vocab, archive = built_once.FIXTURES


def find(*args):
    output = StringIO()
    call_command("find_partners", *args, stdout=output)
    return output.getvalue()


def test_json_lists_partners_best_first_with_their_agreements(vocab, archive):
    results = json.loads(find("--area", "Cybersecurity", "--region", "AFR", "--json"))

    assert [set(item) for item in results] == [{"partner", "score", "agreements"}] * len(results)
    assert results[0]["partner"] == "Recent Large Partner"
    assert sorted(results[0]["agreements"]) == ["BEST-1", "BEST-2"]
    scores = [item["score"] for item in results]
    assert scores == sorted(scores, reverse=True)
    assert "Unrelated Partner" not in [item["partner"] for item in results]
    mixed = next(item for item in results if item["partner"] == "Mixed Partner")
    assert mixed["agreements"] == ["MIXED-IN"]


def test_json_is_the_ranking(vocab, archive):
    results = json.loads(
        find("--area", "cybersecurity", "--region", "afr", "--country", "KE", "--json")
    )
    criteria = Criteria(
        areas={vocab["cyber"].pk}, regions={vocab["afr"].pk}, countries={vocab["ke"].pk}
    )

    assert results == [match.as_dict() for match in rank_partners(criteria).results]


def test_area_in_another_language(vocab, archive, locales):
    french = vocab["cyber"].copy_for_translation(locales["fr"])
    french.name = "Cybersécurité"
    french.save()

    in_french = json.loads(find("--area", "Cybersécurité", "--json"))
    assert in_french == json.loads(find("--area", "Cybersecurity", "--json"))
    assert in_french


def test_limit_text_and_kind(vocab, archive):
    results = json.loads(
        find("--area", "Cybersecurity", "--kind", "foundation", "--limit", "1", "--json")
    )

    assert len(results) == 1
    assert results[0]["partner"] in {"Small Partner", "Mixed Partner"}


def test_public_only_leaves_confidential_agreements_out(vocab, archive):
    from cms.snippets.factories import PartnerFactory

    from .conftest import agreement

    agreement(vocab, PartnerFactory(name="Secret"), reference="SECRET-1", is_confidential=True)

    everything = json.loads(find("--area", "Cybersecurity", "--json"))
    public = json.loads(find("--area", "Cybersecurity", "--public-only", "--json"))
    assert "Secret" in [item["partner"] for item in everything]
    assert "Secret" not in [item["partner"] for item in public]


def test_opportunity_gives_its_terms(vocab, archive, home_page):
    index = OpportunityIndexPageFactory(parent=home_page)
    page = OpportunityPageFactory(
        parent=index, thematic_areas=[vocab["infra"]], regions=[vocab["eur"]]
    )

    results = json.loads(find("--opportunity", str(page.pk), "--json"))
    assert {item["partner"] for item in results} == {"Unrelated Partner", "Mixed Partner"}


def test_table_shows_the_breakdown_and_agreements(vocab, archive):
    table = find("--area", "Cybersecurity", "--region", "AFR")

    assert "Recent Large Partner" in table
    assert "Agreements in the thematic areas" in table
    assert "BEST-1" in table
    assert "UNREL-1" not in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--area", "Astrology"], "Unknown thematic area: “Astrology”"),
        (["--region", "XYZ"], "Unknown region: “XYZ”"),
        (["--country", "ZZ"], "Unknown country: “ZZ”"),
        (["--kind", "pirates"], "Unknown partner kind"),
        ([], "Give at least one"),
        (["--area", "Cybersecurity", "--limit", "0"], "--limit must be between 1 and"),
        (["--opportunity", "999999"], "No opportunity page has the id 999999"),
    ],
)
def test_bad_input_is_a_clear_error(vocab, args, message):
    with pytest.raises(CommandError, match=message):
        find(*args, "--json")


def test_bad_input_exits_non_zero_without_traceback(vocab, capsys):
    command = load_command_class("cms.finder", "find_partners")

    with pytest.raises(SystemExit) as exit_info:
        command.run_from_argv(["manage.py", "find_partners", "--area", "Astrology", "--json"])

    assert exit_info.value.code != 0
    captured = capsys.readouterr()
    assert "Unknown thematic area" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""

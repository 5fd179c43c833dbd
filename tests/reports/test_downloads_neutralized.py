"""The list of agreements as a file: a title typed as a formula is never a formula in the
CSV or XLSX download (issue 16)."""

import datetime

import pytest

from cms.snippets.factories import AgreementFactory
from tests.core.injections import INJECTIONS, assert_neutralized_csv, assert_neutralized_xlsx

from . import built_once

# The conftest's records, built once for this module (built_once.py).
reports_records, vocab, addendum, statistics_pages, archive = built_once.FIXTURES

URL = "/en/statistics/agreements/{fmt}/?start=2015&end=2016"


@pytest.mark.parametrize("typed", INJECTIONS)
def test_agreement_list_files_neutralize_a_formula_title(
    client, statistics_pages, archive, vocab, typed
):
    AgreementFactory(
        reference="A-2015-INJECTED",
        title=typed,
        agreement_type=vocab.mou,
        signature_date=datetime.date(2015, 12, 1),
        regions=[vocab.regions["eur"]],
        primary_area=vocab.areas["infrastructure"],
    )
    assert_neutralized_csv(client.get(URL.format(fmt="csv")), typed)
    assert_neutralized_xlsx(client.get(URL.format(fmt="xlsx")), typed)

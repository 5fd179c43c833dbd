"""The officers' export of expressions of interest: what a visitor typed into the public
form is never a formula in the CSV or XLSX file (issue 16)."""

import pytest
from django.urls import reverse

from cms.interest.factories import ExpressionOfInterestFactory
from cms.interest.viewsets import expression_of_interest_viewset as viewset
from tests.core.injections import INJECTIONS, assert_neutralized_csv, assert_neutralized_xlsx


@pytest.mark.parametrize("typed", INJECTIONS)
def test_typed_formulas_come_out_neutralized(client, officer, opportunity, typed):
    ExpressionOfInterestFactory(page=opportunity, organisation=typed, message=typed)
    client.force_login(officer)
    index = reverse(viewset.get_url_name("index"))

    csv_response = client.get(index, {"export": "csv"})
    xlsx_response = client.get(index, {"export": "xlsx"})

    assert csv_response.status_code == xlsx_response.status_code == 200
    assert_neutralized_csv(csv_response, typed)
    assert_neutralized_xlsx(xlsx_response, typed)

"""The admin listings of partnership records as CSV and XLSX: a title or a partner's name
typed as a formula is never a formula in the file (issue 16), and amounts stay numbers."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cms.snippets.factories import AgreementFactory, PartnerFactory
from cms.snippets.models import Agreement, Partner
from tests.core.injections import (
    INJECTIONS,
    assert_neutralized_csv,
    assert_neutralized_xlsx,
    body,
)


def export(client, model, fmt):
    response = client.get(reverse(model.snippet_viewset.get_url_name("list")), {"export": fmt})
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("typed", INJECTIONS)
def test_agreements_listing_neutralizes_typed_formulas(client, superuser, typed):
    AgreementFactory(title=typed, amount=Decimal("1500.50"), currency="USD")
    client.force_login(superuser)

    assert_neutralized_csv(export(client, Agreement, "csv"), typed)
    assert_neutralized_xlsx(export(client, Agreement, "xlsx"), typed)


@pytest.mark.parametrize("typed", INJECTIONS)
def test_partners_listing_neutralizes_a_typed_name(client, superuser, typed):
    PartnerFactory(name=typed)
    client.force_login(superuser)

    assert_neutralized_csv(export(client, Partner, "csv"), typed)
    assert_neutralized_xlsx(export(client, Partner, "xlsx"), typed)


def test_agreements_listing_keeps_amounts_as_numbers(client, superuser):
    AgreementFactory(reference="BDT-1", amount=Decimal("1500.50"), currency="USD")
    client.force_login(superuser)

    sheet = load_workbook(io.BytesIO(body(export(client, Agreement, "xlsx")))).active
    header = [cell.value for cell in sheet[1]]
    amount = sheet.cell(row=2, column=header.index("Amount") + 1)
    assert amount.data_type == "n"
    assert amount.value == 1500.5
    text = body(export(client, Agreement, "csv")).decode()
    assert ",1500.50," in text

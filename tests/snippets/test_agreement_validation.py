"""Agreement.clean: what an officer is told when a record does not hold together, and the
cumulative value of an agreement with its addenda."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cms.snippets.factories import AgreementFactory


def errors_of(agreement):
    with pytest.raises(ValidationError) as caught:
        agreement.clean()
    return caught.value.message_dict


@pytest.fixture
def original(mou, areas):
    return AgreementFactory(agreement_type=mou, primary_area=areas["cybersecurity"])


def test_a_sound_agreement_passes(original):
    original.currency = "EUR"
    original.amount_usd = Decimal("110000.00")
    original.start_date = datetime.date(2015, 7, 1)
    original.end_date = datetime.date(2017, 6, 30)
    original.clean()


@pytest.mark.parametrize("currency", ["XYZ", "EURO", "US$"])
def test_currency_must_be_an_iso_4217_code(original, currency):
    original.currency = currency
    assert "ISO 4217" in errors_of(original)["currency"][0]


def test_an_amount_needs_a_currency(original):
    original.currency = ""
    assert "currency" in errors_of(original)


def test_a_usd_amount_is_its_own_value_in_usd(original):
    original.amount, original.amount_usd = Decimal("2500.00"), None
    original.clean()
    assert original.amount_usd == Decimal("2500.00")


def test_end_date_cannot_be_before_start_date(original):
    original.start_date = datetime.date(2016, 1, 1)
    original.end_date = datetime.date(2015, 12, 31)
    assert "end_date" in errors_of(original)


@pytest.mark.parametrize("field", ["amount", "amount_usd"])
def test_amounts_cannot_be_negative(original, field):
    setattr(original, field, Decimal("-1.00"))
    assert field in errors_of(original)


def test_only_an_addendum_or_amendment_may_amend_an_agreement(original, mou, areas):
    other = AgreementFactory(agreement_type=mou, primary_area=areas["cybersecurity"])
    other.parent = original
    assert "addendum or amendment" in errors_of(other)["parent"][0]


def test_an_addendum_may_amend_an_agreement(original, addendum, areas):
    first = AgreementFactory(agreement_type=addendum, primary_area=areas["cybersecurity"])
    first.parent = original
    first.clean()


def test_amendment_chains_cannot_loop(original, addendum, areas):
    first = AgreementFactory(
        agreement_type=addendum, parent=original, primary_area=areas["cybersecurity"]
    )
    second = AgreementFactory(
        agreement_type=addendum, parent=first, primary_area=areas["cybersecurity"]
    )
    first.parent = second
    assert "cannot amend itself" in errors_of(first)["parent"][0]
    first.parent = first
    assert "parent" in errors_of(first)


def test_chain_value_adds_the_original_and_all_its_addenda(original, addendum, mou, areas):
    original.amount = original.amount_usd = Decimal("100000.00")
    original.save()

    def amend(parent, value):
        return AgreementFactory(
            agreement_type=addendum,
            parent=parent,
            primary_area=areas["cybersecurity"],
            amount=value,
            amount_usd=value,
        )

    first = amend(original, Decimal("20000.00"))
    second = amend(first, Decimal("5000.50"))
    amend(original, None)  # an addendum without a value adds nothing
    AgreementFactory(agreement_type=mou, primary_area=areas["cybersecurity"])  # unrelated
    for member in (original, first, second):
        assert member.chain_value_usd() == Decimal("125000.50")
    assert second.root == original

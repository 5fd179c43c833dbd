"""Minimal users and partnership records for the admin tests, made directly.

(cms/snippets/factories.py is written in parallel; these helpers need nothing from it.)
"""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cms.snippets.models import (
    Agreement,
    AgreementPartner,
    AgreementType,
    BeneficiaryRegion,
    Country,
    Partner,
    PartnerKind,
    ThematicArea,
)

_serial = itertools.count(1)


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw", **extra
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def english():
    return Locale.objects.get(language_code="en")


def term(model, code, name=None, **extra):
    """A vocabulary row of the source locale (English), made once."""
    row, _created = model.objects.get_or_create(
        code=code,
        locale=english(),
        defaults={"name": name or code.replace("-", " ").title(), **extra},
    )
    return row


def make_partner(name, kind="government", **fields):
    fields.setdefault("locale", english())
    return Partner.objects.create(name=name, kind=term(PartnerKind, kind), **fields)


def make_agreement(reference=None, partners=(), regions=("afr",), **fields):
    """An agreement with its partners and regions (English vocabulary rows)."""
    reference = reference or f"TEST-{next(_serial):04d}"
    fields.setdefault("title", f"Agreement {reference}")
    fields.setdefault("agreement_type", term(AgreementType, "mou", "Memorandum of understanding"))
    fields.setdefault("primary_area", term(ThematicArea, "capacity-building"))
    fields.setdefault("signature_date", datetime.date(2016, 5, 1))
    agreement = Agreement(reference=reference, **fields)
    agreement.regions = [term(BeneficiaryRegion, code) for code in regions]
    agreement.partner_links = [AgreementPartner(partner=partner) for partner in partners]
    agreement.save()
    return agreement


def make_country(code, region=None):
    return Country.objects.create(
        code=code, region=term(BeneficiaryRegion, region) if region else None
    )

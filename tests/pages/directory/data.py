"""Records for the tests of the partner directory, the recognitions page and the public API,
made with the shared factories: vocabularies with translations, funding partners, and the
staff-only data (internal notes, contacts, confidential agreements) that must never show."""

import datetime
import json
from decimal import Decimal
from types import SimpleNamespace

from wagtail.models import Locale

from cms.pages.directory_factories import PartnerDirectoryPageFactory, RecognitionsPageFactory
from cms.snippets.factories import (
    AgreementFactory,
    AgreementTypeFactory,
    BeneficiaryRegionFactory,
    CountryFactory,
    FundingMechanismFactory,
    FundingTypeFactory,
    MembershipCategoryFactory,
    PartnerContactFactory,
    PartnerFactory,
    PartnerKindFactory,
    RecognitionFactory,
    ThematicAreaFactory,
)

# Distinctive text put in every staff-only field: no public response may contain any of it.
SECRETS = {
    "internal_notes": "SECRET-NOTE-4f1b9 do not publish",
    "contact_name": "Zebulon Hiddencontact",
    "contact_email": "zebulon.hidden@secret-partner.example",
    "contact_phone": "+41 22 999 00 42",
    "contact_role": "Confidential liaison officer",
    "confidential_reference": "CONF-77301",
    "confidential_title": "Undisclosed trust-fund arrangement",
    "agreement_notes": "AGREEMENT-NOTE-8c2d internal only",
    "aliases": "Formerly-Known-As-Q9",
}

TERM_NAMES = {
    # code: {language: name}
    "government": {"en": "Government / administration", "fr": "Gouvernement / administration"},
    "foundation": {"en": "Foundation", "fr": "Fondation", "ar": "مؤسسة"},
    "company": {"en": "Private company", "fr": "Entreprise privée"},
    "capacity-building": {"en": "Capacity Building", "fr": "Renforcement des capacités"},
    "cybersecurity": {"en": "Cybersecurity", "fr": "Cybersécurité", "ar": "الأمن السيبراني"},
    "infrastructure": {"en": "Infrastructure", "fr": "Infrastructures"},
    "afr": {"en": "Africa", "fr": "Afrique", "ar": "أفريقيا"},
    "asp": {"en": "Asia-Pacific", "fr": "Asie-Pacifique"},
    "eur": {"en": "Europe", "fr": "Europe"},
    "member-state": {"en": "Member State", "fr": "État Membre"},
    "funds-in-trust": {"en": "Funds-in-trust", "fr": "Fonds d'affectation spéciale"},
    "grant": {"en": "Grant / financial contribution", "fr": "Subvention"},
    "mou": {"en": "Memorandum of understanding", "fr": "Mémorandum d'accord"},
}


def locale(code):
    return Locale.objects.get(language_code=code)


def translate_snippet(instance, code, **values):
    """The translation of a snippet into a language, with the given field values, saved."""
    translation = instance.copy_for_translation(locale(code))
    for name, value in values.items():
        setattr(translation, name, value)
    translation.save()
    return translation


def _term(factory, code, sort_order=0, **extra):
    names = TERM_NAMES[code]
    term = factory(code=code, name=names["en"], sort_order=sort_order, **extra)
    for language, name in names.items():
        if language != "en":
            translate_snippet(term, language, name=name)
    return term


def make_vocabularies():
    """The terms the tests use, translated into French (and some into Arabic)."""
    return SimpleNamespace(
        kinds={
            code: _term(PartnerKindFactory, code, position)
            for position, code in enumerate(("government", "foundation", "company"))
        },
        areas={
            code: _term(ThematicAreaFactory, code, position)
            for position, code in enumerate(
                ("capacity-building", "cybersecurity", "infrastructure")
            )
        },
        regions={
            code: _term(BeneficiaryRegionFactory, code, position)
            for position, code in enumerate(("afr", "asp", "eur"))
        },
        membership=_term(MembershipCategoryFactory, "member-state"),
        mechanism=_term(FundingMechanismFactory, "funds-in-trust"),
        funding_type=_term(FundingTypeFactory, "grant"),
        mou=_term(AgreementTypeFactory, "mou"),
        countries={code: CountryFactory(code=code) for code in ("KE", "FJ", "FR")},
    )


def make_partner(vocab, name, *, kind="government", areas=(), regions=(), **kwargs):
    """A funding partner (English row) with public fields filled in."""
    return PartnerFactory(
        name=name,
        kind=vocab.kinds[kind],
        areas=[vocab.areas[code] for code in areas],
        regions=[vocab.regions[code] for code in regions],
        **kwargs,
    )


def add_secrets(partner, vocab, *, translations=()):
    """Staff-only data on a partner (and its translations): internal notes, other names, a
    contact, and a confidential agreement with notes."""
    partner.internal_notes = SECRETS["internal_notes"]
    partner.aliases = SECRETS["aliases"]
    partner.save()
    for translation in translations:
        translation.internal_notes = SECRETS["internal_notes"]
        translation.save()
    PartnerContactFactory(
        partner=partner,
        name=SECRETS["contact_name"],
        email=SECRETS["contact_email"],
        phone=SECRETS["contact_phone"],
        role=SECRETS["contact_role"],
    )
    return AgreementFactory(
        reference=f"{SECRETS['confidential_reference']}-{partner.pk}",
        title=SECRETS["confidential_title"],
        agreement_type=vocab.mou,
        primary_area=vocab.areas["cybersecurity"],
        regions=[vocab.regions["afr"]],
        partners=[partner],
        is_confidential=True,
        notes=SECRETS["agreement_notes"],
        amount=Decimal("987654.00"),
    )


def add_public_agreement(partner, vocab, number, **kwargs):
    """A public agreement of a partner, signed in 2015 + number % 3."""
    defaults = {
        "reference": f"PUB-{partner.pk}-{number:03d}",
        "title": f"Cooperation on broadband {number}",
        "agreement_type": vocab.mou,
        "primary_area": vocab.areas["infrastructure"],
        "regions": [vocab.regions["afr"], vocab.regions["asp"]],
        "partners": [partner],
        "signature_date": datetime.date(2015 + number % 3, 3, 1),
        "amount": Decimal("250000.00"),
    }
    defaults.update(kwargs)
    return AgreementFactory(**defaults)


def add_recognition(partner, **kwargs):
    return RecognitionFactory(partner=partner, **kwargs)


def publish(parent, factory, **kwargs):
    """A page made by `factory` under `parent`, published."""
    page = factory(parent=parent, **kwargs)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate_page(page, code, *, title=None, live=True, **values):
    """A page's translation into a language, published (its parent must be translated)."""
    translation = page.copy_for_translation(locale(code)).specific
    translation.title = title or f"{page.title} [{code}]"
    for name, value in values.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if live:
        revision.publish()
    translation.refresh_from_db()
    return translation


def make_directory(home, **kwargs):
    return publish(home, PartnerDirectoryPageFactory, **kwargs)


def make_recognitions_page(home, **kwargs):
    return publish(home, RecognitionsPageFactory, **kwargs)


def rich_text_body(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def make_development_banks(vocab):
    """The African Development Bank, translated into French (with its French acronym),
    Arabic and Chinese; and the Asian Development Bank, in English only. Used by the tests of
    partners shown and found in the visitor's language (directory and site search)."""
    african = make_partner(
        vocab,
        "African Development Bank",
        acronym="AfDB",
        mandate="<p>Africa's multilateral development bank.</p>",
    )
    translate_snippet(
        african,
        "fr",
        name="Banque africaine de développement",
        acronym="BAD",
        mandate="<p>La banque multilatérale de développement de l'Afrique.</p>",
    )
    translate_snippet(african, "ar", name="البنك الأفريقي للتنمية")
    translate_snippet(african, "zh-hans", name="非洲开发银行")
    asian = make_partner(
        vocab,
        "Asian Development Bank",
        acronym="ADB",
        mandate="<p>The multilateral development bank of Asia and the Pacific.</p>",
    )
    return {"african": african, "asian": asian}

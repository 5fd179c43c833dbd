"""What the finder keeps in the shared cache follows every way records are written: the
partners (their English records, and the text of every record that the free text is looked
for in) after a save in the admin, the demo loader and the scale generator
(`changes_in_bulk`), and an import that creates partners; the names of the vocabularies'
terms after a save. A search right after the change finds what it says."""

import pytest
from wagtail.models import Locale

from cms.finder.criteria import Criteria, UnknownTerm, resolve_terms
from cms.finder.ranking import rank_partners
from cms.imports.service import run_import
from cms.publishing.page_cache import changes_in_bulk
from cms.snippets.factories import PartnerFactory, ThematicAreaFactory
from cms.snippets.models import Partner
from tests.imports.conftest import (  # noqa: F401 (fixtures)
    _private_storage,
    agreement_row,
    csv_bytes,
    vocabulary,
)

pytestmark = pytest.mark.django_db


def found(text, language=""):
    """{English name: the words of `text` found in its profile} of the partners ranked."""
    ranking = rank_partners(Criteria(text=text, language=language), limit=None)
    return {match.english_name: match.text_words for match in ranking.results}


def test_a_partner_saved_in_the_admin_is_searched_as_saved(vocab):
    partner = PartnerFactory(name="Harbour Trust", mandate="<p>Rural radio stations.</p>")
    assert found("lighthouse radio") == {"Harbour Trust": ("radio",)}

    partner.mandate = "<p>Lighthouse networks for coastal towns.</p>"
    partner.save()
    assert found("lighthouse radio") == {"Harbour Trust": ("lighthouse",)}

    partner.name = "Coastal Lighthouse Trust"
    partner.save()
    assert found("lighthouse") == {"Coastal Lighthouse Trust": ("lighthouse",)}

    partner.delete()
    assert found("lighthouse") == {}


def test_a_translation_saved_later_is_searched_in_its_language(vocab):
    partner = PartnerFactory(name="Harbour Trust", mandate="<p>Coastal networks.</p>")
    assert found("phares côtiers", language="fr") == {}

    french = partner.copy_for_translation(Locale.objects.get(language_code="fr"))
    french.mandate = "<p>Réseaux de phares côtiers.</p>"
    french.save()
    assert found("phares côtiers", language="fr") == {"Harbour Trust": ("phares", "côtiers")}


def test_partners_written_in_bulk_are_searched_once_the_bulk_ends(vocab):
    partner = PartnerFactory(name="Harbour Trust", mandate="<p>Rural radio stations.</p>")
    assert found("lighthouse") == {}
    with changes_in_bulk():  # as the demo loader and the scale generator write
        Partner.objects.filter(pk=partner.pk).update(mandate="<p>Lighthouse networks.</p>")
        PartnerFactory(name="Lighthouse Alliance")
    assert found("lighthouse") == {
        "Harbour Trust": ("lighthouse",),
        "Lighthouse Alliance": ("lighthouse",),
    }


def test_partners_created_by_an_import_are_searched(vocabulary):  # noqa: F811 (the fixture)
    assert found("zephyrlink") == {}
    data = csv_bytes([agreement_row(1, partners="GSMA; Zephyrlink Consortium")])
    result = run_import(data, "a.csv", dry_run=False, create_partners=True)
    assert result.ok, [str(problem) for problem in result.problems]

    assert found("zephyrlink") == {"Zephyrlink Consortium": ("zephyrlink",)}


def test_a_term_renamed_or_added_is_named_right_away(vocab):
    area = vocab["cyber"]
    assert resolve_terms(type(area), ["cybersecurity"]) == {area.pk}
    with pytest.raises(UnknownTerm):
        resolve_terms(type(area), ["Cyber resilience"])

    area.name = "Cyber resilience"
    area.save()
    assert resolve_terms(type(area), ["cyber resilience"]) == {area.pk}
    space = ThematicAreaFactory(code="space", name="Space")
    assert resolve_terms(type(area), ["Space", "cybersecurity"]) == {space.pk, area.pk}

"""`bench/generate_scale_data.py`: the demo grown to a multiple of its size for the benchmark:
the numbers asked for, opportunities in the six languages with their own text, the same data
from the same seed, nothing added when run again, and a clear message without the demo data.

The demo data it builds on is reduced here to what the command needs (vocabularies,
countries, the home page and its sections in six languages), built by the demo's own loaders,
so that the test stays fast; the generated records are small in number (overrides of the
factor's totals).
"""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, ReferenceIndex, Site

from bench.generate_scale_data import main
from bench.scale.command import Command
from bench.scale.generate import AGREEMENT_PREFIX, targets_for
from cms.demo.countries import load_countries
from cms.demo.facts import read_json
from cms.demo.vocabularies import VOCABULARIES
from cms.pages.models import OpportunityIndexPage, OpportunityPage
from cms.snippets.models import Agreement, AgreementPartner, Partner
from search.site import search_site

LANGUAGES = ["en", "fr", "es", "ru", "ar", "zh-hans"]
SIZE = {"partners": 14, "agreements": 80, "opportunities": 2}


@pytest.fixture(scope="module")
def demo_base(django_db_setup, django_db_blocker):
    """What the command builds on: the English vocabularies of the demo, the countries, and
    the opportunities index under the home page in the six languages; inside a transaction
    rolled back when the module's tests are done."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        facts = read_json("vocabularies.json")
        regions = {}
        for key, model in VOCABULARIES.items():
            for position, fact in enumerate(facts[key], start=1):
                extra = {name: fact[name] for name in ("is_amendment", "number") if name in fact}
                term = model.objects.create(
                    locale=source,
                    code=fact["code"],
                    name=fact["names"]["en"],
                    sort_order=position,
                    **extra,
                )
                if key == "regions":
                    regions[term.code] = term
        load_countries(regions)
        home = Site.objects.get(is_default_site=True).root_page.specific
        index = home.add_child(instance=OpportunityIndexPage(title="Opportunities"))
        index.save_revision().publish()
        for locale in Locale.objects.exclude(pk=source.pk):
            for page in (home, index):
                page.copy_for_translation(locale).save_revision().publish()
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


def generate(**options):
    output = StringIO()
    arguments = {**SIZE, **options}
    call_command(Command(), stdout=output, **arguments)
    return output.getvalue()


def english_partners():
    return Partner.objects.filter(locale__language_code="en")


def fingerprint():
    """What the generated data looks like, as comparable values."""
    return {
        "partners": list(
            english_partners()
            .order_by("name")
            .values_list("name", "acronym", "kind__code", "is_funding_partner", "mandate")
        ),
        "translated_partners": sorted(
            Partner.objects.exclude(locale__language_code="en").values_list(
                "locale__language_code", "name"
            )
        ),
        "agreements": list(
            Agreement.objects.order_by("reference").values_list(
                "reference", "title", "signature_date", "amount", "currency", "parent__reference"
            )
        ),
        "links": sorted(
            AgreementPartner.objects.values_list("agreement__reference", "partner__name", "role")
        ),
        "pages": sorted(
            OpportunityPage.objects.values_list(
                "locale__language_code", "slug", "title", "introduction", "status"
            )
        ),
    }


@pytest.mark.usefixtures("demo_base")
def test_generates_the_numbers_asked_for_in_six_languages(db):
    output = generate()

    assert english_partners().count() == SIZE["partners"]
    assert Agreement.objects.count() == SIZE["agreements"]
    assert Agreement.objects.filter(reference__startswith=AGREEMENT_PREFIX).count() == 80
    assert Agreement.objects.filter(parent__isnull=False).exists()
    assert not Agreement.objects.filter(partner_links__isnull=True).exists()
    years = Agreement.objects.dates("registered_on", "year")
    assert years.first().year < 2010 and years.last().year >= 2020
    pages = OpportunityPage.objects.live()
    assert {
        code: pages.filter(locale__language_code=code).count() for code in LANGUAGES
    } == dict.fromkeys(LANGUAGES, SIZE["opportunities"])
    # Each language has its own text: the French page is not the English one.
    english = pages.filter(locale__language_code="en").first()
    french = english.get_translation(Locale.objects.get(language_code="fr"))
    assert french.title != english.title
    assert "Cette phase se concentre sur" in french.introduction
    assert "Agreements: 80 (" in output
    # The search index is rebuilt: each page is found in its own language only.
    chinese = english.get_translation(Locale.objects.get(language_code="zh-hans"))
    assert chinese.pk in search_site(chinese.title[:6], "zh-hans").ids["opportunity"]
    assert chinese.pk not in search_site(chinese.title[:6], "en").ids["opportunity"]
    assert english.pk in search_site(english.title, "en").ids["opportunity"]
    # The admin sees where the new records are used (Wagtail's reference index).
    agreement = Agreement.objects.filter(reference__startswith=AGREEMENT_PREFIX).first()
    link = agreement.partner_links.first()
    assert ReferenceIndex.get_references_to(link.partner).filter(object_id=str(agreement.pk))
    area = french.thematic_areas.first().area
    assert ReferenceIndex.get_references_to(area).filter(object_id=str(french.pk))
    partner = english_partners().last()
    assert ReferenceIndex.get_references_to(partner.kind).filter(object_id=str(partner.pk))


@pytest.mark.usefixtures("demo_base")
def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(db):
    with transaction.atomic():
        generate(opportunities=1, skip_index=True)
        first = fingerprint()
        transaction.set_rollback(True)
    with transaction.atomic():
        generate(opportunities=1, skip_index=True)
        assert fingerprint() == first
        transaction.set_rollback(True)
    generate(opportunities=0, seed=7, skip_index=True)
    other = fingerprint()
    assert other["agreements"] != first["agreements"]
    assert other["partners"] != first["partners"]


@pytest.mark.usefixtures("demo_base")
def test_running_again_adds_nothing_and_a_larger_target_adds_the_rest(db):
    generate(opportunities=0, skip_index=True)
    before = fingerprint()

    output = generate(opportunities=0, skip_index=True)

    assert "Nothing to generate" in output
    assert fingerprint() == before
    generate(agreements=100, opportunities=0, skip_index=True)
    assert Agreement.objects.count() == 100
    assert english_partners().count() == SIZE["partners"]


def test_the_factor_sets_the_totals():
    assert targets_for(10) == targets_for(1, 1100, 10000, 100)
    assert targets_for(0.5, agreements=7).agreements == 7


def test_without_the_demo_data_it_says_what_to_run(db):
    # Whether or not the module's demo base is loaded at this point: no opportunities index.
    OpportunityIndexPage.objects.all().delete()

    with pytest.raises(CommandError, match="load_demo_data"):
        generate()
    assert not Agreement.objects.exists()


def test_the_script_takes_the_options_of_the_generator(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])

    assert done.value.code == 0
    usage = capsys.readouterr().out
    assert "python bench/generate_scale_data.py" in usage
    for option in ("--factor", "--partners", "--agreements", "--opportunities", "--seed"):
        assert option in usage


def test_the_script_refuses_a_factor_out_of_range(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--factor", "5000"])

    assert done.value.code == 2
    assert "The factor must be a number from 0 to 1000." in capsys.readouterr().err


@pytest.mark.usefixtures("demo_base")
def test_the_import_benchmark_imports_its_file_twice_and_cleans_up(db, capsys):
    from bench import imports

    generate(agreements=0, opportunities=0)
    before = Agreement.objects.count()
    assert imports.main(["--rows", "40"]) in {0, 1}  # timings are never asserted
    output = capsys.readouterr().out
    assert "created 40, updated 0, unchanged 0, errors 0" in output
    assert "created 0, updated 0, unchanged 40, errors 0" in output
    assert "Load average before" in output and "Load average after" in output
    assert Agreement.objects.count() == before
    rows = imports.build_rows(40)
    assert rows == imports.build_rows(40)  # the same file every time
    # Amendments name an original that comes before them in the file.
    seen = set()
    for row in rows:
        assert not row["parent_reference"] or row["parent_reference"] in seen
        seen.add(row["reference"])

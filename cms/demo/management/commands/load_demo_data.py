"""`manage.py load_demo_data`: the demo archive, built from code and the fact files."""

import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Locale, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.demo.agreements import load_agreements
from cms.demo.alerts import load_alerts
from cms.demo.archive import plan_archive
from cms.demo.countries import load_countries
from cms.demo.localize import search_indexing_paused
from cms.demo.material_kinds import load_materials
from cms.demo.materials import load_briefs
from cms.demo.opportunities import link_agreements, load_opportunities
from cms.demo.pages import load_home_pages
from cms.demo.partners import load_partners, partner_translation_facts, translate_partners
from cms.demo.recognitions import load_recognitions
from cms.demo.sections import load_section_pages
from cms.demo.sponsorship import load_sponsorship
from cms.demo.synonyms import load_synonyms
from cms.demo.users import load_users
from cms.demo.vocabularies import load_vocabularies
from cms.imports.bulk import rebuild_reference_index
from cms.localization.status import deferred_status_updates, rebuild_status
from cms.pages.models import OpportunityPage
from cms.publishing.page_cache import changes_in_bulk
from cms.snippets.models import Agreement, Material, Partner


class Command(BaseCommand):
    help = (
        "Load the demo data: vocabularies in the six languages, countries with their ITU-D "
        "regions, about 110 funding partners, the archive of about 990 agreements (the "
        "2014-2017 figures of the source document exactly), the 25th-anniversary "
        "recognitions, the home page and its sections in six languages (partnership "
        "opportunities with their briefs, partner directory, recognitions, how to partner) "
        "and one demo user per role; then rebuild the search index. Safe to run again: "
        "existing records are kept as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not rebuild the search index at the end.",
        )

    def handle(self, *args, **options):
        # With DEBUG on (`make demo`), Django keeps every query of the connection and, on
        # SQLite, quotes its parameters with one more query: 55,000 more queries in a load of
        # 84,000, for a log nobody reads.
        with override_settings(DEBUG=False):
            self._load(options)

    def _load(self, options):
        started = time.monotonic()
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        targets = list(Locale.objects.exclude(pk=source.pk).order_by("pk"))
        # Both indexes are rebuilt once at the end, faster than updating them on each save;
        # the page cache is invalidated once at the end too.
        with (
            search_indexing_paused(),
            disable_reference_index_auto_update(),
            deferred_status_updates(),
            changes_in_bulk(),
            transaction.atomic(),
        ):
            vocabularies, vocabulary_translations = load_vocabularies(source, targets)
            countries, new_countries = load_countries(vocabularies["regions"])
            partners, new_partners = load_partners(source, vocabularies, countries)
            new_agreements = load_agreements(plan_archive(), vocabularies, partners, countries)
            partner_translations = translate_partners(targets, partners)
            new_recognitions, recognition_translations = load_recognitions(
                source, targets, partners
            )
            pages = load_home_pages(targets)
            home = Site.objects.get(is_default_site=True).root_page.specific
            sections, section_pages = load_section_pages(home, targets)
            briefs, new_briefs, brief_translations = load_briefs(source, targets)
            # Brochures, slide decks and videos after each brief, on the opportunities named.
            more, new_materials, material_translations = load_materials(source, targets)
            materials = {slug: [*items, *more.get(slug, [])] for slug, items in briefs.items()}
            opportunities, opportunity_pages = load_opportunities(
                sections["opportunities"], targets, vocabularies, countries, materials
            )
            linked = link_agreements(opportunities)
            sponsorship_written, sponsorship_summary = load_sponsorship(
                home, targets, sections, vocabularies, partners
            )
            alerts_written, alerts_summary = load_alerts(
                home, targets, sections, vocabularies, partners
            )
            usernames, new_users = load_users()
            new_synonyms = load_synonyms()
            call_command("load_demo_pipeline", stdout=self.stdout)  # cms/pipeline
        written = [
            vocabulary_translations,
            new_countries,
            new_partners,
            new_agreements,
            partner_translations,
            new_recognitions,
            recognition_translations,
            pages,
            section_pages,
            new_briefs,
            brief_translations,
            new_materials,
            material_translations,
            opportunity_pages,
            linked,
            sponsorship_written,
            alerts_written,
        ]
        if any(written):
            # The admin's "used by" lists and deletion warnings read the reference index:
            # rebuilt by batch, as Wagtail's rebuild_references_index would, four times faster.
            rebuild_reference_index()
        if not options["skip_index"]:
            call_command("rebuild_search_index", verbosity=0)
        # The translation status matrix, recomputed once rather than on each save.
        translation_objects = rebuild_status()

        archive = Agreement.objects.in_period("1900-01-01", "2017-12-31").count()
        lines = [
            f"Vocabulary terms: {sum(map(len, vocabularies.values()))} in English, "
            f"{vocabulary_translations} translations written",
            f"Countries: {len(countries)} ({new_countries} new)",
            f"Funding partners: {Partner.objects.in_source_locale().funding_partners().count()}"
            f" ({new_partners} partners new), {len(partner_translation_facts())} translated "
            f"into the five other languages ({partner_translations} translations written)",
            f"Agreements: {Agreement.objects.count()} ({new_agreements} new), "
            f"{archive} by the end of 2017",
            f"Recognitions: {new_recognitions} new, {recognition_translations} translations "
            "written",
            f"Home pages written: {pages} (locales: "
            f"{', '.join(sorted(loc.language_code for loc in [source, *targets]))})",
            f"Section pages written: {section_pages} ({', '.join(sections)})",
            f"Opportunities: {OpportunityPage.objects.live().count()} pages in all languages "
            f"({len(opportunities)} in English), {opportunity_pages} pages written",
            f"Briefs: {Material.objects.filter(kind=Material.Kind.BRIEF).count()} in all "
            f"languages ({new_briefs} new), {brief_translations} translations written",
            "Brochures, slide decks and videos: "
            f"{Material.objects.exclude(kind=Material.Kind.BRIEF).count()} in all languages "
            f"({new_materials} new), {material_translations} translations written",
            f"Agreements linked to their opportunity: {linked}",
            f"Demo users: {', '.join(usernames)} ({len(new_users)} new)",
            f"Search synonyms: {new_synonyms} groups written",
            *[line for line in (sponsorship_summary, alerts_summary) if line],
            f"Search index: {'skipped' if options['skip_index'] else 'rebuilt'}",
            f"Translation status: {translation_objects} pages and snippets",
            f"Done in {time.monotonic() - started:.1f} s.",
        ]
        self.stdout.write("\n".join(lines))

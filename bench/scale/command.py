"""`bench/generate_scale_data.py`: the demo grown to a multiple of its size (see
`bench.scale.generate`), to measure search and the partner finder at scale (`bench/`).

A Django command class, run by that script rather than by `manage.py`: it keeps Django's
argument handling and error reporting without making the benchmark part of the installed site.
"""

import time
from argparse import ArgumentTypeError

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from bench.scale.generate import (
    DEFAULT_SEED,
    SCALE_PER_FACTOR,
    MissingDemoData,
    current_counts,
    generate_agreements,
    generate_opportunities,
    generate_partners,
    link_opportunity_agreements,
    load_base,
    targets_for,
)
from cms.demo.localize import search_indexing_paused
from cms.imports.bulk import update_reference_index
from cms.localization.status import deferred_status_updates, rebuild_status
from cms.pages.models import OpportunityPage
from cms.publishing.page_cache import changes_in_bulk
from cms.snippets.models import Agreement, Partner

MAX_FACTOR = 1000


def _count(value):
    """A number of records (0 or more), for argparse."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise ArgumentTypeError(_("“%(value)s” is not a number of records.") % {"value": value})
    return number


def _factor(value):
    """A multiple of the demo scale (0 to 1,000), for argparse."""
    try:
        number = float(value)
    except ValueError:
        number = -1
    if not 0 <= number <= MAX_FACTOR:
        raise ArgumentTypeError(
            _("The factor must be a number from 0 to %(max)s.") % {"max": MAX_FACTOR}
        )
    return number


#: The models whose rows the generation creates, with their references (Wagtail's index).
NEW_RECORD_MODELS = (Partner, Agreement, Page)


def next_pks():
    """{model: the first primary key a new row of it gets} (keys only grow)."""
    return {
        model: (model.objects.aggregate(last=Max("pk"))["last"] or 0) + 1
        for model in NEW_RECORD_MODELS
    }


def update_new_references(first_pks, pages):
    """Index the references of the records just generated (partners and their translations,
    agreements, pages in every language, and the agreements linked to a new opportunity),
    by batch: rebuilding the whole reference index, the demo's records included, one record
    at a time, took a third of the run (issue 17)."""
    partners = Partner.objects.filter(pk__gte=first_pks[Partner]).values_list("pk", flat=True)
    update_reference_index(Partner, list(partners))
    agreements = set(
        Agreement.objects.filter(pk__gte=first_pks[Agreement]).values_list("pk", flat=True)
    )
    agreements.update(
        Agreement.objects.filter(project_page__in=[page.pk for page in pages]).values_list(
            "pk", flat=True
        )
    )
    update_reference_index(Agreement, sorted(agreements))
    new_pages = {}
    for pk, content_type in Page.objects.filter(pk__gte=first_pks[Page]).values_list(
        "pk", "content_type"
    ):
        new_pages.setdefault(content_type, []).append(pk)
    for content_type, pks in new_pages.items():
        model = ContentType.objects.get_for_id(content_type).model_class()
        update_reference_index(model, pks)


class Command(BaseCommand):
    help = (
        "Grow the demo data to a multiple of its size (--factor 10: about 1,100 partners, "
        "10,000 agreements and 100 opportunities in six languages, 600 pages), for the "
        "benchmark in bench/. Run load_demo_data first. Deterministic (--seed); the targets "
        "are totals, so running it again adds nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--factor",
            type=_factor,
            default=10,
            help="Multiple of the demo scale to reach (default 10): "
            + ", ".join(f"{count} {key}" for key, count in SCALE_PER_FACTOR.items())
            + " per unit, English records counted, demo records included.",
        )
        parser.add_argument(
            "--partners", type=_count, help="Total English partners to reach (overrides --factor)."
        )
        parser.add_argument(
            "--agreements", type=_count, help="Total agreements to reach (overrides --factor)."
        )
        parser.add_argument(
            "--opportunities",
            type=_count,
            help="Total English opportunity pages to reach, each also in the five other "
            "languages (overrides --factor).",
        )
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="Random seed.")
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="Do not rebuild the search index at the end.",
        )

    def progress(self, message):
        if self.verbosity > 0:
            elapsed = time.monotonic() - self.started
            self.stdout.write(f"[{elapsed:6.1f} s] {message}")
            self.stdout.flush()

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        self.started = time.monotonic()
        try:
            base = load_base()
        except MissingDemoData as error:
            raise CommandError(
                _(
                    "The demo data is missing (%(what)s). Run “manage.py load_demo_data” "
                    "first: generate_scale_data adds to it."
                )
                % {"what": error}
            ) from None
        targets = targets_for(
            options["factor"], options["partners"], options["agreements"], options["opportunities"]
        )
        before = current_counts(base)
        missing = {
            key: max(0, getattr(targets, key) - getattr(before, key))
            for key in ("partners", "agreements", "opportunities")
        }
        self.progress(
            f"Targets: {targets.partners} partners, {targets.agreements} agreements, "
            f"{targets.opportunities} opportunities in English; the database holds "
            f"{before.partners}, {before.agreements} and {before.opportunities}."
        )
        if not any(missing.values()):
            self.stdout.write(
                _("Nothing to generate: the database already holds these numbers of records.")
            )
            return
        seed = options["seed"]
        first_pks = next_pks()
        # The page cache is invalidated once at the end (each saved row would read the
        # reference index), like the search index and the translation status.
        with (
            search_indexing_paused(),
            disable_reference_index_auto_update(),
            deferred_status_updates(),
            changes_in_bulk(),
            transaction.atomic(),
        ):
            partners, partner_translations = generate_partners(
                base, missing["partners"], seed, self.progress
            )
            agreements = generate_agreements(base, missing["agreements"], seed, self.progress)
            pages = generate_opportunities(base, missing["opportunities"], seed, self.progress)
            linked = link_opportunity_agreements(pages, seed)
        self.progress("Updating the reference index of the new records")
        update_new_references(first_pks, pages)
        if not options["skip_index"]:
            self.progress("Rebuilding the search index")
            call_command("rebuild_search_index", verbosity=0)
        self.progress("Rebuilding the translation status")
        translation_objects = rebuild_status()
        # The planner's statistics must know the tables have grown tenfold (autovacuum would
        # only get to it later): stale ones lead to nested loops over thousands of rows.
        self.progress("Updating the database's statistics (ANALYZE)")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

        after = current_counts(base)
        lines = [
            f"Partners: {after.partners} in English ({partners} new, "
            f"{partner_translations} translations written)",
            f"Agreements: {after.agreements} ({agreements} new, {linked} linked to a new "
            "opportunity)",
            f"Opportunities: {after.opportunities} in English, "
            f"{OpportunityPage.objects.live().count()} live pages in all languages "
            f"({len(pages)} new in English, each in six languages)",
            f"Search index: {'skipped' if options['skip_index'] else 'rebuilt'}",
            f"Translation status: {translation_objects} pages and snippets",
            f"Done in {time.monotonic() - self.started:.1f} s.",
        ]
        self.stdout.write("\n".join(lines))

"""Rebuild the six-language search index; safe to run at any time.

Each object is written once, by the backend of its own language, from a queryset already
limited to that language. On the databases, rows are replaced in place (the site keeps
searching while it runs) and rows of deleted objects are removed; on Elasticsearch, each
language's indexes are rebuilt beside the live ones and swapped in when complete. Changes that
failed during an Elasticsearch outage are applied at the end.
"""

from django.core.management.base import BaseCommand
from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models

from search.analysis import LANGUAGE_CODES, SOURCE_LANGUAGE
from search.backends.base import has_locale, locale_languages
from search.pending import catch_up

DEFAULT_CHUNK_SIZE = 500


class Command(BaseCommand):
    help = (
        "Rebuild the search index of every language (or of --language), with progress output; "
        "safe to run at any time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--language",
            action="append",
            choices=LANGUAGE_CODES,
            help="Rebuild only this language (may be given several times).",
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=DEFAULT_CHUNK_SIZE,
            help="Objects read and written at a time.",
        )

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        router = get_search_backend("default")
        languages = options["language"] or list(router.languages)
        locales = locale_languages()
        database = router.rebuilder_class is not None
        if database:
            # One shared table: rows of objects deleted meanwhile go first.
            router.get_index_for_model(None).delete_stale_entries()

        total = 0
        for language in languages:
            backend = router.language_backend(language)
            locale_ids = [pk for pk, code in locales.items() if code == language]
            count = self.rebuild_language(backend, language, locale_ids, options["chunk_size"])
            self.write(f"{language}: {count} objects indexed")
            total += count

        if database:
            router.get_index_for_model(None).refresh_title_norms()
        applied, remaining = catch_up()
        if applied or remaining:
            self.write(f"Catch-up: {applied} pending changes applied, {remaining} still pending")
        self.write(self.style.SUCCESS(f"Search index rebuilt: {total} objects"))

    def rebuild_language(self, backend, language, locale_ids, chunk_size):
        by_index = {}
        for model in get_indexed_models():
            if not has_locale(model) and language != SOURCE_LANGUAGE:
                continue
            index = backend.get_index_for_model(model)
            by_index.setdefault(index.get_key(), (index, []))[1].append(model)

        count = 0
        for index, models in by_index.values():
            rebuilder = backend.rebuilder_class(index) if backend.rebuilder_class else None
            if rebuilder is not None:
                index = rebuilder.start()
            for model in models:
                index.add_model(model)
                queryset = model.get_indexed_objects().order_by("pk")
                if has_locale(model):
                    queryset = queryset.filter(locale_id__in=locale_ids)
                written = 0
                self.write(f"{language}: {model._meta.label} ", ending="")
                for chunk in self.chunks(queryset, chunk_size):
                    index.add_items(model, chunk)
                    written += len(chunk)
                    self.write(".", ending="")
                    self.stdout.flush()
                self.write(f" {written}")
                count += written
            if rebuilder is not None:
                rebuilder.finish()
        return count

    def chunks(self, queryset, chunk_size):
        last_pk = None
        while True:
            page = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
            items = list(page[:chunk_size])
            if not items:
                return
            yield items
            last_pk = items[-1].pk

    def write(self, message, ending="\n"):
        if self.verbosity > 0:
            self.stdout.write(message, ending=ending)

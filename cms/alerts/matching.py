"""Telling subscribers of an opportunity's first publication.

Only the source-language (English) page's first publication counts: a republication, or a
translation published later, never alerts again (and the unique Match per subscriber and
translation key guarantees it even if the signal were sent twice).

An opportunity meets a subscriber's criteria when it has one of their thematic areas, regions,
beneficiary countries and kinds (a criterion left empty is met by everything) and, if they gave
keywords, when one of them is in its text. A keyword is read with the search's analysis of the
subscriber's language (search.analysis: folding, elisions, Arabic prefixes, Chinese pairs of
characters, Snowball stems), and the opportunity's text (title, introduction, body, objectives,
expected results) with that of the language it is written in: the version in the subscriber's
language when it is live, and the source page. A keyword of several words matches when all of
them are in one version. At the first publication the translations are rarely live yet, so a
keyword in another language than the source's finds names and acronyms ("5G", "Sahel") there,
and the rest in the translations published by then; so the first publication of a
translation checks once more the subscribers of its language who gave keywords and were not
told of the opportunity yet.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef

from search.analysis import analyze

from . import emails
from .models import Match, Subscriber

__all__ = ["matching_subscribers", "on_page_published", "record_matches"]


def translation_wait():
    """How long an alert waits after the first publication, so that translators can publish
    the opportunity in the subscribers' languages first (ALERTS_TRANSLATION_WAIT_MINUTES)."""
    return timedelta(minutes=getattr(settings, "ALERTS_TRANSLATION_WAIT_MINUTES", 0))


def _criterion(relation, term_ids):
    """Subscribers who chose none of this vocabulary (everything), or one of `term_ids`."""
    through = getattr(Subscriber, relation).through
    column = getattr(Subscriber, relation).field.m2m_reverse_name()
    chose_any = Exists(through.objects.filter(subscriber_id=OuterRef("pk")))
    chose_match = Exists(
        through.objects.filter(subscriber_id=OuterRef("pk"), **{f"{column}__in": term_ids})
    )
    return ~chose_any | chose_match


#: The fields of an opportunity in which keywords are looked for.
TEXT_FIELDS = ("title", "introduction", "body", "objectives", "expected_results")


def _text(page):
    parts = []
    for name in TEXT_FIELDS:
        value = getattr(page, name, "")
        if name == "body":
            # What the search indexes of a stream: its blocks' text, not their markup.
            value = " ".join(value.stream_block.get_searchable_content(value)) if value else ""
        parts.append(str(value or ""))
    return "\n".join(parts)


class OpportunityText:
    """The terms of an opportunity's live versions, each analysed in its own language, read
    once per version whatever the number of subscribers."""

    def __init__(self, page):
        self.page = page
        self._versions = None
        self._terms = {}

    def versions(self, language_code):
        """The versions a subscriber's keywords are compared with: theirs, then the source."""
        if self._versions is None:
            translations = self.page.get_translations(inclusive=True).live().specific()
            self._versions = {
                version.locale.language_code: version
                for version in translations.select_related("locale")
            }
            self._versions.setdefault(self.page.locale.language_code, self.page)
        codes = dict.fromkeys([language_code, self.page.locale.language_code])
        return [(code, self._versions[code]) for code in codes if code in self._versions]

    def terms(self, language_code, version):
        if language_code not in self._terms:
            self._terms[language_code] = set(analyze(_text(version), language_code))
        return self._terms[language_code]

    def matches(self, keywords, language_code):
        """Whether one of `keywords` (in the subscriber's language) is in a version's text."""
        for version_language, version in self.versions(language_code):
            text_terms = self.terms(version_language, version)
            for keyword in keywords:
                # The subscriber's words read as the version's language reads its own text.
                terms = analyze(keyword, version_language)
                if terms and set(terms) <= text_terms:
                    return True
        return False


def matching_subscribers(page, language=None):
    """Confirmed subscribers whose criteria the opportunity meets (only those who write in
    `language` and gave keywords, when a translation is published: see on_page_published)."""
    area_ids = [link.area_id for link in page.thematic_areas.all()]
    region_ids = [link.region_id for link in page.regions.all()]
    country_ids = [link.country_id for link in page.countries.all()]
    candidates = Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED).filter(
        _criterion("areas", area_ids),
        _criterion("regions", region_ids),
        _criterion("countries", country_ids),
    )
    if language is not None:
        candidates = candidates.filter(language=language).exclude(keywords=[])
    text = OpportunityText(page)
    return [
        s
        for s in candidates
        if (not s.opportunity_kinds or page.kind in s.opportunity_kinds)
        and (not s.keywords or text.matches(s.keywords, s.language))
    ]


def is_first_publication(page):
    """Whether this publication of the source page is its first one."""
    return (
        page.locale.language_code == settings.LANGUAGE_CODE
        and page.first_published_at is not None
        and page.first_published_at == page.last_published_at
    )


@transaction.atomic
def record_matches(page, language=None):
    """Write the matches of a newly published opportunity, and the alerts of the subscribers
    who want one per opportunity; return the number of matches written. With `language`, only
    for the keyword subscribers of that language (a translation was published)."""
    already = set(
        Match.objects.filter(translation_key=page.translation_key).values_list(
            "subscriber_id", flat=True
        )
    )
    written = 0
    for subscriber in matching_subscribers(page, language):
        if subscriber.pk in already:
            continue
        email = None
        if subscriber.frequency == Subscriber.Frequency.IMMEDIATE:
            email = emails.queue(
                subscriber,
                emails.ALERT,
                key=page.translation_key.hex,
                pages=[page],
                delay=translation_wait(),
            )
        Match.objects.create(
            subscriber=subscriber,
            page=page,
            translation_key=page.translation_key,
            email=email,
        )
        written += 1
    return written


def on_page_published(sender, instance, **kwargs):
    """page_published handler (connected in apps.py)."""
    from cms.pages.models import OpportunityPage

    if not isinstance(instance, OpportunityPage):
        return
    if instance.get_view_restrictions().exists():
        return  # private pages are not announced
    if is_first_publication(instance):
        record_matches(instance)
    elif (source := first_published_translation_of(instance)) is not None:
        # Keywords in this language could not be read in the source alone: those who gave
        # some, and were not told yet, are told now if the translation has them.
        record_matches(source, language=instance.locale.language_code)


def first_published_translation_of(page):
    """The live source page of `page` when `page` is a translation published for the first
    time, else None."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return None
    if page.first_published_at is None or page.first_published_at != page.last_published_at:
        return None
    source = (
        page.get_translations()
        .live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .specific()
        .first()
    )
    if source is None or source.get_view_restrictions().exists():
        return None
    return source

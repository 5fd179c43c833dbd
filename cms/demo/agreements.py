"""Writing the planned archive of agreements to the database, in bulk.

Agreements are matched on their reference: those that already exist are left as they are,
so that running the loader again adds nothing.
"""

from django.db.models import Q
from taggit.models import Tag

from cms.snippets.models import Agreement, AgreementPartner, AgreementTag

__all__ = ["agreement_row", "load_agreements", "through_rows"]


def through_rows(field_name, links):
    """Rows of a many-to-many table for (agreement id, related id) pairs."""
    field = Agreement._meta.get_field(field_name)
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    return through, [
        through(**{f"{source}_id": agreement_id, f"{target}_id": related_id})
        for agreement_id, related_id in links
    ]


def agreement_row(planned, vocabularies, parent_id):
    """The unsaved Agreement of a planned one: the demo archive's plan and the scale data's
    planner (bench/scale/generate.py) give the same attributes."""
    return Agreement(
        reference=planned.reference,
        title=planned.title[:500],
        agreement_type=vocabularies["agreement_types"][planned.type_code],
        signature_date=planned.signature_date,
        registered_on=planned.registered_on,
        start_date=planned.start_date,
        end_date=planned.end_date,
        status=planned.status,
        amount=planned.amount,
        currency=planned.currency,
        amount_usd=planned.amount_usd,
        primary_area=vocabularies["thematic_areas"][planned.area],
        is_confidential=planned.confidential,
        parent_id=parent_id,
    )


def load_agreements(plan, vocabularies, partners, countries):
    """Create the planned agreements that are missing, with all their relations."""
    pks = dict(Agreement.objects.values_list("reference", "pk"))
    missing = [planned for planned in plan if planned.reference not in pks]
    # An addendum refers to its original agreement, which is never an addendum itself.
    for batch in (
        [p for p in missing if not p.is_amendment],
        [p for p in missing if p.is_amendment],
    ):
        objects = [
            agreement_row(p, vocabularies, pks[p.parent.reference] if p.parent else None)
            for p in batch
        ]
        for agreement in Agreement.objects.bulk_create(objects, batch_size=500):
            pks[agreement.reference] = agreement.pk

    regions, areas, places, links, tagged = [], [], [], [], []
    tags = {}
    for planned in missing:
        pk = pks[planned.reference]
        regions += [(pk, vocabularies["regions"][code].pk) for code in planned.regions]
        areas += [(pk, vocabularies["thematic_areas"][code].pk) for code in planned.secondary_areas]
        places += [(pk, countries[code].pk) for code in planned.countries]
        links += [
            AgreementPartner(agreement_id=pk, partner=partners[name], role=role, sort_order=order)
            for order, (name, role) in enumerate(planned.partners)
        ]
        for name in planned.tags:
            if name not in tags:
                tags[name] = Tag.objects.filter(Q(name=name) | Q(slug=name)).first()
                tags[name] = tags[name] or Tag.objects.create(name=name, slug=name)
            tagged.append(AgreementTag(content_object_id=pk, tag=tags[name]))
    for field_name, pairs in (
        ("regions", regions),
        ("secondary_areas", areas),
        ("countries", places),
    ):
        through, rows = through_rows(field_name, pairs)
        through.objects.bulk_create(rows, batch_size=1000)
    AgreementPartner.objects.bulk_create(links, batch_size=1000)
    AgreementTag.objects.bulk_create(tagged, batch_size=1000)
    return len(missing)

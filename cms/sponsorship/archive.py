"""What a confirmed sponsorship leaves in the archive: a partner record and an agreement.

The sponsor is the partner the officer chose, else the English partner record of the same
name or acronym, else a new one (a company, with the applicant's membership category). The
agreement is a sponsorship agreement signed on the day of confirmation for the agreed amount,
tagged with the event's slug like the archive's other sponsorships of that event.
"""

from django.db.models import Q
from django.utils import timezone
from taggit.models import Tag

from cms.snippets.models import (
    SOURCE_LOCALE,
    Agreement,
    AgreementPartner,
    AgreementTag,
    AgreementType,
    BeneficiaryRegion,
    Partner,
    PartnerKind,
    ThematicArea,
)

__all__ = ["link_partner_and_agreement"]

SPONSOR_KIND = "company"


def _partner_for(application):
    if application.partner_id:
        return application.partner
    name = application.organisation.strip()
    found = (
        Partner.objects.filter(**SOURCE_LOCALE)
        .filter(Q(name__iexact=name) | Q(acronym__iexact=name))
        .order_by("pk")
        .first()
    )
    if found is not None:
        return found
    from wagtail.models import Locale

    return Partner.objects.create(
        name=name,
        kind=PartnerKind.objects.in_source_locale().get(code=SPONSOR_KIND),
        membership_category=application.membership_category,
        website=application.link_url,
        locale=Locale.get_default(),
    )


def _reference(application):
    return f"SPO-{timezone.localdate().year}-{application.pk:05d}"


def link_partner_and_agreement(application):
    """Give a sponsorship that is being confirmed its partner and agreement (kept if the
    officer already linked them); the caller saves the application."""
    application.partner = _partner_for(application)
    if application.agreement_id:
        return
    today = timezone.localdate()
    event = application.event
    amount = application.agreed_amount_usd
    agreement = Agreement.objects.create(
        reference=_reference(application),
        title=f"Sponsorship of the {application.package_name} at the {application.event_title}"[
            :500
        ],
        agreement_type=AgreementType.objects.in_source_locale().get(code="sponsorship-agreement"),
        signature_date=today,
        registered_on=today,
        start_date=today,
        end_date=event.end_date if event else None,
        amount=amount,
        currency="USD",
        amount_usd=amount,
        primary_area=ThematicArea.objects.in_source_locale().get(code="generic"),
    )
    agreement.regions.set([BeneficiaryRegion.objects.in_source_locale().get(code="glo")])
    AgreementPartner.objects.create(
        agreement=agreement, partner=application.partner, role=AgreementPartner.Role.SPONSOR
    )
    if event is not None:
        tag = Tag.objects.filter(Q(name=event.slug) | Q(slug=event.slug)).first()
        tag = tag or Tag.objects.create(name=event.slug, slug=event.slug)
        AgreementTag.objects.create(content_object=agreement, tag=tag)
    application.agreement = agreement

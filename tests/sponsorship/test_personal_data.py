"""An applicant's data export and erasure cover their sponsorship applications
(cms.core.personal_data, asked by the alerts' export and deletion): exported whole; erased by
stripping who they are, while the application stays for the figures and the package's slots."""

from cms.core import personal_data
from cms.core.models import OutgoingEmail
from cms.sponsorship.models import SponsorshipApplication

from .conftest import form_data


def test_export_and_erasure_cover_the_sponsorship_applications(
    client, event, gold, categories, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(event.url, form_data(gold, categories["academia"]))
        client.post(event.url, form_data(gold, categories["academia"], email="bo@other.example"))

    exported = personal_data.export("ADA@acme.example")["sponsorship_applications"]
    assert [(item["contact_name"], item["message"]) for item in exported] == [
        ("Ada Lovelace", "We would like a booth.")
    ]

    assert personal_data.erase("ada@acme.example")["sponsorship_applications"] == 1

    kept = SponsorshipApplication.objects.get(email="")
    assert (kept.organisation, kept.contact_name, kept.message, kept.ip_hash) == (
        "Acme Networks",
        "",
        "",
        "",
    )
    assert kept.price_usd is not None
    assert not OutgoingEmail.objects.filter(recipient__iexact="ada@acme.example").exists()
    assert personal_data.export("ada@acme.example")["sponsorship_applications"] == []
    # The other applicant keeps theirs.
    assert SponsorshipApplication.objects.filter(email="bo@other.example").exists()

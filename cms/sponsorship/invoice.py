"""The pro-forma invoice of a confirmed sponsorship, as a PDF in the language the applicant
applied in: what they pay, for which package and benefits, at which event, with the
reference to quote with their payment.

The demo briefs' small PDF writer (cms/demo/briefs.py) has only the standard Helvetica fonts,
which cannot write Arabic, Chinese or Russian; an invoice must, so it is written with fpdf2,
which embeds (a subset of) TrueType fonts and shapes text with HarfBuzz: Arabic letters take
their joined forms and run right to left, mixed with Latin names and figures in their own
direction. Fonts come from the machine (`make services` installs them from Debian's
packages): DejaVu Sans for Latin, Cyrillic and Arabic, WenQuanYi Micro Hei (or another CJK
font) for Chinese, each the fallback of the other, so an organisation's name in any script
shows on an invoice in any language. Amounts, percentages and dates are written the way the
applicant's language writes them (cms.core.money, cms.core.formats).
"""

import subprocess
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from cms.core.formats import format_date, format_percent
from cms.core.money import format_usd

from .emails import names_in
from .models import SponsorshipOption

__all__ = ["FontMissing", "invoice_filename", "invoice_pdf", "invoice_reference"]

#: Where Debian's packages put fonts that cover the scripts (first found wins); fc-match
#: is asked when none is there.
FONT_CANDIDATES = {
    "sans": (
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"],
        "DejaVu Sans:lang=ar",
    ),
    "sans-bold": (
        ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"],
        "DejaVu Sans:bold:lang=ar",
    ),
    "han": (
        [
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        ],
        ":lang=zh-cn",
    ),
}
RIGHT_TO_LEFT = {"ar"}
MARGIN = 18  # mm


class FontMissing(RuntimeError):
    """No font on this machine covers a script the invoices need (see `make services`)."""


@cache
def _font(role):
    paths, pattern = FONT_CANDIDATES[role]
    for path in paths:
        if Path(path).is_file():
            return path
    try:
        found = subprocess.run(  # noqa: S603 - a fixed command, no user input
            ["fc-match", "-f", "%{file}", pattern],  # noqa: S607 - fontconfig's own tool
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except OSError:
        found = ""
    if found and Path(found).is_file():
        return found
    raise FontMissing(f"No font for {role!r}: install fonts-dejavu-core and fonts-wqy-microhei.")


def invoice_reference(application):
    """The reference the sponsor quotes with their payment: year of the event and number."""
    year = (
        application.event.start_date.year if application.event_id else application.created_at.year
    )
    return f"SP-{year}-{application.pk:05d}"


def invoice_filename(application):
    return f"{invoice_reference(application)}-{application.locale.language_code}.pdf"


def _options_in(application, language_code):
    chosen = list(application.options.all())
    translated = {
        option.translation_key: option.name
        for option in SponsorshipOption.objects.filter(
            translation_key__in=[o.translation_key for o in chosen],
            locale__language_code=language_code,
        )
    }
    return [translated.get(option.translation_key, option.name) for option in chosen]


class _Invoice(FPDF):
    def __init__(self, language_code):
        super().__init__(format="A4", unit="mm")
        self.rtl = language_code in RIGHT_TO_LEFT
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(True, MARGIN)
        self.add_font("sans", "", _font("sans"))
        self.add_font("sans", "B", _font("sans-bold"))
        self.add_font("han", "", _font("han"))
        # Chinese text in its own font, anything else in DejaVu; each falls back on the other.
        self.main = "han" if language_code == "zh-hans" else "sans"
        self.set_fallback_fonts(["sans" if self.main == "han" else "han"], exact_match=False)
        self.set_text_shaping(
            use_shaping_engine=True,
            direction="rtl" if self.rtl else "ltr",
            language=language_code.split("-")[0],
        )
        self.set_lang(language_code)
        self.add_page()

    def text_line(self, text, size=10, bold=False, space=1.5):
        self.set_font(self.main, "B" if bold and self.main == "sans" else "", size)
        self.multi_cell(
            0,
            size * 0.5,
            text,
            align="R" if self.rtl else "L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.ln(space)

    def amount_line(self, label, amount, bold=False):
        """A label and its amount on one line: the amount at the end of the reading
        direction (left in Arabic)."""
        self.set_font(self.main, "B" if bold and self.main == "sans" else "", 10)
        width = self.epw * 0.35
        height = 7
        if self.rtl:
            self.cell(width, height, amount, align="L", border="B")
            self.cell(
                self.epw - width,
                height,
                label,
                align="R",
                border="B",
                new_x="LMARGIN",
                new_y="NEXT",
            )
        else:
            self.cell(self.epw - width, height, label, align="L", border="B")
            self.cell(width, height, amount, align="R", border="B", new_x="LMARGIN", new_y="NEXT")


def invoice_pdf(application, today=None):
    """The pro-forma invoice of `application` (confirmed or delivered) as PDF bytes, in its
    applicant's language."""
    language_code = application.locale.language_code
    today = today or timezone.localdate()
    with translation.override(language_code):
        event, event_title, package_name = names_in(application, language_code)
        pdf = _Invoice(language_code)
        pdf.set_title(_("Pro-forma invoice") + " " + invoice_reference(application))
        pdf.set_creator("PartnerHub")
        pdf.text_line(_("International Telecommunication Union"), size=9, space=0)
        pdf.text_line(_("Telecommunication Development Bureau (BDT)"), size=9, space=0)
        pdf.text_line(_("Place des Nations, 1211 Geneva 20, Switzerland"), size=9, space=6)
        pdf.text_line(_("Pro-forma invoice"), size=18, bold=True, space=2)
        pdf.text_line(
            _("Reference: %(reference)s") % {"reference": invoice_reference(application)},
            space=0,
        )
        pdf.text_line(_("Date: %(date)s") % {"date": format_date(today)}, space=6)

        pdf.text_line(_("Invoiced to"), size=11, bold=True, space=0.5)
        pdf.text_line(application.organisation, space=0)
        pdf.text_line(application.contact_name, space=0)
        pdf.text_line(application.email, space=6)

        pdf.text_line(_("Sponsorship"), size=11, bold=True, space=0.5)
        pdf.text_line(_("Event: %(event)s") % {"event": event_title}, space=0)
        if event is not None:
            pdf.text_line(
                _("From %(start)s to %(end)s")
                % {"start": format_date(event.start_date), "end": format_date(event.end_date)},
                space=0,
            )
        pdf.text_line(_("Package: %(package)s") % {"package": package_name}, space=0)
        options = _options_in(application, language_code)
        if options:
            pdf.text_line(
                _("À-la-carte benefits: %(benefits)s") % {"benefits": ", ".join(options)},
                space=0,
            )
        pdf.ln(6)

        pdf.amount_line(
            _("List price (package and benefits)"), format_usd(application.list_price_usd)
        )
        discount = application.list_price_usd - application.price_usd
        if application.discount_percent:
            pdf.amount_line(
                _("Membership discount (%(percent)s)")
                % {"percent": format_percent(application.discount_percent)},
                format_usd(-discount),
            )
        pdf.amount_line(_("Price"), format_usd(application.price_usd))
        if application.agreed_amount_usd not in (None, application.price_usd):
            pdf.amount_line(_("Amount agreed"), format_usd(application.agreed_amount_usd))
        pdf.amount_line(
            _("Amount due"), format_usd(application.amount_usd or Decimal(0)), bold=True
        )
        pdf.ln(8)
        pdf.text_line(
            _(
                "Payable in US dollars. Please quote the reference with your payment. This "
                "pro-forma invoice states the amount of your sponsorship; it is not a receipt."
            ),
            size=9,
        )
        return bytes(pdf.output())

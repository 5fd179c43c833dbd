"""The one-page briefs of the demo opportunities, written as PDF documents from code.

A brief sums up an opportunity for a prospective partner: what it is, what it aims at, its
budget and whom to contact. The demo writes them with a small PDF writer rather than keeping
binary files in the repository. It uses the standard Helvetica fonts, which every PDF reader
has and which cover the Latin script of English, French and Spanish (Windows-1252); a brief
in Arabic, Chinese or Russian would need embedded fonts, so those languages show the English
brief with a note instead.
"""

import textwrap
from decimal import Decimal

from cms.core.money import format_usd

__all__ = ["BRIEF_LANGUAGES", "brief_lines", "pdf_document"]

# Languages whose briefs the standard PDF fonts can write.
BRIEF_LANGUAGES = ("en", "fr", "es")

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4, in points
MARGIN = 56
# Helvetica averages about half an em per character in running text; a little more keeps
# wrapped lines inside the margins.
CHARACTER_WIDTH = 0.53

STYLES = {
    "title": ("F2", 16, 22),
    "subtitle": ("F1", 10, 18),
    "heading": ("F2", 11, 18),
    "text": ("F1", 10, 14),
    "bullet": ("F1", 10, 14),
}


def _usd(amount, language):
    """An amount in US dollars written the way the language writes money (cms.core.money),
    with the no-break spaces the PDF's Windows-1252 font has."""
    return format_usd(Decimal(amount), language=language).replace("\u202f", "\u00a0")


def brief_lines(language, texts, facts, labels, contact):
    """The lines of one opportunity's brief, as (style, text) pairs.

    `texts` is the opportunity's text in `language`, `facts` its language-neutral facts,
    `labels` the brief's headings and patterns in `language` and `contact` the contact's name
    and e-mail.
    """
    return [
        ("title", texts["title"]),
        ("subtitle", labels["subtitle"]),
        ("text", texts["introduction"]),
        ("heading", labels["objectives"]),
        *(("bullet", item) for item in texts["objectives"]),
        ("heading", labels["expected_results"]),
        *(("bullet", item) for item in texts["expected_results"]),
        ("heading", labels["summary"]),
        ("text", labels["budget"].format(_usd(facts["budget_usd"], language))),
        ("text", labels["funding_gap"].format(_usd(facts["funding_gap_usd"], language))),
        ("text", labels["duration"].format(facts["duration_months"])),
        ("heading", labels["contact"]),
        ("text", f"{contact['name']}, {contact['email']}"),
    ]


def _pdf_string(text):
    encoded = text.encode("cp1252")
    return b"(" + encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _utf16_string(text):
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _content_stream(lines):
    """Page-description operators that set the lines top-down, wrapped to the margins."""
    operators = [b"BT"]
    y = PAGE_HEIGHT - MARGIN
    for style, text in lines:
        font, size, leading = STYLES[style]
        indent = 14 if style == "bullet" else 0
        width = int((PAGE_WIDTH - 2 * MARGIN - indent) / (size * CHARACTER_WIDTH))
        wrapped = textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]
        if style == "heading":
            y -= 6
        for number, part in enumerate(wrapped):
            if style == "bullet" and number == 0:
                part = f"\u2022 {part}"
                x = MARGIN + indent - 9
            else:
                x = MARGIN + indent
            operators.append(
                b"/%s %d Tf 1 0 0 1 %d %d Tm %s Tj" % (font.encode(), size, x, y, _pdf_string(part))
            )
            y -= leading
        if style in {"title", "subtitle", "text"}:
            y -= 4
    if y < MARGIN:
        raise ValueError("The brief does not fit on one page.")
    operators.append(b"ET")
    return b"\n".join(operators)


def pdf_document(lines, title, language):
    """A valid one-page PDF (version 1.4) that sets `lines` in Helvetica; return its bytes.

    `title` and `language` become the document's title and language, which readers and
    screen readers announce.
    """
    stream = _content_stream(lines)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (%s) >>" % language.encode("ascii"),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
        b"/Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>"
        % (PAGE_WIDTH, PAGE_HEIGHT),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Title %s /Producer (PartnerHub demo data) >>" % _utf16_string(title),
    ]
    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        len(objects),
        xref,
    )
    return bytes(output)

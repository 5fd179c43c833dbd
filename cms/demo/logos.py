"""The demo sponsors' logos, drawn from code: each a small PNG (240 × 96 pixels) with the
sponsor's initials beside a simple shape, on a colour of its own, the same bytes at every
load (the colour and shape come from a hash of the name, not from chance)."""

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont

__all__ = ["initials", "logo_png"]

WIDTH, HEIGHT = 240, 96
#: Dark backgrounds on which white initials read well (contrast above 4.5:1).
COLOURS = ["#0b5d1e", "#1d4ed8", "#7c2d12", "#6b21a8", "#0f766e", "#9d174d", "#1f2937", "#854d0e"]
_SKIPPED = {"of", "the", "and", "for", "de", "la", "&", "-", "–"}


def initials(name, most=3):
    """Up to `most` capital initials of a name's words ("World Health Organization" ->
    "WHO"); a short upper-case acronym in the name is kept as it is ("GSMA")."""
    words = [word for word in name.replace("/", " ").split() if word.lower() not in _SKIPPED]
    for word in words:
        if word.isupper() and 2 <= len(word) <= 5 and word.isalpha():
            return word
    letters = "".join(word[0] for word in words if word[0].isalnum())
    return (letters[:most] or name[:1]).upper()


def logo_png(name):
    """The PNG bytes of the demo logo of `name`."""
    digest = hashlib.sha256(name.encode()).digest()
    colour = COLOURS[digest[0] % len(COLOURS)]
    image = Image.new("RGB", (WIDTH, HEIGHT), colour)
    draw = ImageDraw.Draw(image)
    shape = digest[1] % 3
    box = (14, 18, 74, 78)
    if shape == 0:
        draw.ellipse(box, outline="white", width=6)
    elif shape == 1:
        draw.rectangle(box, outline="white", width=6)
    else:
        draw.polygon([(44, 16), (76, 78), (12, 78)], outline="white", width=6)
    font = ImageFont.load_default(size=40)
    draw.text((90, HEIGHT // 2), initials(name), fill="white", font=font, anchor="lm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()

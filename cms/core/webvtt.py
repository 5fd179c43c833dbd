"""WebVTT caption files: what the browser's own video player reads as captions.

A caption file that the browser cannot read shows no caption at all, silently; so an upload
named `.vtt` is read before it is kept (cms.core.uploads): it must be UTF-8 text, begin with
the `WEBVTT` line, and every cue must carry its timing (`00:00:01.000 --> 00:00:04.000`, hours
optional), ending after it begins. The message names the line to fix, in the uploader's
language. NOTE, STYLE and REGION blocks are allowed and not read further; cue settings after
the timing (`line:0 position:50%`) are left to the browser.
"""

import re
from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

__all__ = ["Cue", "parse_webvtt", "validate_webvtt"]

_TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIMESTAMP}[ \t]+-->[ \t]+{_TIMESTAMP}(?:[ \t]+.*)?$")
_HEADER = re.compile(r"^WEBVTT(?:[ \t].*)?$")
_OTHER_BLOCKS = ("NOTE", "STYLE", "REGION")

NOT_UTF8 = _("A WebVTT caption file must be written in UTF-8.")
NO_HEADER = _("This is not a WebVTT caption file: its first line must be “WEBVTT”.")
BAD_TIMING = _(
    "Line %(line)s of the caption file: “%(text)s” is not a cue timing written as "
    "“00:00:01.000 --> 00:00:04.000”."
)
ENDS_EARLY = _("Line %(line)s of the caption file: this cue ends before it begins.")
NO_CUE = _("This caption file holds no cue: no caption would be shown.")


@dataclass(frozen=True)
class Cue:
    """One caption: shown from `start` to `end` (seconds)."""

    start: float
    end: float
    text: str


def _seconds(hours, minutes, seconds, milliseconds):
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(milliseconds) / 1000


def _error(message, code, **params):
    return forms.ValidationError(message, code=code, params=params or None)


def parse_webvtt(data):
    """The cues of a WebVTT file (bytes or text); raise a ValidationError, in the active
    language, at the first thing a browser would not read."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise _error(NOT_UTF8, "webvtt_encoding") from None
    lines = data.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _HEADER.match(lines[0]):
        raise _error(NO_HEADER, "webvtt_header")
    cues = []
    after_header = 1
    # The header block runs to the first blank line; then blocks are separated by blank lines.
    while after_header < len(lines) and lines[after_header].strip():
        after_header += 1
    block = []
    for number, line in enumerate([*lines[after_header:], ""], start=after_header + 1):
        if line.strip():
            block.append((number, line))
            continue
        if block:
            cue = _cue(block)
            if cue is not None:
                cues.append(cue)
            block = []
    if not cues:
        raise _error(NO_CUE, "webvtt_empty")
    return cues


def _cue(block):
    """The cue of a block of lines (line number, text), or None for a NOTE, STYLE or REGION
    block."""
    first = block[0][1]
    if first.split(maxsplit=1)[0] in _OTHER_BLOCKS and "-->" not in first:
        return None
    # A cue may have an identifier on the line before its timing.
    timing_at = 0 if "-->" in first or len(block) == 1 else 1
    number, timing = block[timing_at]
    match = _TIMING.match(timing.strip())
    if match is None:
        raise _error(BAD_TIMING, "webvtt_timing", line=number, text=timing.strip()[:60])
    start, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
    if end <= start:
        raise _error(ENDS_EARLY, "webvtt_order", line=number)
    text = "\n".join(line for _number, line in block[timing_at + 1 :])
    return Cue(start=start, end=end, text=text)


def validate_webvtt(upload):
    """Raise a ValidationError unless the file object `upload` is a WebVTT file a browser
    reads; the file is left at its start."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    parse_webvtt(data)

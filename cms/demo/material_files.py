"""The files of the demo's communication material beyond the briefs, written from code: a
brochure (PDF), a slide deck (PPTX), a few seconds of video (WebM) and its captions (WebVTT).

They stand for what a communications team would upload, small (a few KB each) and the same
bytes on every load, so that the demo keeps no binary file and loads in little time. The
brochure uses the briefs' PDF writer (Helvetica: English, French and Spanish); the slide deck
python-pptx (any language, but its variants are French and Spanish like the brochures'); the
video PyAV, whose wheels embed FFmpeg and its VP8 encoder: a title card in the opportunity's
colours, with a bar that runs across it, and the language of a variant written on it.
"""

import hashlib
import io
import zipfile
from datetime import datetime

from .briefs import pdf_document

__all__ = [
    "VIDEO_SECONDS",
    "brochure_pdf",
    "cue_times",
    "slides_pptx",
    "webm_video",
    "webvtt_captions",
]

#: The demo videos' length, size and frame rate: a few KB each.
VIDEO_SECONDS = 6
VIDEO_SIZE = (192, 108)
VIDEO_FPS = 10

#: The date written in the slide decks (the packages' entries and properties), so that the
#: same deck is the same bytes on every load.
FIXED_DATE = datetime(2017, 11, 20)


def brochure_pdf(title, language, subtitle, introduction, why, reasons, how, how_text):
    """A one-page PDF brochure: what the initiative is, why to partner, how to take part."""
    lines = [
        ("title", title),
        ("subtitle", subtitle),
        ("text", introduction),
        ("heading", why),
        *(("bullet", reason) for reason in reasons),
        ("heading", how),
        ("text", how_text),
    ]
    return pdf_document(lines, title, language)


def slides_pptx(title, language, slides):
    """A slide deck as PPTX bytes: a title slide, then one slide of bullets per
    (heading, items) of `slides`."""
    from pptx import Presentation  # imported when a deck is written (the demo only)

    deck = Presentation()
    cover = deck.slides.add_slide(deck.slide_layouts[0])
    cover.shapes.title.text = title
    cover.placeholders[1].text = slides[0][1][0] if slides and slides[0][1] else ""
    for heading, items in slides[1:]:
        slide = deck.slides.add_slide(deck.slide_layouts[1])
        slide.shapes.title.text = heading
        body = slide.placeholders[1].text_frame
        body.text = items[0] if items else ""
        for item in items[1:]:
            body.add_paragraph().text = item
    properties = deck.core_properties
    properties.title = title
    properties.language = language
    properties.author = properties.last_modified_by = "PartnerHub demo data"
    properties.created = properties.modified = properties.last_printed = FIXED_DATE
    properties.revision = 1
    output = io.BytesIO()
    deck.save(output)
    return _fixed_zip_dates(output.getvalue())


def _fixed_zip_dates(data):
    """The same ZIP archive with every entry dated FIXED_DATE (python-pptx dates them now)."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_DATE.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(entry.filename))
    return output.getvalue()


def _colour(seed):
    """A dark colour of its own for each opportunity (white text stays readable on it)."""
    digest = hashlib.sha256(seed.encode()).digest()
    return tuple(40 + value % 90 for value in digest[:3])


def webm_video(seed, label=""):
    """A few seconds of silent VP8 video in WebM: a title card in the colours of `seed` with
    a bar running across it and `label` (a language code, ASCII) written on it."""
    import av  # imported when a video is written (the demo only)
    from PIL import Image, ImageDraw

    width, height = VIDEO_SIZE
    background = _colour(seed)
    output = io.BytesIO()
    container = av.open(output, "w", format="webm", options={"fflags": "+bitexact"})
    stream = container.add_stream("libvpx", rate=VIDEO_FPS)
    stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
    stream.options = {"deadline": "good", "cpu-used": "4", "crf": "40", "b": "60k", "threads": "1"}
    stream.codec_context.flags |= av.codec.context.Flags.bitexact
    frames = VIDEO_SECONDS * VIDEO_FPS
    for number in range(frames):
        image = Image.new("RGB", VIDEO_SIZE, background)
        draw = ImageDraw.Draw(image)
        run = int((width - 24) * number / (frames - 1))
        draw.rectangle([12, height - 22, 12 + run, height - 14], fill=(255, 255, 255))
        draw.text((12, 12), "PartnerHub", fill=(255, 255, 255))
        if label:
            draw.text((12, 30), label.upper(), fill=(255, 255, 255))
        frame = av.VideoFrame.from_image(image)
        frame.pts = number
        container.mux(stream.encode(frame))
    container.mux(stream.encode(None))
    container.close()
    return output.getvalue()


def cue_times(count, seconds=VIDEO_SECONDS):
    """(start, end) in seconds of `count` cues sharing the video's length evenly."""
    step = seconds / count
    return [(round(step * index, 3), round(step * (index + 1), 3)) for index in range(count)]


def _timestamp(seconds):
    milliseconds = round(seconds * 1000)
    minutes, milliseconds = divmod(milliseconds, 60_000)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{milliseconds // 1000:02d}.{milliseconds % 1000:03d}"


def webvtt_captions(cues, seconds=VIDEO_SECONDS):
    """A WebVTT file (UTF-8 bytes) showing the texts of `cues` one after the other over the
    video's length."""
    blocks = ["WEBVTT\n"]
    for number, (text, (start, end)) in enumerate(
        zip(cues, cue_times(len(cues), seconds), strict=True), start=1
    ):
        blocks.append(f"{number}\n{_timestamp(start)} --> {_timestamp(end)}\n{text}\n")
    return "\n".join(blocks).encode("utf-8")

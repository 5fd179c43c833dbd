"""The demo's communication material beyond the briefs: brochures (PDF), slide decks (PPTX)
and videos (WebM, captioned in the six languages, with a transcript) on the opportunities that
`data/materials.json` names, with the French and Spanish variants it lists.

Each is a translatable Material in the "Public media" collection, as the briefs are
(cms/demo/materials.py): its English row is made from the English texts of
`data/materials.<language>.json`, its translations through wagtail-localize, and a variant is
the translation's own file, stored as an override of the material's `document`. A video's
caption tracks belong to the material in every language: a WebVTT document per language,
whose cues follow the variant videos too (they have the same length). Files are written only
when missing, so a second load writes nothing.
"""

from django.conf import settings

from cms.core import languages
from cms.snippets.models import Material, MaterialCaptionTrack

from .briefs import BRIEF_LANGUAGES
from .content import texts
from .facts import read_json
from .material_files import brochure_pdf, slides_pptx, webm_video, webvtt_captions
from .materials import opportunity_facts, public_media, stored_document, translate_material

__all__ = ["KINDS", "load_materials", "material_plan", "material_texts"]

#: The material kinds written here, by their key in the fact and text files.
KINDS = {
    "brochures": (Material.Kind.BROCHURE, "brochure"),
    "slides": (Material.Kind.SLIDES, "slides"),
    "videos": (Material.Kind.VIDEO, "video"),
}
#: The languages each kind's file can be written in.
FILE_LANGUAGES = {
    "brochures": BRIEF_LANGUAGES,
    "slides": tuple(languages.codes()),
    "videos": tuple(languages.codes()),
}


def material_plan():
    """{kind key: {opportunity slug: languages of its variants}}, in the order of the file."""
    plan = read_json("materials.json")
    return {key: plan[key] for key in KINDS}


def material_texts(language):
    """The material's texts in `language` (a code such as "zh-hans")."""
    return read_json(f"materials.{language}.json")


def _title(key, language, slug):
    return material_texts(language)[KINDS[key][1]]["title"].format(
        title=texts(language)["opportunities"][slug]["title"]
    )


def _values(key, language, slug):
    """The translatable fields of a material in `language`."""
    text = material_texts(language)[KINDS[key][1]]
    values = {"title": _title(key, language, slug), "caption": text["caption"]}
    if key == "videos":
        values["transcript"] = text["transcript"].format(
            title=texts(language)["opportunities"][slug]["title"]
        )
    return values


def _brochure(language, fact):
    page = texts(language)
    text = material_texts(language)["brochure"]
    opportunity = page["opportunities"][fact["slug"]]
    return brochure_pdf(
        _title("brochures", language, fact["slug"]),
        language,
        text["subtitle"],
        opportunity["introduction"],
        text["why"],
        opportunity["expected_results"],
        text["how"],
        text["how_text"].format(email=fact["contact_email"]),
    )


def _slides(language, fact):
    page = texts(language)
    labels = page["brief"]
    opportunity = page["opportunities"][fact["slug"]]
    return slides_pptx(
        _title("slides", language, fact["slug"]),
        language,
        [
            (opportunity["title"], [labels["subtitle"]]),
            (labels["objectives"], opportunity["objectives"]),
            (labels["expected_results"], opportunity["expected_results"]),
            (labels["contact"], [f"{page['contact_name']}, {fact['contact_email']}"]),
        ],
    )


def _video(language, fact):
    # The English video carries no label; a variant shows its language's code.
    return webm_video(fact["slug"], "" if language == settings.LANGUAGE_CODE else language)


WRITERS = {
    "brochures": (_brochure, "pdf"),
    "slides": (_slides, "pptx"),
    "videos": (_video, "webm"),
}


def _file(key, language, fact, collection):
    """The document of a material's file in `language`, titled like the material."""
    write, extension = WRITERS[key]
    return stored_document(
        collection,
        _title(key, language, fact["slug"]),
        f"{fact['slug']}-{KINDS[key][1]}-{language}.{extension}",
        lambda: write(language, fact),
    )


def _captions(fact, collection):
    """The video's caption tracks: a WebVTT document per language, in the switcher's order."""
    slug = fact["slug"]
    tracks = []
    for code in languages.codes():
        title = texts(code)["opportunities"][slug]["title"]
        cues = [cue.format(title=title) for cue in material_texts(code)["video"]["cues"]]
        document = stored_document(
            collection,
            f"{_title('videos', settings.LANGUAGE_CODE, slug)} ({code}.vtt)",
            f"{slug}-captions-{code}.vtt",
            lambda cues=cues: webvtt_captions(cues),
        )
        tracks.append(MaterialCaptionTrack(language=code, document=document))
    return tracks


def _source_material(key, source_locale, fact, collection):
    """The English material of one kind for an opportunity, made if missing; and whether it
    was made."""
    kind = KINDS[key][0]
    values = _values(key, settings.LANGUAGE_CODE, fact["slug"])
    material = Material.objects.filter(
        locale=source_locale, kind=kind, title=values["title"]
    ).first()
    if material is not None:
        return material, False
    material = Material(
        locale=source_locale,
        kind=kind,
        document=_file(key, settings.LANGUAGE_CODE, fact, collection),
        **values,
    )
    if key == "videos":
        material.caption_tracks = _captions(fact, collection)
    material.full_clean()
    material.save()
    return material, True


def load_materials(source_locale, target_locales):
    """Create the brochures, slide decks and videos of the plan and translate them, with
    their variants; return the English materials by opportunity slug (brochure, slide deck,
    video), the number created and of translations written."""
    collection = public_media()
    facts = {fact["slug"]: fact for fact in opportunity_facts()}
    materials = {}
    created = translated = 0
    for key, opportunities in material_plan().items():
        for slug, variants in opportunities.items():
            unwritable = set(variants) - set(FILE_LANGUAGES[key])
            if unwritable:
                raise ValueError(f"{slug}: no {key} can be written in {sorted(unwritable)}")
            fact = facts[slug]
            material, was_created = _source_material(key, source_locale, fact, collection)
            created += was_created
            materials.setdefault(slug, []).append(material)
            translated += translate_material(
                material,
                target_locales,
                lambda code, key=key, slug=slug: _values(key, code, slug),
                variants,
                lambda code, key=key, fact=fact: _file(key, code, fact, collection),
            )
    order = list(KINDS)
    for items in materials.values():
        items.sort(key=lambda material: order.index(_key_of(material.kind)))
    return materials, created, translated


def _key_of(kind):
    return next(key for key, (value, _text) in KINDS.items() if value == kind)

"""/api/v1/recognitions/: the awards given to partners, in the language asked for."""

from ninja import Query, Router
from wagtail.rich_text import expand_db_html

from cms.pages.public_records import ProfileLinks, load_public_recognitions
from cms.snippets.models import Recognition

from .errors import ApiError
from .languages import resolve_language
from .lookups import english_id
from .pagination import LanguageParams, ListParams, paginate
from .schemas import ErrorOut, RecognitionOut, RecognitionPageOut

__all__ = ["recognition_data", "router"]

router = Router()


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def recognition_data(request, recognition, language):
    partner = recognition.partner
    return {
        "id": recognition.pk,
        "lang": language,
        "text_lang": recognition.language,
        "award_title": recognition.award_title,
        "occasion": recognition.occasion,
        "year": recognition.year,
        "citation": expand_db_html(recognition.citation),
        "partner": {"id": partner.pk, "name": partner.name, "url": _absolute(request, partner.url)},
    }


@router.get(
    "/recognitions/",
    response={200: RecognitionPageOut, 400: ErrorOut, 404: ErrorOut},
    summary="List recognitions",
    tags=["recognitions"],
)
def list_recognitions(request, params: Query[ListParams]):
    """Awards given to partners, newest first, in the language asked for."""
    language = resolve_language(params.lang)
    links = ProfileLinks.for_language(language, request)
    recognitions = load_public_recognitions(language, links)
    count, next_url, previous_url, items = paginate(request, recognitions, params)
    results = [recognition_data(request, recognition, language) for recognition in items]
    return {"count": count, "next": next_url, "previous": previous_url, "results": results}


@router.get(
    "/recognitions/{int:recognition_id}/",
    response={200: RecognitionOut, 400: ErrorOut, 404: ErrorOut},
    summary="One recognition",
    tags=["recognitions"],
)
def get_recognition(request, recognition_id: int, params: Query[LanguageParams]):
    """An award, by the id of its English row (a translation's id leads to the same one)."""
    language = resolve_language(params.lang)
    source_id = english_id(Recognition, recognition_id)
    links = ProfileLinks.for_language(language, request)
    found = load_public_recognitions(language, links, pks={source_id}) if source_id else []
    if not found:
        raise ApiError(404, "No recognition with this id.")
    return recognition_data(request, found[0], language)

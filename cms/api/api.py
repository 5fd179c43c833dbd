"""The public, read-only JSON API (version 1): opportunities, funding partners,
recognitions and public agreements, per language, paginated; its OpenAPI document at
/api/v1/openapi.json."""

from django.urls import reverse
from ninja import NinjaAPI, Router

from .agreements import router as agreements_router
from .errors import install_error_handlers
from .finder import router as finder_router
from .languages import LANGUAGE_CODES
from .opportunities import router as opportunities_router
from .partners import router as partners_router
from .recognitions import router as recognitions_router
from .schemas import RootOut
from .search import router as search_router

__all__ = ["API_URLCONF", "api"]

# The URLconf of the API alone, without the site's /<language>/ prefixes (see create_response).
API_URLCONF = "cms.api.urls"

DESCRIPTION = """Read-only data of the partnerships portal of the ITU Telecommunication
Development Bureau: partnership opportunities (concepts, projects and regional initiatives
that need partners), the funding-partner database (public fields only), the recognitions
of partners and the public partnership agreements (never a confidential one), with filters
by year, region, country, thematic area, partner and type.

Every endpoint takes `lang` (en, fr, es, ru, ar or zh-hans; en by default) and answers in
that language; lists take `page` and `page_size` (at most 100) and answer with `count`,
`next`, `previous` and `results`. Errors are JSON objects with a `detail` message."""


class PublicAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        # "list_partners" rather than "cms_api_partners_list_partners".
        return operation.view_func.__name__

    def create_response(self, request, data, *, status=None, temporal_response=None):
        # Django's LocaleMiddleware answers a 404 outside the language prefixes with a
        # redirect to /en/<same path>/ (the pages' catch-all URL accepts any path). Telling
        # it that this request was resolved without language prefixes keeps the API's own
        # JSON 404 answers.
        request.urlconf = API_URLCONF
        return super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )


api = PublicAPI(
    title="PartnerHub API",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url=None,
)
install_error_handlers(api)

root = Router(tags=["api"])


@root.get("/", response=RootOut, summary="Where the resources are")
def api_root(request):
    """The addresses of the API's lists and of its OpenAPI document."""

    def absolute(name):
        return request.build_absolute_uri(reverse(f"api-v1:{name}"))

    return {
        "opportunities": absolute("list_opportunities"),
        "partners": absolute("list_partners"),
        "recognitions": absolute("list_recognitions"),
        "agreements": absolute("list_agreements"),
        "openapi": absolute("openapi-json"),
        "languages": LANGUAGE_CODES,
    }


api.add_router("", root)
api.add_router("", opportunities_router)
api.add_router("", partners_router)
api.add_router("", recognitions_router)
api.add_router("", agreements_router)
api.add_router("", search_router)
api.add_router("", finder_router)

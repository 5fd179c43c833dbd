"""Admin registration of the partnership records, and the guard on signed documents."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks
from wagtail.models import BaseViewRestriction
from wagtail.snippets.models import register_snippet

from .viewsets import PartnershipViewSetGroup, VocabularyViewSetGroup

register_snippet(PartnershipViewSetGroup)
register_snippet(VocabularyViewSetGroup)


@hooks.register("before_serve_document")
def refuse_private_document_to_other_roles(document, request):
    """A signed agreement asked for by a signed-in user outside the officers' group: 403.

    Wagtail's own check sends every refused visitor to the login page, which only makes
    sense for anonymous ones (they are left to it); a signed-in editor would be bounced
    between the login page and the admin.
    """
    if not request.user.is_authenticated:
        return None
    for restriction in document.collection.get_view_restrictions():
        if restriction.restriction_type == BaseViewRestriction.GROUPS and not (
            restriction.accept_request(request)
        ):
            raise PermissionDenied
    return None

"""Site-wide admin extensions."""

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from wagtail import hooks

from .page_cache import mark_cacheable, page_tags


@hooks.register("insert_global_admin_js")
def translate_the_translation_editors_heading():
    """wagtail-localize's editor heading ("English to Français translation") is hard-coded
    in English in its JavaScript; this script rewrites it in the staff member's language."""
    return format_html(
        '<script src="{}" data-title="{}" defer></script>',
        static("js/admin-localize-title.js"),
        gettext("Translation from %(source)s into %(target)s"),
    )


@hooks.register("insert_global_admin_js")
def edit_text_in_its_own_direction():
    """Text fields and rich text editors take dir="auto" on every admin page, so that Arabic
    is edited right to left even when the admin interface is in another language."""
    return format_html('<script src="{}" defer></script>', static("js/admin-dir-auto.js"))


@hooks.register("insert_global_admin_css")
def listings_break_names_between_words():
    """Names in admin listings wrap between words, not inside one (css/admin-listings.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-listings.css"))


@hooks.register("before_serve_page")
def keep_the_page_for_anonymous_visitors(page, request, serve_args, serve_kwargs):
    """Every public page may be served from the anonymous page cache, and depends on its
    place in the tree and on what its type shows (cms.core.page_cache.page_tags)."""
    if not getattr(request, "is_preview", False):
        mark_cacheable(request, *page_tags(page))

"""Site-wide admin extensions."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def edit_text_in_its_own_direction():
    """Text fields and rich text editors take dir="auto" on every admin page, so that Arabic
    is edited right to left even when the admin interface is in another language."""
    return format_html('<script src="{}" defer></script>', static("js/admin-dir-auto.js"))

"""The base listing of partnership records: search by fragments and in six languages,
computed export columns written by the spreadsheet kernel, and wagtail-localize's listing
buttons worked out once per page."""

from collections import OrderedDict, defaultdict

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import TitleColumn
from wagtail.admin.widgets.button import BaseButton, Button, ButtonWithDropdown
from wagtail.coreutils import multigetattr
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.views.snippets import IndexView
from wagtail_localize.models import Translation, TranslationSource

from cms.core.sorting import order_naturally
from cms.core.spreadsheets import SafeSpreadsheetExportMixin

from .search import search_records

__all__ = ["RecordIndexView", "TranslationState"]

# wagtail-localize's listing buttons ("Translate", "Sync translated snippets") cost three
# queries per row; RecordIndexView works them out for the whole page at once instead.
LOCALIZE_LISTING_HOOK = ("wagtail_localize.wagtail_hooks", "register_snippet_listing_buttons")


class TranslationState:
    """For one page of translatable records: which can still be translated into another
    locale, and which are the source of enabled translations (and by which source)."""

    def __init__(self, model, rows):
        keys = {row.translation_key for row in rows}
        self.all_locales = set(Locale.objects.values_list("pk", flat=True))
        self.locales = defaultdict(set)
        pairs = model._default_manager.filter(translation_key__in=keys).values_list(
            "translation_key", "locale_id"
        )
        for key, locale_id in pairs:
            self.locales[key].add(locale_id)
        content_type = ContentType.objects.get_for_model(model.get_translation_model())
        enabled = Translation.objects.filter(source=OuterRef("pk"), enabled=True)
        sources = (
            TranslationSource.objects.filter(
                object__translation_key__in=keys, object__content_type=content_type
            )
            .filter(Exists(enabled))
            .values_list("object__translation_key", "locale_id", "pk")
        )
        self.synced_source = {(key, locale_id): pk for key, locale_id, pk in sources}

    def can_translate(self, row):
        return bool(self.all_locales - self.locales[row.translation_key])

    def source_id(self, row):
        return self.synced_source.get((row.translation_key, row.locale_id))


class RecordIndexView(SafeSpreadsheetExportMixin, IndexView):
    """A snippet listing searched by fragments and in six languages, with export values
    computed per column, written by the spreadsheet kernel (a partner's or agreement's text
    that could start a formula is neutralized).

    A search lists the records found by fragments of `search_fields` (the ORM) or by the
    full-text search, which reads the query in the language of the locale the listing is
    filtered on, or, when it shows every language, each record in its own language (see
    `search_records`). Set `full_text_search` to False for fragments only.

    `export_getters` maps a name used in the viewset's `list_export` to a function of the row,
    for values that are not plain attributes (lists of related names, formatted amounts).
    `column_permissions` maps a column or export name to the permission needed to see it:
    agreement counts are for those who may see the (partly confidential) archive.
    """

    export_getters = {}
    column_permissions = {}
    full_text_search = True
    #: Whether a row's title opens the record's read-only page rather than its edit form
    #: (staff look records up far more often than they change them; "Edit" stays in the
    #: row's menu and on the record page).
    title_opens_record = False

    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        if not self.title_opens_record:
            return super()._get_title_column(field_name, column_class, **kwargs)

        def get_url(instance):
            return self.get_inspect_url(instance) or self.get_edit_url(instance)

        # Wagtail's own title column, with the record page first instead of the edit form.
        return self._get_custom_column(
            field_name, self._get_title_column_class(column_class), get_url=get_url, **kwargs
        )

    def user_may_see(self, name):
        permission = self.column_permissions.get(name)
        return permission is None or self.request.user.has_perm(permission)

    @cached_property
    def columns(self):
        return [column for column in super().columns if self.user_may_see(column.name)]

    @cached_property
    def visible_export_fields(self):
        return [field for field in self.list_export if self.user_may_see(field)]

    def stream_csv(self, queryset):
        self.list_export = self.visible_export_fields
        return super().stream_csv(queryset)

    def write_xlsx(self, queryset, output):
        self.list_export = self.visible_export_fields
        return super().write_xlsx(queryset, output)

    @cached_property
    def search_language(self):
        """The language of the locale selected in the listing's filter, or None when the
        listing shows every language (or its records have no locale)."""
        filters = self.filters
        if not filters or "locale" not in filters.filters or not filters.is_valid():
            return None
        return filters.form.cleaned_data.get("locale") or None

    def order_queryset(self, queryset):
        # Names and titles as people read them: "ARM" among the A's, "Éthiopie" among the E's.
        return order_naturally(super().order_queryset(queryset))

    def other_matches(self, query):
        """A condition for records found by `query` some other way than their own fields
        (agreements by their partners' names in every language); None for none."""
        return None

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return search_records(
            queryset,
            self.search_fields or [],
            self.search_query,
            full_text=self.full_text_search,
            language_code=self.search_language,
            also=self.other_matches(self.search_query),
        )

    @cached_property
    def filter_errors(self):
        """The messages of the filters that could not be applied (a range from a value
        higher than its end), shown above the results; what was typed stays in the form."""
        filters = self.filters
        if not filters or filters.is_valid():
            return []
        return [str(error) for errors in filters.form.errors.values() for error in errors]

    def to_row_dict(self, item):
        return OrderedDict(
            (field, self.get_export_value(item, field)) for field in self.list_export
        )

    def get_export_value(self, item, field):
        getter = self.export_getters.get(field)
        if getter is not None:
            return getter(item)
        return multigetattr(item, field)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        self.page_rows = list(context["object_list"])
        return context

    @cached_property
    def translation_state(self):
        if not issubclass(self.model, TranslatableMixin) or not self.request.user.has_perm(
            "wagtail_localize.submit_translation"
        ):
            return None
        return TranslationState(self.model, getattr(self, "page_rows", []))

    def get_translation_buttons(self, instance, next_url):
        """The buttons of wagtail-localize's listing hook, from the page's batched state."""
        state = self.translation_state
        if state is None:
            return []
        buttons = []
        if state.can_translate(instance):
            opts = self.model._meta
            buttons.append(
                Button(
                    _("Translate"),
                    reverse(
                        "wagtail_localize:submit_snippet_translation",
                        args=[opts.app_label, opts.model_name, quote(instance.pk)],
                    ),
                    attrs={"aria-label": _("Translate '%(title)s'") % {"title": str(instance)}},
                    icon_name="wagtail-localize-language",
                    priority=100,
                )
            )
        source_id = state.source_id(instance)
        if source_id is not None:
            url = reverse("wagtail_localize:update_translations", args=[source_id])
            buttons.append(
                Button(
                    _("Sync translated snippets"),
                    f"{url}?{urlencode({'next': next_url})}",
                    attrs={
                        "aria-label": _("Sync translations of '%(title)s'")
                        % {"title": str(instance)}
                    },
                    icon_name="resubmit",
                    priority=106,
                )
            )
        return buttons

    def get_list_buttons(self, instance):
        # Wagtail's snippet IndexView.get_list_buttons, with wagtail-localize's per-row hook
        # replaced by get_translation_buttons().
        next_url = self.request.path
        list_buttons = []
        more_buttons = []

        buttons = self.get_list_more_buttons(instance)
        buttons.extend(self.get_translation_buttons(instance, next_url))
        for hook in hooks.get_hooks("register_snippet_listing_buttons"):
            if (hook.__module__, hook.__name__) == LOCALIZE_LISTING_HOOK:
                continue
            buttons.extend(hook(instance, self.request.user, next_url))

        for button in buttons:
            if isinstance(button, BaseButton) and not button.allow_in_dropdown:
                list_buttons.append(button)
            elif isinstance(button, MenuItem):
                if button.is_shown(self.request.user):
                    more_buttons.append(Button.from_menu_item(button))
            elif button.show:
                more_buttons.append(button)

        for hook in hooks.get_hooks("construct_snippet_listing_buttons"):
            hook(more_buttons, instance, self.request.user)

        if more_buttons:
            list_buttons.append(
                ButtonWithDropdown(
                    buttons=more_buttons,
                    icon_name="dots-horizontal",
                    attrs={
                        "aria-label": _("More options for '%(title)s'") % {"title": str(instance)}
                    },
                )
            )
        return list_buttons

"""The viewset of communication material: briefs, brochures, slide decks, videos, images.

Its chooser can create: an editor writing an opportunity uploads the brief (or gives the
video's address) in the chooser's "Upload" tab, and the new material is chosen for the page
without leaving its form (before, about eight actions on another screen). The file goes
through Wagtail's document form, the one of the Documents screen, with the project's content
check (cms.core.uploads): an HTML page named `.pdf` is refused here as everywhere.
"""

from django import forms
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Locale
from wagtail.permissions import policy_registry
from wagtail.snippets.views.chooser import SnippetCreateView

from cms.core.roles import PUBLIC_MEDIA_COLLECTION

from ..models import Material
from ..models.materials import VIDEO_EXTENSIONS, extension_of_name
from ..views.choosers import RecordChooseResultsView, RecordChooserViewSet, RecordChooseView
from ..views.columns import LanguageColumn, UpdatedColumn
from .base import RecordViewSet

__all__ = ["MaterialChooserViewSet", "MaterialCreationForm", "MaterialViewSet"]


class MaterialCreationForm(forms.Form):
    """A new brief, brochure, slide deck or video, made from the chooser of a page form: its
    title, kind, file or video address and caption, in the source language (translators
    give it its other languages)."""

    title = forms.CharField(label=_("Title"), max_length=255)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=[
            (kind.value, kind.label)
            for kind in Material.Kind
            if kind in Material.DOCUMENT_KINDS or kind == Material.Kind.VIDEO
        ],
    )
    file = forms.FileField(
        label=_("Document"),
        required=False,
        help_text=_(
            "For a brief, brochure or slide deck: a PDF or an Office document; for a video: "
            "an MP4 or WebM file, or its address below."
        ),
    )
    video_url = forms.URLField(
        label=_("Video address"),
        required=False,
        assume_scheme="https",
        help_text=_("For a video: its address on YouTube, Vimeo or another provider."),
    )
    caption = forms.CharField(
        label=_("Caption"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Transcribes or sums up the video."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.document_form = None

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        upload = cleaned.get("file")
        if kind in Material.DOCUMENT_KINDS and not upload:
            self.add_error("file", _("Choose the document of this material."))
        elif kind == Material.Kind.VIDEO and not upload and not cleaned.get("video_url"):
            self.add_error(
                "video_url", _("Choose the video file (MP4 or WebM) or give its address.")
            )
        elif (
            kind == Material.Kind.VIDEO
            and upload
            and extension_of_name(upload.name) not in (VIDEO_EXTENSIONS)
        ):
            self.add_error("file", _("A video must be an MP4 or WebM file."))
        elif kind in Material.FILE_KINDS and upload:
            self.document_form = self._document_form(upload, cleaned.get("title") or "")
            if not self.document_form.is_valid():
                for errors in self.document_form.errors.values():
                    for error in errors:
                        self.add_error("file", error)
        return cleaned

    def _document_form(self, upload, title):
        """Wagtail's document form (the project's, WAGTAILDOCS_DOCUMENT_FORM_BASE): the
        extension, the size and the content are checked as on the Documents screen. The
        document goes to the public media, where editors keep the site's documents (or the
        first collection the uploader may add to)."""
        model = get_document_model()
        form_class = get_document_form(model)
        collection = upload_collection(self.user)
        form = form_class(
            data={"title": title, "collection": collection.pk},
            files={"file": upload},
            user=self.user,
        )
        # Wagtail drops the field when the uploader has a single collection.
        form.instance.collection = collection
        return form

    @transaction.atomic
    def save(self):
        kind = self.cleaned_data["kind"]
        document = None
        if self.document_form is not None:
            document = self.document_form.save(commit=False)
            document.uploaded_by_user = self.user
            document.save()
        material = Material(
            title=self.cleaned_data["title"],
            kind=kind,
            document=document,
            video_url=(
                self.cleaned_data["video_url"]
                if kind == Material.Kind.VIDEO and document is None
                else ""
            ),
            caption=self.cleaned_data["caption"],
            locale=Locale.objects.get(language_code=settings.LANGUAGE_CODE),
        )
        material.full_clean()
        material.save()
        return material


def upload_collection(user):
    """Where a document uploaded with a new material goes: the public media if the uploader
    may add documents there, else the first collection they may add to (None: nowhere)."""
    collections = list(
        document_permissions().collections_user_has_permission_for(user, "add").order_by("path")
    )
    for collection in collections:
        if collection.name == PUBLIC_MEDIA_COLLECTION:
            return collection
    return collections[0] if collections else None


def document_permissions():
    return policy_registry.get_by_type(get_document_model())


class MaterialCreationMixin:
    """The chooser's creation form knows who uploads (the document's owner, and the
    collections they may add to); it is offered to those who may add both material and
    documents."""

    def get_creation_form_kwargs(self):
        return {**super().get_creation_form_kwargs(), "user": self.request.user}

    def can_create(self):
        return super().can_create() and upload_collection(self.request.user) is not None


class MaterialChooseView(MaterialCreationMixin, RecordChooseView):
    pass


class MaterialChooseResultsView(MaterialCreationMixin, RecordChooseResultsView):
    pass


class MaterialCreateView(MaterialCreationMixin, SnippetCreateView):
    pass


class MaterialChooserViewSet(RecordChooserViewSet):
    """The material chooser, with an "Upload" tab that creates a material and chooses it."""

    choose_view_class = MaterialChooseView
    choose_results_view_class = MaterialChooseResultsView
    create_view_class = MaterialCreateView
    creation_form_class = MaterialCreationForm
    creation_tab_label = _("Upload")
    create_action_label = _("Upload and choose")
    create_action_clicked_label = _("Uploading…")


class MaterialViewSet(RecordViewSet):
    """Material shown on opportunities; a translator may give a translation its own document
    or video, the variant that visitors in that language get."""

    model = Material
    icon = "doc-full"
    chooser_viewset_class = MaterialChooserViewSet
    list_filter = ["kind"]
    search_fields = ["title", "caption"]
    chooser_search_fields = ("title", "caption")
    ordering = "title"
    list_display = [
        "title",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        LanguageColumn(),
        UpdatedColumn(),
    ]
    list_export = ["title", "kind", "document", "video_url", "image", "locale"]
    export_headings = {"locale": _("Language")}
    inspect_view_fields = [
        "title",
        "kind",
        "document",
        "video_url",
        "image",
        "caption",
        "transcript",
        "locale",
    ]
    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("document"), FieldPanel("video_url"), FieldPanel("image")],
            heading=_("File, video or image"),
        ),
        FieldPanel("caption"),
        FieldPanel("transcript"),
        InlinePanel(
            "caption_tracks",
            heading=_("Captions of the uploaded video"),
            label=_("caption track"),
            help_text=_("One WebVTT file per language; visitors see their language's first."),
        ),
    ]

    def get_queryset(self, request):
        return Material.objects.select_related("locale", "document", "image")

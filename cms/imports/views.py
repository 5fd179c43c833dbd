"""The admin's import pages: upload, status and preview of a run, confirmation."""

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.html import format_html_join
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from cms.core.formats import format_percent
from cms.core.money import RATES_AS_OF, currencies

from .columns import COLUMNS, REQUIRED_COLUMNS
from .forms import ImportForm
from .models import ImportRun
from .permissions import can_import
from .preview import page_of_rows, progress_text, warning_counts
from .problems import ImportFileError, Problem
from .reader import detect_format, limits
from .service import checksum, summary
from .tasks import progress_key, purge_expired_files, run_import_task

__all__ = ["ConfirmImportView", "ImportProgressView", "ImportStatusView", "ImportView"]

BREADCRUMBS = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]


class ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ImportView(ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    """Upload a file; its dry run starts at once in the background."""

    template_name = "imports/import.html"
    form_class = ImportForm
    page_title = gettext_lazy("Import partners or agreements")
    header_icon = "upload"
    breadcrumbs_items = [*BREADCRUMBS, {"url": "", "label": gettext_lazy("Import")}]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        max_bytes, max_rows, _unzipped = limits()
        return super().get_context_data(
            columns={kind: ", ".join(names) for kind, names in COLUMNS.items()},
            # Column names are the file's own, the same in every language: shown as code.
            required={
                kind: format_html_join(", ", "<code>{}</code>", ((name,) for name in names))
                for kind, names in REQUIRED_COLUMNS.items()
            },
            max_megabytes=round(max_bytes / 1024 / 1024, 1),
            max_rows=max_rows,
            currencies=", ".join(currencies()),
            rates_as_of=RATES_AS_OF,
            recent_runs=ImportRun.objects.select_related("user")[:10],
            **kwargs,
        )

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        data = upload.read()
        try:
            detect_format(data, upload.name)
        except ImportFileError as error:
            form.add_error("file", str(error))
            return self.form_invalid(form)
        purge_expired_files()
        run = ImportRun(
            user=self.request.user,
            kind=form.cleaned_data["kind"],
            file_name=upload.name[:255],
            checksum=checksum(data),
            encoding=form.cleaned_data["encoding"],
            create_partners=form.cleaned_data["create_partners"],
            dry_run=True,
        )
        run.file.save("import.bin", ContentFile(data), save=False)
        run.save()
        run_import_task.enqueue(run.pk, get_language())
        return redirect("imports:status", run.pk)


class ImportStatusView(ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """Progress while a run works (the page refreshes itself), then its counts, its preview
    and every problem; a clean dry run can be confirmed from here."""

    template_name = "imports/status.html"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.run = get_object_or_404(ImportRun.objects.select_related("user"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Import of %(file)s") % {"file": self.run.file_name}

    def get_breadcrumbs_items(self):
        return [
            *BREADCRUMBS,
            {"url": reverse("imports:import"), "label": _("Import")},
            {"url": "", "label": self.run.file_name},
        ]

    def get_context_data(self, **kwargs):
        run = self.run
        live = cache.get(progress_key(run.pk)) if run.is_pending else None
        preview = run.preview or {}
        counts = {
            "created": run.created,
            "updated": run.updated,
            "unchanged": run.unchanged,
            "errors": run.error_count,
            **(preview.get("counts") or {}),
        }
        rows, page, rows_words = page_of_rows(preview, run.dry_run, self.request.GET.get("page"))
        return super().get_context_data(
            run=run,
            progress=(live or {}).get("percent", run.progress),
            progress_text=progress_text(run, live) if run.is_pending else "",
            summary=summary(counts),
            partners_created=counts.get("partners_created", 0),
            problems=[Problem.from_dict(item) for item in run.errors],
            rows=rows,
            rows_page=page,
            rows_words=rows_words,
            warnings=warning_counts(preview),
            may_confirm=run.can_confirm
            and can_import(self.request.user, run.kind, run.create_partners),
            confirmation=run.confirmations.first(),
            **kwargs,
        )


class ImportProgressView(ImportPermissionMixin, View):
    """GET: where a run is, as JSON, for the status page's script (which reloads the page
    once the run has ended; without JavaScript the page refreshes itself)."""

    def get(self, request, pk):
        run = get_object_or_404(ImportRun, pk=pk)
        live = cache.get(progress_key(run.pk)) if run.is_pending else None
        percent = (live or {}).get("percent", run.progress)
        return JsonResponse(
            {
                "pending": run.is_pending,
                "percent": percent,
                "percent_text": format_percent(percent),
                "text": progress_text(run, live) if run.is_pending else "",
            }
        )


class ConfirmImportView(ImportPermissionMixin, View):
    """POST: import for real the file of a clean dry run, in the background."""

    def post(self, request, pk):
        preview = get_object_or_404(ImportRun, pk=pk)
        if not can_import(request.user, preview.kind, preview.create_partners):
            raise PermissionDenied
        # Confirmed once only, even when the button is pressed twice at the same moment.
        claimed = preview.can_confirm and ImportRun.objects.filter(
            pk=preview.pk, status=ImportRun.Status.PREVIEWED
        ).update(status=ImportRun.Status.CONFIRMED)
        if not claimed:
            messages.error(request, _("This import cannot be confirmed (any more)."))
            return redirect("imports:status", preview.pk)
        run = ImportRun.objects.create(
            user=request.user,
            kind=preview.kind,
            file_name=preview.file_name,
            file=preview.file.name,
            checksum=preview.checksum,
            encoding=preview.encoding,
            create_partners=preview.create_partners,
            dry_run=False,
            preview_of=preview,
        )
        preview.file = ""
        preview.save(update_fields=["file"])
        run_import_task.enqueue(run.pk, get_language())
        return redirect("imports:status", run.pk)

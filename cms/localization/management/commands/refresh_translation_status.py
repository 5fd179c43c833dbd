from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.localization.status import rebuild_status


class Command(BaseCommand):
    help = "Recompute the translation status matrix of every page and translatable snippet."

    def handle(self, *args, **options):
        count = rebuild_status(stdout=self.stdout)
        self.stdout.write(
            _("Translation status of %(count)d objects refreshed.") % {"count": count}
        )

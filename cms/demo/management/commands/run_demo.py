"""`manage.py run_demo`: what `make demo` does, in one process: create the database
(`prepare_demo_database`), load the demo (`load_demo_data`), then serve it (`runserver`,
without the autoreloader).

Why one process: each `manage.py` command starts Django again (3.5 s of imports and app
loading on a two-core machine), and runserver's autoreloader starts it twice more (the
watcher, then the server it restarts on each change). Run as three commands, `make demo`
spent about 10 s of its first minute starting Django; here it starts once, and the first
page is served by a process that has already loaded every model and template tag. A
developer who changes code uses `make serve`, which keeps the autoreloader.
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the demo database, load the demo data and serve the site, in one process "
        "(runserver without the autoreloader; `make serve` reloads on code changes)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport",
            nargs="?",
            default="127.0.0.1:8000",
            help="Address and port to serve on (as runserver's), 127.0.0.1:8000 by default.",
        )

    def handle(self, *args, addrport, **options):
        started = time.monotonic()
        verbosity = options["verbosity"]
        # The system checks ran when this command started: the commands below skip them.
        call_command("prepare_demo_database", verbosity=verbosity, stdout=self.stdout)
        call_command("load_demo_data", verbosity=verbosity, stdout=self.stdout)
        self.stdout.write(f"Demo ready in {time.monotonic() - started:.1f} s; serving it.")
        call_command(
            "runserver", addrport, use_reloader=False, skip_checks=True, verbosity=verbosity
        )

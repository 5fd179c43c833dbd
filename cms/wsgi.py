"""WSGI entry point for PartnerHub.

Once the site is loaded (settings, apps, URL configuration, templates' loaders), its objects
live as long as the process: `gc.freeze()` moves them out of the garbage collector's reach,
so that a full collection no longer walks them all (one every ~50 requests cost about 150 ms
of a worker's time, measured with py-spy under bench/served.py), and forked workers keep
sharing their memory pages.
"""

import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

gc.freeze()

"""WSGI entry point for gunicorn: ``gunicorn config.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()

# Import every view module now rather than on each worker's first request (about 0.3 s of CPU
# a worker, paid while requests queue behind it). With `gunicorn --preload` this happens once,
# in the master, before the workers are forked. It opens no database connection.
get_resolver().url_patterns  # noqa: B018

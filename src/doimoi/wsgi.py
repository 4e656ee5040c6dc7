"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

from doimoi.startup import settle

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doimoi.settings")
application = get_wsgi_application()
settle()  # views imported and start-up's objects frozen before the first request

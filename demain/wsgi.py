import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "demain.settings")
django_application = get_wsgi_application()

from demain.site.page_cache_app import CachedPagesApp  # noqa: E402  (needs the settings loaded)

# Published pages already rendered are answered in front of Django (demain/site/page_cache_app.py).
application = CachedPagesApp(django_application)

"""The editor's admin site: a dashboard first, the newsroom's sections, Django's own sections last."""

from __future__ import annotations

from django.contrib import admin

from demain.site.dashboard import dashboard
from demain.site.login_throttle import ThrottledAdminLoginForm

# Sections in the order an editor works through a week: the day's stories, their drafts, the issue,
# its sending, the readers; then the sources and the site (set up once); any other section follows,
# Django's own last.
SECTION_ORDER = ["stories", "drafts", "issues", "delivery", "audience", "sources", "public_site"]
DJANGO_SECTIONS = {"auth", "django_tasks_database"}


class EditorAdminSite(admin.AdminSite):
    site_header = "Le monde de demAIn — rédaction"
    site_title = "Rédaction de demAIn"
    index_title = "Tableau de bord"
    index_template = "admin/demain_index.html"
    login_form = ThrottledAdminLoginForm  # per account and per IP (demain/site/login_throttle.py)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)

        def rank(app):
            label = app["app_label"]
            if label in DJANGO_SECTIONS:
                return (2, 0, app["name"])
            return (0, SECTION_ORDER.index(label), "") if label in SECTION_ORDER else (1, 0, app["name"])

        return sorted(apps, key=rank)

    def index(self, request, extra_context=None):
        return super().index(request, {**dashboard(), **(extra_context or {})})

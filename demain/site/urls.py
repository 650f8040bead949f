from django.contrib.sitemaps.views import sitemap
from django.urls import path

from demain.site.feeds import IssuesAtom, IssuesRss
from demain.site.page_cache import shared_page
from demain.site.sitemaps import SITEMAPS
from demain.site.views.archive import archive
from demain.site.views.favicon import favicon
from demain.site.views.healthz import healthz
from demain.site.views.home import home
from demain.site.views.issue_detail import issue_detail
from demain.site.views.legal_page import legal_page
from demain.site.views.question import question
from demain.site.views.robots_txt import robots_txt
from demain.site.views.search_archive import search_archive

urlpatterns = [
    path("", home, name="home"),
    path("numeros/", archive, name="archive"),
    path("numeros/<int:number>/", issue_detail, name="issue_detail"),
    path("recherche/", search_archive, name="search"),
    path("question/", question, name="question"),
    path("flux/rss/", shared_page(IssuesRss()), name="feed_rss"),
    path("flux/atom/", shared_page(IssuesAtom()), name="feed_atom"),
    path("sitemap.xml", shared_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("mentions-legales/", legal_page, {"slug": "mentions-legales"}, name="legal_notice"),
    path("confidentialite/", legal_page, {"slug": "confidentialite"}, name="privacy_policy"),
]

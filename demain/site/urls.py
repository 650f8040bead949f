from django.contrib.sitemaps.views import sitemap
from django.urls import path

from demain.site.feeds import IssuesAtom, IssuesRss
from demain.site.sitemaps import SITEMAPS
from demain.site.views.archive import archive
from demain.site.views.home import home
from demain.site.views.issue_detail import issue_detail
from demain.site.views.legal_page import legal_page
from demain.site.views.robots_txt import robots_txt

urlpatterns = [
    path("", home, name="home"),
    path("numeros/", archive, name="archive"),
    path("numeros/<int:number>/", issue_detail, name="issue_detail"),
    path("flux/rss/", IssuesRss(), name="feed_rss"),
    path("flux/atom/", IssuesAtom(), name="feed_atom"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("mentions-legales/", legal_page, {"slug": "mentions-legales"}, name="legal_notice"),
    path("confidentialite/", legal_page, {"slug": "confidentialite"}, name="privacy_policy"),
]

"""The sitemap: home, archive, every published issue and the offer pages, on settings.SITE_URL."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from demain.audience.models import OfferPage
from demain.issues.models import Issue
from demain.site.links import site_domain, site_protocol
from demain.site.published import published_issues


class OnSiteUrl(Sitemap):
    def get_protocol(self, protocol=None):
        return site_protocol()

    def get_domain(self, site=None):
        return site_domain()


class PagesSitemap(OnSiteUrl):
    changefreq = "weekly"

    def items(self):
        return ["home", "archive"]

    def location(self, name: str) -> str:
        return reverse(name)

    def lastmod(self, name: str):
        latest = published_issues().order_by("-updated_at").first()
        return latest.updated_at if latest else None


class IssuesSitemap(OnSiteUrl):
    changefreq = "monthly"

    def items(self):
        return published_issues()

    def lastmod(self, issue: Issue):
        return issue.updated_at


class OffersSitemap(OnSiteUrl):
    changefreq = "monthly"

    def items(self):
        return OfferPage.objects.order_by("menu_order", "slug")


SITEMAPS = {"pages": PagesSitemap, "issues": IssuesSitemap, "offers": OffersSitemap}

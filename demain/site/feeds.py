"""RSS 2.0 and Atom feeds of published issues, full content included.

Each entry carries a short summary (the editorial's opening) and the whole
issue as HTML: ``content:encoded`` in RSS, ``<content type="html">`` in Atom.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import feedgenerator, timezone
from django.utils.text import Truncator

from demain.issues.models import Issue
from demain.site.links import absolute
from demain.site.published import published_issues, with_contents

FEED_SIZE = 20


class RssWithContent(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": "http://purl.org/rss/1.0/modules/content/"}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(feedgenerator.Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class IssuesRss(Feed):
    feed_type = RssWithContent
    title = "Le monde de demAIn"
    description = "La lettre d’information qui décrypte l’intelligence artificielle pour les petites entreprises."
    language = "fr"
    feed_url_name = "feed_rss"

    def link(self) -> str:
        return absolute(reverse("home"))

    def feed_url(self) -> str:
        return absolute(reverse(self.feed_url_name))

    def items(self):
        return with_contents(published_issues())[:FEED_SIZE]

    def item_title(self, issue: Issue) -> str:
        return f"N° {issue.number} — {issue.title}"

    def item_link(self, issue: Issue) -> str:
        return absolute(issue.get_absolute_url())

    def item_guid(self, issue: Issue) -> str:
        return self.item_link(issue)

    def item_description(self, issue: Issue) -> str:
        opening = issue.editorial_paragraphs[:1] or [issue.title]
        return Truncator(opening[0]).words(60)

    def item_pubdate(self, issue: Issue) -> datetime.datetime:
        if issue.published_at:
            return issue.published_at
        return timezone.make_aware(datetime.datetime.combine(issue.date, datetime.time(8)))

    def item_updateddate(self, issue: Issue) -> datetime.datetime:
        return max(issue.updated_at, self.item_pubdate(issue))

    def item_extra_kwargs(self, issue: Issue) -> dict:
        return {"content": render_to_string("site/includes/issue_body.html", {"issue": issue})}


class IssuesAtom(IssuesRss):
    feed_type = AtomWithContent
    subtitle = IssuesRss.description
    feed_url_name = "feed_atom"

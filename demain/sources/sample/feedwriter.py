"""Write the sample corpus's feeds in every format demain reads (used by scripts/sample-feeds and the tests).

Items are (url, title, published) with published an ISO 8601 datetime. ``{{BASE}}`` in a URL is
left as is: the sample server replaces it with its own address when it serves the file.
"""

from __future__ import annotations

import json
from datetime import datetime
from email.utils import format_datetime
from html import escape

Item = tuple[str, str, str]


def _rfc822(moment: str) -> str:
    return format_datetime(datetime.fromisoformat(moment), usegmt=False)


def rss20(title: str, link: str, items: list[Item], language: str = "", ttl: int | None = None) -> str:
    entries = "".join(f"""
    <item><title>{escape(t)}</title><link>{escape(u)}</link><guid isPermaLink="true">{escape(u)}</guid>
      {f"<pubDate>{_rfc822(d)}</pubDate>" if d else ""}</item>""" for u, t, d in items)  # undated: no pubDate
    extra = (f"<language>{language}</language>" if language else "") + (f"<ttl>{ttl}</ttl>" if ttl else "")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{escape(title)}</title><link>{escape(link)}</link>
<description>{escape(title)}</description>{extra}{entries}
</channel></rss>
"""


def rss091(title: str, link: str, items: list[Item], language: str = "") -> str:
    entries = "".join(f"\n<item><title>{escape(t)}</title><link>{escape(u)}</link></item>" for u, t, _ in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="0.91"><channel><title>{escape(title)}</title><link>{escape(link)}</link>
<description>{escape(title)}</description><language>{language or "en"}</language>{entries}
</channel></rss>
"""


def rss10(title: str, link: str, items: list[Item], about: str) -> str:
    seq = "".join(f'<rdf:li rdf:resource="{escape(u)}"/>' for u, _, _ in items)
    entries = "".join(f"""
<item rdf:about="{escape(u)}"><title>{escape(t)}</title><link>{escape(u)}</link><dc:date>{d}</dc:date></item>"""
                      for u, t, d in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="{escape(about)}"><title>{escape(title)}</title><link>{escape(link)}</link>
<description>{escape(title)}</description><items><rdf:Seq>{seq}</rdf:Seq></items></channel>{entries}
</rdf:RDF>
"""


def atom(title: str, link: str, items: list[Item], feed_id: str) -> str:
    updated = max((d for _, _, d in items), default="2026-01-01T00:00:00+00:00")
    entries = "".join(f"""
  <entry><title>{escape(t)}</title><link rel="alternate" href="{escape(u)}"/><id>{escape(u)}</id>
    <published>{d}</published><updated>{d}</updated></entry>""" for u, t, d in items)
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{escape(title)}</title><id>{escape(feed_id)}</id>
<updated>{updated}</updated><link href="{escape(link)}"/><author><name>{escape(title)}</name></author>{entries}
</feed>
"""


def jsonfeed(title: str, link: str, items: list[Item], version: str = "1.1", language: str = "") -> str:
    data = {"version": f"https://jsonfeed.org/version/{version}", "title": title, "home_page_url": link,
            "items": [{"id": u, "url": u, "title": t, "date_published": d} for u, t, d in items]}
    if language and version == "1.1":
        data["language"] = language
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def entity_bomb(levels: int = 9) -> str:
    """A 'billion laughs' feed: each entity expands to ten of the previous one."""
    names = [chr(ord("a") + i) for i in range(levels + 1)]
    lines = [f' <!ENTITY {names[0]} "demain">'] + [
        f' <!ENTITY {names[i]} "{("&" + names[i - 1] + ";") * 10}">' for i in range(1, levels + 1)]
    return ('<?xml version="1.0"?>\n<!DOCTYPE rss [\n' + "\n".join(lines) +
            f'\n]>\n<rss version="2.0"><channel><title>&{names[-1]};</title></channel></rss>\n')

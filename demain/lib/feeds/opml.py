"""OPML 2.0 subscription lists, read with defusedxml and written with ElementTree.

Each feed is an ``<outline type="rss" xmlUrl=…>``; demain adds the attributes
``outlet``, ``weight``, ``language`` and ``kind`` (other readers ignore them).
An outline nested under another takes the parent's text as its outlet when it
has none of its own.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET


class OpmlError(ValueError):
    """The file is not OPML we can read; the message says why."""


@dataclass
class Outline:
    url: str
    name: str = ""
    outlet: str = ""
    site_url: str = ""
    kind: str = ""
    language: str = ""
    weight: float | None = None
    active: bool = True


def read_opml(data: bytes) -> list[Outline]:
    try:
        root = SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as error:
        raise OpmlError(f"refused: {error}") from None
    except SafeET.ParseError as error:
        raise OpmlError(f"malformed XML: {error}") from None
    if root.tag != "opml" or root.find("body") is None:
        raise OpmlError("not OPML: no <opml><body>")
    found: list[Outline] = []

    def walk(node, parent_text: str) -> None:
        for outline in node.findall("outline"):
            url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
            text = outline.get("text") or outline.get("title") or ""
            if url:
                weight = outline.get("weight")
                try:
                    weight_value = float(weight) if weight else None
                except ValueError:
                    raise OpmlError(f"outline {url}: weight {weight!r} is not a number") from None
                found.append(Outline(url=url, name=text or url, outlet=outline.get("outlet") or parent_text,
                                     site_url=outline.get("htmlUrl") or "", kind=outline.get("kind") or "",
                                     language=outline.get("language") or "", weight=weight_value,
                                     active=outline.get("active", "true") != "false"))
            walk(outline, text if not url else parent_text)

    walk(root.find("body"), "")
    return found


def write_opml(outlines: list[Outline], title: str = "Sources") -> bytes:
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for item in outlines:
        attributes = {"type": "rss", "text": item.name or item.url, "title": item.name or item.url,
                      "xmlUrl": item.url}
        for key, value in (("htmlUrl", item.site_url), ("outlet", item.outlet), ("kind", item.kind),
                           ("language", item.language)):
            if value:
                attributes[key] = value
        if item.weight is not None:
            attributes["weight"] = f"{item.weight:g}"
        if not item.active:
            attributes["active"] = "false"
        ET.SubElement(body, "outline", attributes)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"

"""Atom feeds (RFC 4287) of the newest entries: one for the whole hub, one per theme.

Built with ElementTree, so every value is escaped as XML. With a `site_url` every link
and id is absolute; without one, links are relative to the feed's own location and
ids are `urn:kennishub:` names (stable, but readers resolve links against the feed).
Timestamps are midnight Europe/Amsterdam of the entry's date (or `updated`); the
feed's `updated` is the newest of them, so building twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

from kennishub.model import TYPE_LABELS, Entry, Hub
from kennishub.pages import rel

ATOM = "http://www.w3.org/2005/Atom"
TZ = ZoneInfo("Europe/Amsterdam")
EPOCH = "1970-01-01T00:00:00+00:00"
FEED_LIMIT = 50

ET.register_namespace("", ATOM)


def timestamp(date: dt.date) -> str:
    return dt.datetime(date.year, date.month, date.day, tzinfo=TZ).isoformat()


def entry_updated(entry: Entry) -> dt.date | None:
    updated = entry.meta.get("updated")
    if isinstance(updated, dt.date) and (entry.date is None or updated >= entry.date):
        return updated
    return entry.date


def _url(site_url: str, path: str, feed_path: str) -> str:
    if site_url:
        return site_url.rstrip("/") + "/" + path
    return rel(path, feed_path.rpartition("/")[0] + "/" if "/" in feed_path else "")


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters)."""
    return _NOT_XML.sub("", str(text))


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def atom_feed(
    entries: list[Entry],
    hub: Hub,
    *,
    title: str,
    feed_path: str,
    page_path: str,
    site_url: str = "",
    subtitle: str = "",
    limit: int = FEED_LIMIT,
) -> str:
    """The feed document. `entries` newest first; `feed_path` is the feed's site path
    ("feed.xml", "themas/armoede/feed.xml"), `page_path` the HTML page it belongs to."""
    site_url = site_url or ""
    chosen = entries[:limit]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    _sub(feed, "id", _url(site_url, feed_path, feed_path) if site_url else f"urn:kennishub:{feed_path}")
    _sub(feed, "title", title)
    if subtitle:
        _sub(feed, "subtitle", subtitle)
    dates = [d for d in (entry_updated(e) for e in chosen) if d]
    _sub(feed, "updated", timestamp(max(dates)) if dates else EPOCH)
    _sub(feed, "link", rel="self", type="application/atom+xml", href=_url(site_url, feed_path, feed_path))
    _sub(feed, "link", rel="alternate", type="text/html", href=_url(site_url, page_path, feed_path))
    author = _sub(feed, "author")
    _sub(author, "name", title)
    _sub(feed, "generator", "kennishub")
    for e in chosen:
        item = _sub(feed, "entry")
        _sub(item, "id", _url(site_url, e.url, feed_path) if site_url else f"urn:kennishub:{e.url.rstrip('/')}")
        _sub(item, "title", e.title)
        updated = entry_updated(e)
        _sub(item, "updated", timestamp(updated) if updated else EPOCH)
        if e.date:
            _sub(item, "published", timestamp(e.date))
        _sub(item, "link", rel="alternate", type="text/html", href=_url(site_url, e.url, feed_path))
        for key in e.meta.get("authors") or []:
            person = hub.authors.get(key) if isinstance(key, str) else None
            if person:
                _sub(_sub(item, "author"), "name", person.name)
        _sub(item, "category", term=e.type, label=TYPE_LABELS.get(e.type, e.type))
        for slug in e.themes:
            theme = hub.themes.get(slug)
            _sub(item, "category", term=slug, label=theme.title if theme else slug)
        summary = e.meta.get("summary")
        if summary:
            _sub(item, "summary", str(summary), type="text")
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"

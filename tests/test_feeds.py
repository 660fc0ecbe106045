"""Atom feeds from hand-made hubs, read back with ElementTree."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from hubcase import hub_from_data
from kennishub.feeds import atom_feed, timestamp
from kennishub.indexes import build_index

A = "{http://www.w3.org/2005/Atom}"

HUB = {
    "themes": {"armoede": "Armoede"},
    "authors": {"redactie": "Redactie"},
    "entries": [
        {"slug": "oud", "date": dt.date(2023, 1, 5), "themes": ["armoede"], "updated": dt.date(2024, 7, 1)},
        {"slug": "nieuw", "date": dt.date(2024, 3, 12), "themes": ["armoede"], "authors": ["redactie", "onbekend"],
         "title": "Kinderen & <script>alert(1)</script> \x01ouders"},
        {"slug": "lijst", "type": "checklist", "date": dt.date(2022, 2, 2)},
    ],
}


def feed(**kw):
    index = build_index(hub_from_data(HUB))
    kw.setdefault("site_url", "https://hub.example.org/k/")
    text = atom_feed(index.entries, index.hub, title="Hub", feed_path="feed.xml", page_path="", **kw)
    return text, ET.fromstring(text.encode("utf-8"))


def test_valid_atom_with_required_elements():
    _, root = feed()
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "nl"
    assert root.findtext(f"{A}id") == "https://hub.example.org/k/feed.xml"
    assert root.find(f"{A}link[@rel='self']").get("href") == "https://hub.example.org/k/feed.xml"
    assert root.find(f"{A}author/{A}name") is not None
    entries = root.findall(f"{A}entry")
    assert [e.find(f"{A}link").get("href") for e in entries] == [
        "https://hub.example.org/k/verhalen/nieuw/",
        "https://hub.example.org/k/verhalen/oud/",
        "https://hub.example.org/k/lessen/lijst/",
    ]
    for e in entries:
        assert e.findtext(f"{A}id") and e.findtext(f"{A}title") and e.findtext(f"{A}updated")


def test_updated_is_newest_change_in_amsterdam_time():
    _, root = feed()
    assert root.findtext(f"{A}updated") == "2024-07-01T00:00:00+02:00"  # "oud" was updated
    oud = root.findall(f"{A}entry")[1]
    assert oud.findtext(f"{A}published") == "2023-01-05T00:00:00+01:00"
    assert oud.findtext(f"{A}updated") == "2024-07-01T00:00:00+02:00"
    assert timestamp(dt.date(2024, 1, 1)) == "2024-01-01T00:00:00+01:00"


def test_values_are_escaped_and_control_characters_dropped():
    text, root = feed()
    assert "<script>" not in text
    assert root.findall(f"{A}entry")[0].findtext(f"{A}title") == "Kinderen & <script>alert(1)</script> ouders"


def test_authors_from_registry_and_categories():
    _, root = feed()
    first = root.findall(f"{A}entry")[0]
    assert [a.findtext(f"{A}name") for a in first.findall(f"{A}author")] == ["Redactie"]
    assert [(c.get("term"), c.get("label")) for c in first.findall(f"{A}category")] == [
        ("verhaal", "Verhaal"), ("armoede", "Armoede")]


def test_limit_keeps_newest():
    _, root = feed(limit=1)
    assert len(root.findall(f"{A}entry")) == 1


def test_without_site_url_links_are_relative_to_the_feed():
    index = build_index(hub_from_data(HUB))
    text = atom_feed(index.entries, index.hub, title="Thema", feed_path="themas/armoede/feed.xml",
                     page_path="themas/armoede/")
    root = ET.fromstring(text)
    assert root.find(f"{A}link[@rel='alternate']").get("href") == "./"
    assert root.find(f"{A}link[@rel='self']").get("href") == "feed.xml"
    first = root.findall(f"{A}entry")[0]
    assert first.find(f"{A}link").get("href") == "../../verhalen/nieuw/"
    assert first.findtext(f"{A}id") == "urn:kennishub:verhalen/nieuw"


def test_empty_feed_is_valid_and_stable():
    index = build_index(hub_from_data({}))
    one = atom_feed([], index.hub, title="Leeg", feed_path="feed.xml", page_path="")
    assert one == atom_feed([], index.hub, title="Leeg", feed_path="feed.xml", page_path="")
    root = ET.fromstring(one)
    assert root.findtext(f"{A}updated") == "1970-01-01T00:00:00+00:00"
    assert root.findall(f"{A}entry") == []

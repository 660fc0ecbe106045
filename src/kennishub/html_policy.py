"""The allow-list for the HTML an entry renders to (data/html-policy.yaml).

    sanitize(html)   -> the HTML the site publishes (nh3, the binding of ammonia)
    violations(html) -> what `sanitize` would remove, for the validator's messages

Both read the same policy. `violations` looks at the HTML as a browser parses it: the
rendered HTML first goes through ammonia's HTML5 parser with a permissive policy (every
tag and attribute kept, entities decoded, quotes and comments normalised), then every
tag, attribute and URL of that normalised form is held against the policy. A rendering
is clean exactly when the strict and the permissive pass give the same HTML; `clean()`
checks that too, so a difference that the list below misses still becomes a problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from importlib import resources

import nh3
import yaml

# Every tag a browser knows: the permissive pass keeps them so that `violations` sees them.
_KNOWN_TAGS = set("""
a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink
blockquote body br button canvas caption center cite code col colgroup data datalist dd del details
dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2
h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd keygen label legend
li link listing main map mark marquee menu menuitem meta meter nav nobr noembed noframes noscript
object ol optgroup option output p param picture plaintext portal pre progress q rb rp rt rtc ruby
s samp script search section select slot small source spacer span strike strong style sub summary
sup table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
svg math animate animatemotion animatetransform set foreignobject use image script
""".split())
# Schemes kept by the permissive pass so that they can be reported (others vanish in both).
_KNOWN_SCHEMES = {"http", "https", "mailto", "javascript", "vbscript", "data", "file", "blob", "filesystem",
                  "ftp", "ftps", "tel", "sms", "ws", "wss", "about", "chrome", "view-source", "jar", "ms-its",
                  "mhtml", "intent", "livescript", "mocha", "feed", "ssh", "irc", "news", "nntp", "webcal"}
_URL_STRIP = re.compile(r"[\t\n\r]")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


@dataclass(frozen=True)
class Violation:
    kind: str  # "tag", "attribute", "handler", "style", "scheme", "reserved_id", "changed"
    tag: str
    attribute: str = ""
    value: str = ""

    @property
    def needle(self) -> str:
        """A word of the source to look for on the reported line (for the column)."""
        if self.kind == "tag":
            return "<" + self.tag
        if self.kind == "alt":
            return "<img"
        if self.kind == "scheme":
            return self.value.split(":", 1)[0]
        return self.attribute or self.tag


@lru_cache(maxsize=1)
def policy() -> dict:
    text = resources.files("kennishub").joinpath("data/html-policy.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=1)
def _strict_options() -> dict:
    p = policy()
    tags = set(p["tags"])
    attributes = {tag: set(names) for tag, names in p["attributes"].items()}
    attributes["*"] = set(p["global_attributes"])
    return dict(
        tags=tags, clean_content_tags=set(p["drop_with_content"]) - tags, attributes=attributes,
        url_schemes=set(p["url_schemes"]), link_rel=None, strip_comments=True,
        filter_style_properties=set(p["style_properties"]),
        set_tag_attribute_values={tag: dict(values) for tag, values in p["forced_values"].items()},
        attribute_filter=_id_filter,
    )


def _id_filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id" and value.startswith(tuple(policy()["reserved_id_prefixes"])):
        return None
    return value


@lru_cache(maxsize=1)
def _permissive_options() -> dict:
    return dict(tags=_KNOWN_TAGS, clean_content_tags=set(), attributes={"*": set()},
                generic_attribute_prefixes={""}, url_schemes=_KNOWN_SCHEMES, link_rel=None, strip_comments=True)


def sanitize(html: str) -> str:
    """The HTML as the site publishes it."""
    return nh3.clean(html, **_strict_options())


def normalize(html: str) -> str:
    """The HTML as a browser parses it, with nothing removed but comments."""
    return nh3.clean(html, **_permissive_options())


class _Walker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Violation] = []
        p = policy()
        self.tags = set(p["tags"])
        self.common = set(p["global_attributes"])
        self.attributes = {tag: set(names) for tag, names in p["attributes"].items()}
        self.url_attributes = set(p["url_attributes"])
        self.schemes = set(p["url_schemes"])
        self.styles = set(p["style_properties"])
        self.reserved = tuple(p["reserved_id_prefixes"])

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in self.tags:
            self.found.append(Violation("tag", tag))
            return
        allowed = self.common | self.attributes.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(Violation("handler", tag, name, value))
            elif name not in allowed:
                self.found.append(Violation("style" if name == "style" else "attribute", tag, name, value))
            elif name == "style":
                props = {part.split(":", 1)[0].strip().lower() for part in value.split(";") if part.strip()}
                if not props <= self.styles:
                    self.found.append(Violation("style", tag, name, value))
            elif name == "id" and value.startswith(self.reserved):
                self.found.append(Violation("reserved_id", tag, name, value))
            elif name in self.url_attributes:
                m = _SCHEME.match(_URL_STRIP.sub("", value).strip(" \x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"))
                if m and m.group(1).lower() not in self.schemes:
                    self.found.append(Violation("scheme", tag, name, m.group(1).lower() + ":"))

    handle_startendtag = handle_starttag


def violations(html: str) -> list[Violation]:
    """Everything in `html` that `sanitize` would remove or change, in document order."""
    normal = normalize(html)
    walker = _Walker()
    walker.feed(normal)
    walker.close()
    found = walker.found
    if not found and (sanitize(html) != sanitize(normal) or _styles(sanitize(normal)) != _styles(normal)):
        found = [Violation("changed", "")]
    return found


_STYLE = re.compile(r'style="([^"]*)"')


def _styles(html: str) -> str:
    """`html` with its style attributes written one way (the sanitiser rewrites
    "text-align: left;" as "text-align:left")."""
    if 'style="' not in html:
        return html
    return _STYLE.sub(lambda m: 'style="%s"' % re.sub(r"\s+|;$", "", m.group(1)), html)


_ID = re.compile(r'\sid="([^"]+)"')


def ids(html: str) -> set[str]:
    """The ids the published form of `html` holds (headings, footnotes, attr_list): what
    a link's #anchor may name."""
    return set(_ID.findall(sanitize(html))) if " id=" in html else set()


def message_nl(v: Violation) -> str:
    p = policy()
    if v.kind == "tag":
        advice = p["tag_advice"].get(v.tag, p["tag_advice"]["default"])
        return p["messages"]["tag"].format(tag=v.tag, advice=advice)
    allowed = ", ".join(sorted(set(p["global_attributes"]) | set(p["attributes"].get(v.tag, ()))))
    return p["messages"][v.kind].format(tag=v.tag, attribute=v.attribute, value=v.value,
                                        scheme=v.value.rstrip(":"), allowed=allowed)

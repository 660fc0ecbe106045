"""What every entry page shows around the editor's text: the title, a metadata block,
reading time, the image, "Gerelateerd" and the derived-from links.

`entry_header` goes before the rendered body, `entry_footer` after it; the MkDocs
adapter glues them together. All values are escaped here.
"""

from __future__ import annotations

import datetime as dt
import posixpath

from kennishub.indexes import SiteIndex, municipality_anchor
from kennishub.model import Entry
from kennishub.pages import (
    date_nl,
    entry_list,
    esc,
    names,
    reading_time,
    rel,
    safe_url,
    time_tag,
    type_label,
)
from kennishub.related import RelatedFinder


def _row(label: str, value_html: str, key: str) -> str:
    if not value_html:
        return ""
    return f'<div class="kh-meta__row kh-meta__row--{key}"><dt>{esc(label)}</dt><dd>{value_html}</dd></div>'


def _join(items: list[str]) -> str:
    return ", ".join(i for i in items if i)


_INDEX_ROOTS = ("themas", "regio", "organisaties", "netwerken")


def _memo(index: SiteIndex, kind: str, value: str, base: str, make) -> str:
    """A link fragment made once per build. The links here point to theme and index
    pages, so from any page outside those folders they differ only by the way up."""
    first = base.split("/", 1)[0]
    context = base if first in _INDEX_ROOTS else rel("", base)
    key = (kind, value, context)
    found = index.memo.get(key)
    if found is None:
        found = index.memo[key] = make()
    return found


def _themes(entry: Entry, index: SiteIndex, base: str) -> str:
    def tag(slug: str) -> str:
        theme = index.hub.themes.get(slug)
        if not theme:
            return esc(slug)
        return f'<a class="kh-tag" href="{esc(rel(theme.url, base))}">{esc(theme.title)}</a>'

    return " ".join(_memo(index, "theme", slug, base, lambda: tag(slug)) for slug in entry.themes)


def _municipalities(entry: Entry, index: SiteIndex, base: str) -> str:
    def link(name: str, province: str) -> str:
        return (
            f'<a href="{esc(rel("regio/#" + municipality_anchor(name), base))}">{esc(name)}</a>'
            f' <span class="kh-province">({esc(province)})</span>'
        )

    return _join(
        [_memo(index, "municipality", m.name, base, lambda m=m: link(m.name, m.province)) for m in entry.municipalities]
    )


def _organisations(entry: Entry, index: SiteIndex, base: str) -> str:
    def link(name: str) -> str:
        group = index.organisation(name)
        if not group:
            return esc(name)
        return f'<a href="{esc(rel("organisaties/#" + group.anchor, base))}">{esc(name)}</a>'

    return _join([_memo(index, "organisation", n, base, lambda n=n: link(n)) for n in names(entry.meta.get("organisations"))])


def _network(entry: Entry, index: SiteIndex, base: str) -> str:
    name = entry.meta.get("network")
    if not isinstance(name, str) or not name.strip():
        return ""

    def link() -> str:
        group = index.network(name)
        if not group:
            return esc(name)
        return f'<a href="{esc(rel("netwerken/#" + group.anchor, base))}">{esc(name)}</a>'

    return _memo(index, "network", name, base, link)


def _authors(entry: Entry, index: SiteIndex) -> str:
    out = []
    for key in names(entry.meta.get("authors")):
        author = index.hub.authors.get(key)
        if author is None:
            out.append(esc(key))
        elif author.description:
            out.append(f'{esc(author.name)} <span class="kh-role">({esc(author.description)})</span>')
        else:
            out.append(esc(author.name))
    return _join(out)


def _interviewees(entry: Entry) -> str:
    people = entry.meta.get("interviewees")
    out = []
    for person in people if isinstance(people, list) else []:
        if not isinstance(person, dict) or not person.get("name"):
            continue
        extra = _join([esc(person.get(k)) for k in ("role", "organisation") if isinstance(person.get(k), str)])
        out.append(esc(person["name"]) + (f' <span class="kh-role">({extra})</span>' if extra else ""))
    return _join(out)


def _event(entry: Entry) -> str:
    event = entry.meta.get("event")
    if not isinstance(event, dict):
        return ""
    date = event.get("date")
    parts = [esc(event.get("name")) if event.get("name") else "",
             time_tag(date) if isinstance(date, dt.date) else esc(date or ""),
             esc(event.get("place")) if event.get("place") else ""]
    return _join(parts)


def _source(entry: Entry) -> str:
    source = entry.meta.get("source")
    if not isinstance(source, dict) or not source.get("title"):
        return ""
    url = safe_url(source.get("url"))
    title = esc(source["title"])
    text = f'<a href="{esc(url)}" rel="nofollow noopener">{title}</a>' if url else title
    if source.get("publisher"):
        text += f' <span class="kh-publisher">({esc(source["publisher"])})</span>'
    return text


def image_path(entry: Entry) -> str | None:
    """Site path of the entry's image (media stay at their source path), or None."""
    image = entry.meta.get("image")
    if not isinstance(image, str) or safe_url(image) or ":" in image or image.startswith("/"):
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(entry.path), image))
    return None if path.startswith("..") else path


def metadata_block(entry: Entry, index: SiteIndex, base: str | None = None) -> str:
    """The <dl> with everything the front matter says about the entry."""
    base = entry.url if base is None else base
    updated = entry.meta.get("updated")
    rows = [
        _row("Soort", esc(type_label(entry)), "type"),
        _row("Datum", time_tag(entry.date), "date"),
        _row("Bijgewerkt", time_tag(updated) if isinstance(updated, dt.date) else "", "updated"),
        _row("Thema's", _themes(entry, index, base), "themes"),
        _row("Gemeenten" if len(entry.municipalities) > 1 else "Gemeente", _municipalities(entry, index, base), "municipalities"),
        _row("Plaatsen", _join([esc(p) for p in names(entry.meta.get("places"))]), "places"),
        _row("Organisaties", _organisations(entry, index, base), "organisations"),
        _row("Netwerk", _network(entry, index, base), "network"),
        _row("Auteurs", _authors(entry, index), "authors"),
        _row("In gesprek met", _interviewees(entry), "interviewees"),
        _row("Bijeenkomst", _event(entry), "event"),
        _row("Bron", _source(entry), "source"),
    ]
    return '<dl class="kh-meta">' + "".join(r for r in rows if r) + "</dl>"


def entry_header(entry: Entry, index: SiteIndex) -> str:
    """Title, a lead line (type · date · reading time), the metadata block, the image."""
    base = entry.url
    lead = (
        f'<p class="kh-entry__lead"><span class="kh-type">{esc(type_label(entry))}</span>'
        f" · {time_tag(entry.date)} · "
        f'<span class="kh-reading-time">{esc(reading_time(entry.body))}</span></p>'
    )
    parts = [f'<h1 id="{esc(entry.slug)}">{esc(entry.title)}</h1>', lead, metadata_block(entry, index, base)]
    image = image_path(entry)
    alt = entry.meta.get("image_alt")
    if image:
        parts.append(
            f'<figure class="kh-entry__image"><img src="{esc(rel(image, base))}" alt="{esc(alt or "")}"'
            ' loading="lazy"></figure>'
        )
    return '<header class="kh-entry">' + "\n".join(parts) + "</header>\n"


def linked_entries(entry: Entry, index: SiteIndex) -> tuple[str, list[Entry]]:
    """("heading", entries) of the derived-from relation shown on this entry's page."""
    if entry.type == "checklist":
        return "Gebaseerd op", index.derived_from(entry)
    return "Checklists op basis van dit verhaal", index.derived.get(entry.slug, [])


def _short_list(entries: list[Entry], page: Entry, index: SiteIndex) -> str:
    """Title-and-date list on an entry page (items reused across the build)."""
    return entry_list(entries, page.url, detail=False, memo=index.memo)


def entry_footer(entry: Entry, index: SiteIndex, finder: RelatedFinder) -> str:
    """The derived-from section (when there is one) and "Gerelateerd"."""
    heading, linked = linked_entries(entry, index)
    parts = []
    if linked:
        parts.append(
            f'<section class="kh-derived" aria-labelledby="kh-derived">'
            f'<h2 id="kh-derived">{esc(heading)}</h2>{_short_list(linked, entry, index)}</section>'
        )
    related = finder.related(entry, exclude={e.slug for e in linked})
    if related:
        parts.append(
            '<section class="kh-related" aria-labelledby="gerelateerd">'
            f'<h2 id="gerelateerd">Gerelateerd</h2>{_short_list(related, entry, index)}</section>'
        )
    return "\n" + "\n".join(parts)


def wrap_checklist(entry: Entry, content: str) -> str:
    """Give the checklist's body a wrapper the checklist script keys its ticks on."""
    if entry.type != "checklist":
        return content
    return f'<div class="kh-checklist" data-checklist="{esc(entry.slug)}">\n{content}\n</div>'


def page_meta(entry: Entry) -> dict:
    """Values for `page.meta` that templates read (raw text; templates escape)."""
    meta = {"description": entry.meta.get("summary", ""), "og_type": "article", "kennishub_type": entry.type}
    image = image_path(entry)
    if image:
        meta["social_image"] = image
        meta["social_image_alt"] = entry.meta.get("image_alt", "")
    if entry.date:
        meta["published"] = entry.date.isoformat()
        meta["published_nl"] = date_nl(entry.date)
    return meta

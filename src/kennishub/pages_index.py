"""The generated index pages: themes, a theme's entries, regions, organisations,
networks, the chronological listings with their archive, and "In cijfers".

Each function returns the HTML of one page's generated part for the page at site
path `base`; `site_pages` assembles them into `PageSpec`s. Everything is looked up
in the `SiteIndex` built once per build.
"""

from __future__ import annotations

from kennishub import charts
from kennishub.indexes import (
    OTHER_LETTER,
    Group,
    SiteIndex,
    counts,
    letter_of,
    municipality_anchor,
    paginate,
    province_anchor,
)
from kennishub.model import COLLECTIONS, TYPE_LABELS, TYPE_LABELS_PLURAL, Theme
from kennishub.pages import PageSpec, entry_list, esc, rel

PER_PAGE = 20
MAX_PAGES = 10  # numbered listing pages; older entries are in the archive per year
HUB_FEED = "feed.xml"
HUB_FEED_TITLE = "Nieuw in de kennishub"


def theme_feed(theme: Theme) -> str:
    return f"{theme.url}feed.xml"


def _count_text(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _type_counts(index: SiteIndex, slug: str) -> str:
    per_type = index.theme_type_counts(slug)
    if not per_type:
        return "nog geen bijdragen"
    return " · ".join(
        _count_text(n, TYPE_LABELS[t].lower(), TYPE_LABELS_PLURAL[t].lower()) for t, n in per_type.items()
    )


def themes_overview(index: SiteIndex, base: str = "themas/") -> str:
    items = []
    for t in index.themes:
        items.append(
            f'<li class="kh-theme"><h2 class="kh-theme__title" id="{esc(t.slug)}">'
            f'<a href="{esc(rel(t.url, base))}">{esc(t.title)}</a></h2>'
            f'<p class="kh-theme__description">{esc(t.description)}</p>'
            f'<p class="kh-theme__count">{esc(_type_counts(index, t.slug))}</p></li>'
        )
    return '<ul class="kh-theme-overview">\n' + "\n".join(items) + "\n</ul>"


def theme_index(index: SiteIndex, theme: Theme) -> str:
    """A theme's entries grouped by type (newest first), then related themes."""
    base = theme.url
    entries = index.theme_entries(theme.slug)
    parts = []
    for type_ in TYPE_LABELS:
        of_type = [e for e in entries if e.type == type_]
        if of_type:
            parts.append(
                f'<section class="kh-group" aria-labelledby="soort-{type_}">'
                f'<h2 id="soort-{type_}">{esc(TYPE_LABELS_PLURAL[type_])}</h2>'
                f"{entry_list(of_type, base, memo=index.memo)}</section>"
            )
    if not entries:
        parts.append('<p class="kh-empty">Bij dit thema zijn nog geen bijdragen.</p>')
    related = index.related_themes(theme.slug)
    if related:
        items = "".join(
            f'<li><a href="{esc(rel(t.url, base))}">{esc(t.title)}</a> '
            f'<span class="kh-count">({esc(_count_text(n, "keer", "keer"))} samen)</span></li>'
            for t, n in related
        )
        parts.append(
            '<section class="kh-related-themes" aria-labelledby="verwante-themas">'
            f'<h2 id="verwante-themas">Verwante thema\'s</h2><ul>{items}</ul></section>'
        )
    parts.append(
        f'<p class="kh-feed"><a href="{esc(rel(theme_feed(theme), base))}" type="application/atom+xml">'
        f"Volg dit thema via de Atom-feed</a></p>"
    )
    return "\n".join(parts)


def _jump(links: list[tuple[str, str]], label: str) -> str:
    items = "".join(f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>' for text, anchor in links)
    return f'<nav class="kh-jump" aria-label="{esc(label)}"><ul>{items}</ul></nav>'


def regions(index: SiteIndex, base: str = "regio/") -> str:
    """Provinces → municipalities → entries; entries without a municipality last."""
    parts = [_jump([(p, province_anchor(p)) for p in index.regions], "Provincies")]
    for province, municipalities in index.regions.items():
        block = [f'<h2 id="{esc(province_anchor(province))}">{esc(province)}</h2>']
        for name, entries in municipalities.items():
            block.append(
                f'<h3 id="{esc(municipality_anchor(name))}">{esc(name)} '
                f'<span class="kh-count">({len(entries)})</span></h3>{entry_list(entries, base, detail=False, memo=index.memo)}'
            )
        parts.append('<section class="kh-province">' + "\n".join(block) + "</section>")
    elsewhere = [e for e in index.entries if not e.municipalities]
    if elsewhere:
        parts.append(
            '<section class="kh-province"><h2 id="zonder-gemeente">Zonder gemeente</h2>'
            f"{entry_list(elsewhere, base, detail=False, memo=index.memo)}</section>"
        )
    if not index.regions and not elsewhere:
        parts.append('<p class="kh-empty">Nog geen bijdragen.</p>')
    return "\n".join(parts)


def groups_az(groups: dict[str, Group], base: str, what: str, memo: dict | None = None) -> str:
    """Organisations or networks A–Z, each with its entries."""
    letters: dict[str, list[Group]] = {}
    for group in groups.values():
        letters.setdefault(letter_of(group.name), []).append(group)
    order = sorted(letters, key=lambda c: (c == OTHER_LETTER, c))
    parts = [_jump([(c, f"letter-{'overig' if c == OTHER_LETTER else c.lower()}") for c in order], f"{what} A–Z")]
    for c in order:
        anchor = f"letter-{'overig' if c == OTHER_LETTER else c.lower()}"
        block = [f'<h2 id="{anchor}">{esc(c)}</h2>']
        for group in letters[c]:
            block.append(
                f'<h3 id="{esc(group.anchor)}">{esc(group.name)} <span class="kh-count">({len(group.entries)})</span></h3>'
                f"{entry_list(group.entries, base, detail=False, memo=memo)}"
            )
        parts.append('<section class="kh-letter">' + "\n".join(block) + "</section>")
    if not groups:
        parts.append('<p class="kh-empty">Nog geen bijdragen.</p>')
    return "\n".join(parts)


def pagination(url: str, page: int, pages: int, base: str) -> str:
    """Previous/next and numbered links; page 1 is the listing's own URL."""
    if pages <= 1:
        return ""

    def href(n: int) -> str:
        return rel(url if n == 1 else f"{url}pagina/{n}/", base)

    items = []
    if page > 1:
        items.append(f'<li><a rel="prev" href="{esc(href(page - 1))}">Vorige</a></li>')
    for n in range(1, pages + 1):
        if n == page:
            items.append(f'<li><span aria-current="page">{n}</span></li>')
        else:
            items.append(f'<li><a href="{esc(href(n))}">{n}</a></li>')
    if page < pages:
        items.append(f'<li><a rel="next" href="{esc(href(page + 1))}">Volgende</a></li>')
    return f'<nav class="kh-pagination" aria-label="Paginering"><ul>{"".join(items)}</ul></nav>'


def archive_links(index: SiteIndex, collection: str, base: str) -> str:
    url = COLLECTIONS[collection][1]
    items = "".join(
        f'<li><a href="{esc(rel(f"{url}/archief/{year}/", base))}">{year}</a> '
        f'<span class="kh-count">({len(entries)})</span></li>'
        for year, entries in index.by_year.get(collection, {}).items()
    )
    return f'<nav class="kh-archive" aria-label="Archief per jaar"><h2 id="archief">Archief per jaar</h2><ul>{items}</ul></nav>'


def listing_pages(
    index: SiteIndex, collection: str, per_page: int = PER_PAGE, max_pages: int = MAX_PAGES
) -> list[PageSpec]:
    """The chronological listing (paginated, at most `max_pages` pages of the newest
    entries), the archive overview and one page per year (which holds every entry).
    The number of generated pages grows with the years, not with the entries."""
    _, url, label = COLLECTIONS[collection]
    entries = index.by_collection.get(collection, [])
    chunks = paginate(entries[: per_page * max_pages], per_page)
    specs = []
    for n, chunk in enumerate(chunks, start=1):
        src = f"{url}/index.md" if n == 1 else f"{url}/pagina/{n}.md"
        spec = PageSpec(src, label if n == 1 else f"{label}, pagina {n}", in_nav=n == 1)
        base = spec.url
        older = ""
        if n == len(chunks) and len(entries) > per_page * max_pages:
            older = '<p class="kh-older">Oudere bijdragen staan in het <a href="#archief">archief per jaar</a>.</p>'
        spec.add(entry_list(chunk, base, memo=index.memo) + "\n" + older + pagination(f"{url}/", n, len(chunks), base))
        spec.add(archive_links(index, collection, base))
        spec.meta["description"] = f"{label} uit de kennishub, nieuwste eerst."
        specs.append(spec)
    archive = PageSpec(f"{url}/archief/index.md", f"{label}: archief")
    archive.add(archive_links(index, collection, archive.url))
    specs.append(archive)
    for year, entries in index.by_year.get(collection, {}).items():
        spec = PageSpec(f"{url}/archief/{year}.md", f"{label} uit {year}")
        spec.add(entry_list(entries, spec.url, memo=index.memo))
        spec.meta["description"] = f"{label} uit {year}."
        specs.append(spec)
    return specs


def in_numbers(index: SiteIndex) -> str:
    data = counts(index)
    total = len(index.entries)
    parts = [
        f'<p class="kh-total">De kennishub telt {esc(_count_text(total, "bijdrage", "bijdragen"))}.</p>',
        charts.chart("per-thema", "Bijdragen per thema", data["themes"], label_head="Thema"),
        charts.chart(
            "per-soort", "Bijdragen per soort", [(TYPE_LABELS_PLURAL.get(t, t), n) for t, n in data["types"]],
            label_head="Soort",
        ),
        charts.chart("per-jaar", "Bijdragen per jaar", [(str(y), n) for y, n in data["years"]], label_head="Jaar"),
        charts.chart("per-provincie", "Bijdragen per provincie", data["provinces"], label_head="Provincie"),
    ]
    return "\n".join(parts)


def site_pages(index: SiteIndex, per_page: int = PER_PAGE, max_pages: int = MAX_PAGES) -> list[PageSpec]:
    """Every page that exists only because the plugin makes it (not theme pages, not home)."""
    specs = []
    spec = PageSpec("regio/index.md", "Regio's", in_nav=True)
    spec.add(regions(index, spec.url))
    spec.meta["description"] = "Bijdragen per provincie en gemeente."
    specs.append(spec)
    for src, title, groups, what in (
        ("organisaties/index.md", "Organisaties", index.organisations, "Organisaties"),
        ("netwerken/index.md", "Netwerken", index.networks, "Netwerken"),
    ):
        spec = PageSpec(src, title, in_nav=True)
        spec.add(groups_az(groups, spec.url, what, index.memo))
        spec.meta["description"] = f"{title} van A tot Z met hun bijdragen."
        specs.append(spec)
    for collection in COLLECTIONS:
        specs.extend(listing_pages(index, collection, per_page, max_pages))
    spec = PageSpec("in-cijfers/index.md", "In cijfers", in_nav=True)
    spec.add(in_numbers(index))
    spec.meta["description"] = "Hoeveel bijdragen de kennishub telt per thema, soort, jaar en provincie."
    specs.append(spec)
    return specs

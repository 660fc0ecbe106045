"""The `format` checks of the content model that need more than the value itself:
dates against today, themes, municipalities, authors, files, URLs.

Each check is `fn(value, path, ctx, schema)`; `ctx.extras` carries what the hub knows:
`themes` (slug -> Theme), `theme_names` (folded title/alias/slug -> slug), `authors`
(key -> Author), `base` (the entry's folder), `municipalities` (list to fill).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from kennishub import municipalities as gemeenten
from kennishub import municipalities_history as herindelingen
from kennishub import known_names, suggest
from kennishub.dates_nl import parse_dutch_date
from kennishub.schema import Context, key_of
from kennishub.text import fold, slugify

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MARKUP = re.compile(r"[\n\r]|<[A-Za-z/!]|\*\*|__|`|\]\(|^\s*(#{1,6}\s|[-*+]\s|>)|&[a-z]+;|&#")


def as_date(value) -> dt.date | None:
    """A YAML date or a quoted 'YYYY-MM-DD' string as a date; None otherwise."""
    if isinstance(value, dt.datetime):
        return None
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _ISO.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check_date(value, path: tuple, ctx: Context, schema: dict) -> None:
    date = as_date(value)
    if date is None:
        if isinstance(value, dt.datetime):
            ctx.error(path, "invalid-date", f"'{key_of(path)}' moet een datum zonder tijd zijn — schrijf JJJJ-MM-DD, "
                      f"bijvoorbeeld {value.date().isoformat()}")
        else:
            ctx.error(path, "invalid-date", _date_message(value, key_of(path)))
        return
    if schema.get("x-not-future") and date > ctx.today and not ctx.draft:
        ctx.error(path, "date-in-future", f"datum {date.isoformat()} ligt in de toekomst — gebruik een datum tot en "
                  f"met vandaag ({ctx.today.isoformat()}), of zet 'draft: true' zolang het een concept is")
    earliest = as_date(schema.get("x-earliest"))
    if earliest and date < earliest:
        ctx.error(path, "date-implausible", f"datum {date.isoformat()} ligt vóór {earliest.year} — dat is waarschijnlijk "
                  "een tikfout; schrijf de echte datum als JJJJ-MM-DD")
    other = schema.get("x-not-before")
    if other:
        first = as_date(ctx.values.get(other))
        if first and date < first:
            ctx.error(path, "date-before", f"'{key_of(path)}' ({date.isoformat()}) ligt vóór '{other}' "
                      f"({first.isoformat()}) — een bijwerking kan niet eerder zijn dan de publicatie")


def _date_message(value, key: str) -> str:
    """Why `value` is no date, with the ISO form of a date written the Dutch way."""
    date, reason = parse_dutch_date(str(value)) if isinstance(value, (str, int, float)) else (None, None)
    if date is not None:
        return (f"'{value}' is geen datum als JJJJ-MM-DD voor '{key}' — bedoel je {date.isoformat()}? "
                "Schrijf het jaar eerst, dan de maand en de dag, met streepjes")
    if reason is not None:
        return f"'{value}' is geen bestaande datum voor '{key}': {reason} — schrijf een bestaande datum als JJJJ-MM-DD"
    return (f"'{value}' is geen geldige datum voor '{key}' — schrijf een bestaande datum als JJJJ-MM-DD, "
            "bijvoorbeeld 2024-03-15")


def check_plain_text(value, path: tuple, ctx: Context, schema: dict) -> None:
    if not ctx.extras.get("html_rules", True):  # switched off only to test the templates' escaping
        return
    if isinstance(value, str) and _MARKUP.search(value.strip()):
        ctx.error(path, "not-plain-text", f"'{key_of(path)}' moet gewone tekst zijn, zonder Markdown, HTML of "
                  "regeleinden — schrijf één zin zonder opmaak")


def check_theme(value, path: tuple, ctx: Context, schema: dict) -> None:
    themes = ctx.extras.get("themes", {})
    if value in themes:
        return
    names = ctx.extras.get("theme_names", {})
    exact = names.get(fold(value))
    if exact:
        ctx.error(path, "theme-name", f"'{value}' is de naam van een thema — schrijf de slug '{exact}'")
        return
    near = suggest.nearest_key(value, names) if names else None
    if near:
        offer = f"bedoel je '{near}'?"
    else:
        fallback = "kies een thema uit docs/themas/ (de bestandsnaam zonder .md)" if themes else "er zijn nog geen thema’s"
        offer = (known_names.choices(str(value), themes) or fallback) + "."
    new = slugify(str(value)) or "naam-van-het-thema"
    ctx.error(path, "unknown-theme", f"onbekend thema '{value}' — {offer} Een nieuw thema maak je met een bestand "
              f"docs/themas/{new}.md met 'title' en 'description' erin")


def check_municipality(value, path: tuple, ctx: Context, schema: dict) -> None:
    found = gemeenten.lookup(value)
    # Over time: a former municipality, or one named for a date before it existed.
    verdict = herindelingen.check(value, found, herindelingen.entry_date(ctx.values, as_date))
    if verdict is not None:
        ctx.extras.setdefault("municipalities", []).append((verdict.name, verdict.province))
        if verdict.code and verdict.message:
            ctx.error(path, verdict.code, verdict.message, severity="warning")
        if found.status == "unknown":
            return  # a former municipality: accepted as written
    elif found.status in ("ok", "accent"):
        ctx.extras.setdefault("municipalities", []).append((found.name, found.province))
    text = gemeenten.message_nl(value, found)
    if found.status == "accent":
        ctx.error(path, "municipality-spelling", text, severity="warning")
    elif found.status != "ok":
        code = "municipality-ambiguous" if found.status == "ambiguous" else "unknown-municipality"
        ctx.error(path, code, _unknown_municipality(value, found, text) if code == "unknown-municipality" else text)


def _unknown_municipality(value, found, text: str) -> str:
    """`message_nl`'s text, with the nearest official names when it has no suggestion, and
    how to name a place that is no municipality."""
    if not text.startswith("onbekende gemeente"):
        return text  # empty, or a province
    if not (found.suggestion or found.choices):
        near = known_names.nearest_names(str(value), gemeenten.all_municipalities())
        if near:
            text = f"onbekende gemeente '{value}' — bedoel je {known_names.quoted(near)}?"
    return text + " Gemeenten komen uit de CBS-lijst en zijn niet aan te vullen; een dorp of wijk zet je bij places"


def check_author(value, path: tuple, ctx: Context, schema: dict) -> None:
    authors = ctx.extras.get("authors", {})
    if value in authors:
        return
    near = suggest.nearest(str(value), list(authors))
    offer = f"bedoel je '{near}'? " if near else ""
    listed = sorted(authors) if len(authors) <= known_names.SHORT else known_names.nearest_names(str(value), authors)
    if listed:
        word = "bestaande auteurs" if len(authors) <= known_names.SHORT else "bestaande auteurs die erop lijken"
        offer += f"{word.capitalize() if near else word}: {', '.join(listed)}. "
    key = str(value) if _SLUG.match(str(value)) else (slugify(str(value)) or "sleutel")
    file = ctx.extras.get("authors_file", ".authors.yml")
    add = f"{'Een' if offer else 'een'} nieuwe auteur zet je in {file}"
    ctx.error(path, "unknown-author", f"onbekende auteur '{value}' — {offer}{add} onder 'authors:', met deze twee "
              f"regels: '  {key}:' en '    name: Voornaam Achternaam'")


def check_entry_slug(value, path: tuple, ctx: Context, schema: dict) -> None:
    if not _SLUG.match(value):
        ctx.error(path, "invalid-slug", f"'{value}' is geen slug — schrijf de bestandsnaam zonder .md, "
                  "bijvoorbeeld 'samen-in-crooswijk'")


def check_http_url(value, path: tuple, ctx: Context, schema: dict) -> None:
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # such as 'https://[www.voorbeeld.nl' (an unclosed IPv6 bracket)
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        ctx.error(path, "invalid-url", f"'{value}' is geen webadres — begin met https://, "
                  "bijvoorbeeld https://www.voorbeeld.nl/artikel")


def check_media_path(value, path: tuple, ctx: Context, schema: dict) -> None:
    rel = PurePosixPath(value)
    if _has_scheme(value) or rel.is_absolute():
        ctx.error(path, "media-not-relative", f"'{value}' moet een pad naar een bestand in de hub zijn, "
                  "bijvoorbeeld media/foto.jpg")
        return
    base = ctx.extras.get("base")
    if callable(base):  # computed only when an entry has an image
        base = base()
    if base is not None and not _is_file(base / value):
        ctx.error(path, "media-missing", f"bestand '{value}' bestaat niet — zet het in de map media/ naast de "
                  "bijdrage en verwijs ernaar als media/naam.jpg")


def _has_scheme(value: str) -> bool:
    try:
        return bool(urlsplit(value).scheme)
    except ValueError:  # an unclosed '[' in what looks like a host name
        return True


def _is_file(path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a name too long, or with a NUL character
        return False


FORMATS = {
    "date": check_date,
    "plain-text": check_plain_text,
    "theme": check_theme,
    "municipality": check_municipality,
    "author": check_author,
    "entry-slug": check_entry_slug,
    "http-url": check_http_url,
    "media-path": check_media_path,
}

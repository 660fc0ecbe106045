"""Deterministic synthetic hub for benchmarks.

    python scripts/corpus.py DEST N [--seed S]

`make_corpus(dest, n, seed)` writes a complete hub: `mkdocs.yml`, `.authors.yml`,
`docs/index.md`, `docs/themas/`, `stories/` and `lessons-learned/` with N entries of
Dutch-like text and realistic front matter that passes `kennishub check`. The same
(n, seed) always gives the same bytes, so benchmarks are comparable between runs.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

WORDS = (
    "gezin gezinnen kind kinderen jeugd jongeren ouders school basisschool wijk buurt "
    "samenwerking samenwerken professionals hulpverlening welzijn zorg jeugdhulp gemeente "
    "netwerk leren lessen ervaring ervaringen vertrouwen gesprek gesprekken armoede preventie "
    "ondersteuning begeleiding opvoeding ontwikkeling talent sport vrijwilligers wijkteam "
    "aanpak praktijk vraag antwoord signaal zorgen kansen veiligheid thuis plek tijd "
    "samen elkaar goed beter sneller eerder dichtbij echt vaak soms altijd nooit vooral "
    "werken helpen luisteren vragen delen bespreken ontdekken versterken verbinden bouwen "
    "de het een en van in op met voor dat die niet ook als bij om aan er maar wat naar "
    "we ze zij hij wij onze hun deze dit meer veel weinig nieuwe eigen grote kleine"
).split()
THEMES = [
    ("armoede", "Armoede", ["geldzorgen", "bestaansonzekerheid"]),
    ("preventie", "Preventie", ["vroegsignalering"]),
    ("integraal-werken", "Integraal werken", ["interprofessioneel samenwerken"]),
    ("school-en-zorg", "School en zorg", ["onderwijs en jeugdhulp"]),
    ("ouderbetrokkenheid", "Ouderbetrokkenheid", ["ouders betrekken"]),
    ("samen-leren", "Samen leren", ["lerend netwerk"]),
    ("jeugdhulp", "Jeugdhulp", ["jeugdzorg"]),
    ("ervaringsdeskundigheid", "Ervaringsdeskundigheid", ["ervaringsdeskundigen"]),
    ("wijkgericht-werken", "Wijkgericht werken", ["wijkaanpak"]),
    ("kansengelijkheid", "Kansengelijkheid", ["gelijke kansen"]),
]
ORG_KINDS = ["Gemeente", "Stichting", "Welzijn", "Jeugdhulp", "Kinderopvang", "GGD", "Basisschool"]
ORG_NAMES = ["De Brug", "Het Anker", "Samen Sterk", "De Horizon", "Kompas", "De Linde",
             "Zonnebloem", "Het Baken", "De Regenboog", "Noorderlicht", "De Wissel", "Op Koers"]
NETWORKS = ["Samen voor Ryan", "Met Andere Ogen", "SAMEN", "Samen Leren Gezinnen Versterken",
            "Transformatieagenda Groningen", "Kansrijk Opgroeien", "Wijkwijzer", "Thuis in de Buurt"]
PLACES = ["Centrum", "Noord", "Zuid", "Oost", "West", "De Haven", "Oude Dorp", "Nieuwland"]


def _municipalities() -> list[str]:
    data = Path(__file__).resolve().parents[1] / "src" / "kennishub" / "data" / "gemeenten-2025.csv"
    with data.open(encoding="utf-8") as fh:
        return [row["gemeente"] for row in csv.DictReader(fh)]


# Real text has a long tail of rarer words (Zipf's law); a corpus of a hundred words that
# every entry repeats would make every search term match every entry. The tail here is
# Dutch-looking compounds of common stems, ranked by a fixed shuffle.
_STEMS = ("gezin kind school zorg wijk huis ouder buurt werk hulp jeugd team plan kans sport taal "
          "geld les klas speel leer zorg straat stad dorp veld net groep raad zaak vraag").split()
_AFFIXES = ("", "en", "s", "ing", "heid", "lijk", "je", "jes", "er", "ers", "tje", "plek", "punt",
            "uur", "dag", "week", "kaart", "lijn", "route", "tafel", "kring", "wijzer")
TAIL_SIZE = 6000


_FUNCTION = set("de het een en van in op met voor dat die niet ook als bij om aan er maar wat naar "
                "we ze zij hij wij onze hun deze dit".split())


def _tail() -> tuple[list[str], list[float]]:
    """Content words ranked for Zipf weights: the domain words of WORDS spread over the
    first few hundred ranks, then the compounds."""
    rng = random.Random(0)
    compounds = sorted({a + b + c for a in _STEMS for b in _STEMS for c in _AFFIXES if a != b})
    rng.shuffle(compounds)
    words = compounds[:TAIL_SIZE]
    domain = [w for w in WORDS if w not in _FUNCTION]
    rng.shuffle(domain)
    for i, word in enumerate(domain):
        words.insert(i * 4, word)
    weights, total = [], 0.0
    for rank in range(1, len(words) + 1):
        total += 1.0 / rank
        weights.append(total)
    return words, weights


_TAIL_WORDS, _TAIL_CUM = _tail()
_FUNCTION_WORDS = sorted(_FUNCTION)


def _sentence(rng: random.Random, lo: int = 9, hi: int = 19) -> str:
    n = rng.randint(lo, hi)
    tail = n // 2  # half function words, half content words with Zipf weights
    words = rng.choices(_FUNCTION_WORDS, k=n - tail) + rng.choices(_TAIL_WORDS, cum_weights=_TAIL_CUM, k=tail)
    rng.shuffle(words)
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _q(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front_matter(rng, n_index, kind, slug, municipalities, orgs, story_slugs) -> list[str]:
    date = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 7))
    themes = rng.sample([t[0] for t in THEMES], rng.randint(1, 3))
    title = " ".join(rng.choices(WORDS, k=rng.randint(3, 7))).capitalize() + f" {n_index}"
    summary = _sentence(rng, 10, 20)
    lines = ["---", f"title: {_q(title)}", f"type: {kind}", f"date: {date.isoformat()}",
             f"summary: {_q(summary)}", "themes:"] + [f"  - {t}" for t in themes]
    lines += ["municipalities:"] + [f"  - {_q(m)}" for m in rng.sample(municipalities, rng.randint(1, 2))]
    lines += ["places:", f"  - {rng.choice(PLACES)}"]
    lines += ["organisations:"] + [f"  - {_q(o)}" for o in rng.sample(orgs, rng.randint(1, 3))]
    lines += [f"network: {_q(rng.choice(NETWORKS))}", "authors:", f"  - {rng.choice(['redactie', 'auteur-1', 'auteur-2'])}"]
    if kind == "interview":
        lines += ["interviewees:", "  - name: Sam de Vries", "    role: ambassadeur", f"    organisation: {_q(orgs[0])}"]
    if kind == "terugblik":
        lines += ["event:", f"  date: {date.isoformat()}", f"  place: {rng.choice(PLACES)}", "  name: Netwerkbijeenkomst"]
    if kind == "checklist" and story_slugs:
        lines += ["derived_from:"] + [f"  - {s}" for s in rng.sample(story_slugs, min(2, len(story_slugs)))]
    lines.append("---")
    return lines


def make_corpus(dest: Path, n: int, seed: int = 1) -> None:
    """Write a synthetic hub with `n` entries (about one in ten a checklist) into `dest`."""
    rng = random.Random(seed)
    dest = Path(dest)
    for sub in ("docs/themas", "stories", "lessons-learned"):
        (dest / sub).mkdir(parents=True, exist_ok=True)
    (dest / "mkdocs.yml").write_text(
        "site_name: Synthetische kennishub\nsite_url: https://example.org/\n"
        "theme:\n  name: material\n  language: nl\n  font: false\n"
        "plugins:\n  - kennishub\n", encoding="utf-8")
    (dest / "docs" / "index.md").write_text("# Synthetische kennishub\n\nVoor metingen.\n", encoding="utf-8")
    (dest / ".authors.yml").write_text(
        "authors:\n  redactie:\n    name: Redactie\n    description: Redactie van de hub\n"
        "  auteur-1:\n    name: Auteur Een\n  auteur-2:\n    name: Auteur Twee\n", encoding="utf-8")
    for slug, title, aliases in THEMES:
        body = _paragraph(rng, 4)
        (dest / "docs" / "themas" / f"{slug}.md").write_text(
            f"---\ntitle: {title}\ndescription: {_q('Alles over ' + title.lower() + ' in het netwerk rond kinderen en gezinnen.')}\n"
            f"aliases:\n" + "".join(f"  - {a}\n" for a in aliases) + f"---\n\n{body}\n", encoding="utf-8")
    municipalities = _municipalities()
    orgs = [f"{k} {o}" for k in ORG_KINDS for o in ORG_NAMES]
    story_slugs: list[str] = []
    for i in range(n):
        is_checklist = i % 10 == 9
        kind = "checklist" if is_checklist else rng.choice(["verhaal", "verhaal", "interview", "terugblik"])
        slug = f"{'les' if is_checklist else 'verhaal'}-{i:05d}-" + "-".join(rng.sample(WORDS[:60], 2))
        lines = _front_matter(rng, i, kind, slug, municipalities, orgs, story_slugs)
        # about 380 words, as many as the sample entries have on average
        body: list[str] = ["", _paragraph(rng, 4), ""]
        for _ in range(rng.randint(3, 5)):
            body += [f"## {_sentence(rng, 2, 5)[:-1]}", "", _paragraph(rng, rng.randint(4, 7)), ""]
        if is_checklist:
            body += [f"- [ ] {_sentence(rng, 5, 10)[:-1]}?" for _ in range(rng.randint(3, 8))] + [""]
        elif story_slugs and rng.random() < 0.3:
            body += [f"Lees ook [dit verhaal]({rng.choice(story_slugs)}.md).", ""]
        folder = "lessons-learned" if is_checklist else "stories"
        (dest / folder / f"{slug}.md").write_text("\n".join(lines + body), encoding="utf-8")
        if not is_checklist:
            story_slugs.append(slug)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_corpus(args.dest, args.n, args.seed)


if __name__ == "__main__":
    main()

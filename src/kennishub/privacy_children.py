"""Details that identify a child: a first name with an age, a first name with a school
group or class, a birth date. Reported as warnings (kind "child").

What counts (a "name" is a capitalised word that is not a common Dutch word, a
numbering word such as "Artikel" or "Groep", or a Dutch municipality; an age is 1–18):

- a name with an age or group in brackets: "Ryan (8)", "Ryan (8 jaar)", "Emma (groep 6)",
  "Daan (10, groep 7)";
- a name, comma, age in years: "Fleur, 12 jaar," (not "Daarna, 12 jaar lang");
- a name with "van" and an age: "zijn dochter Fleur van 12", "Daan van 8 jaar";
  without a word such as "dochter" before it, only when the clause ends there or a
  verb follows ("Fleur van 12 woont …"), not "van 4 tot 12", "van 12 maart";
- a name with "is/was … jaar oud": "Fleur is 12 jaar oud";
- a name with a school group or class: "Emma uit groep 6 (van basisschool De
  Regenboog)", "Daan zit in groep 7" — not after "juf", "meester", "leerkracht" …;
- a birth date: "geboren op 12-03-2015", "geboren 12 maart 2015", "geb. 12/3/2015",
  "geboortedatum: 2015-03-12" — not a year alone ("geboren in 2015"), and not when an
  idea, plan or network "was born".

Linear time: each pattern starts at the beginning of a capitalised word (or the word
"geboren") and reads that word possessively; every look around is bounded.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kennishub.privacy_finding import Finding, finding

_UP = "A-ZÀ-ÖØ-Þ"
_LOW = "a-zß-öø-ÿ"
_S = r"[ \u00a0]"
# The first character comes first, then the boundary check over it as a lookbehind, so the
# regex engine skips text without capitals (or "g" of "geboren") at C speed.
_NAME = rf"(?P<name>[{_UP}](?<![\w\-'’].)[{_LOW}]++(?:-[{_UP}][{_LOW}]++)?+)(?![\w\-])"
_AGE = r"(?:1[0-8]|[1-9])(?!\d|[.,:/\-–]\d)"
_YEARS = rf"{_S}?(?:jaar|jr\.?)(?:{_S}+oud)?"
_GROUP = rf"(?:[Gg]roep{_S}+[1-8](?:/[1-8])?|[Kk]las{_S}+[1-6])[a-z]?(?![\w\-])"
_MONTH = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
          "|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec")
_REL = ("zoon|zoontje|dochter|dochtertje|kind|kindje|broer|broertje|zus|zusje|kleinzoon|kleindochter|kleinkind"
        "|pleegzoon|pleegdochter|pleegkind|stiefzoon|stiefdochter|neef|neefje|nicht|nichtje|jongen|jongetje"
        "|meisje|meid|leerling|baby|jongste|oudste")
_VERBS = ("en|die|is|was|zit|zat|woont|woonde|speelt|speelde|heeft|had|kreeg|krijgt|gaat|ging|wil|wilde|vindt|vond"
          "|kan|kon|mag|mocht|moet|moest|vertelt|vertelde|zegt|zei|kwam|komt|werd|wordt")
# after "van 12": not a range, a unit, a time or a date
_NOT_AGE_AFTER = rf"(?!{_S}*(?:[-–/+%]|tot\b|t/m|t\.m\.|en{_S}+\d|of{_S}+\d|procent|uur|minuten|maanden|weken|dagen|euro|(?:{_MONTH})\b))"
_CLAUSE_END = rf"(?={_S}*(?:[,;:!?)\n]|\.(?!\d)|$)|{_S}+(?:{_VERBS})\b(?!{_S}+\d))"

_PATTERNS = re.compile(
    rf"""(?:
      {_NAME}
      (?: {_S}*+\({_S}*+(?:(?:1[0-7]|[0-9])[,.]5{_YEARS}|{_AGE}(?:{_YEARS})?|{_GROUP})(?:{_S}*[,;][^()\n]{{0,40}})?{_S}*\)
        | ,{_S}++(?:{_AGE}{_YEARS}|{_GROUP})(?={_S}*+[,.;:)!?\n"”'’]|$)
        | {_S}++van{_S}++(?P<van>{_AGE}(?P<years>{_YEARS})?){_NOT_AGE_AFTER}
        | {_S}++(?:is|was|wordt|werd){_S}++(?:(?:nu|pas|net|bijna|al){_S}++)?{_AGE}{_S}?(?:jaar|jr\.?){_S}++oud
        | {_S}++(?:uit|in|van|zit{_S}++in|zat{_S}++in|gaat{_S}++naar|ging{_S}++naar){_S}++(?:de{_S}++)?{_GROUP}
          (?P<school>{_S}++(?:van|op|bij|aan){_S}++(?:de{_S}++)?(?:basisschool|school|obs|cbs|rkbs|pcbs|sbo|kindcentrum|ikc)
            {_S}++(?:(?:De|Het|'t|Sint|St\.){_S}++)?[{_UP}][\w'’\-]*+)?
      )
    | (?P<born>[Gg](?<![\w\-].)e(?:boren|b\.|boortedatum){_S}*+(?::{_S}*+)?(?:op{_S}++)?)
      (?:(?:0?[1-9]|[12][0-9]|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\d\d
        | (?:0?[1-9]|[12][0-9]|3[01]){_S}++(?:{_MONTH})\.?(?:{_S}++(?:19|20)\d\d)?
        | (?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])
      )(?![\w\-/.]\d|\d)
    )""",
    re.VERBOSE,
)
_VAN_STRONG_END = re.compile(_CLAUSE_END)
_REL_BEFORE = re.compile(rf"(?<![\w\-])(?:{_REL}){_S}+\Z", re.IGNORECASE)
_TEACHER_BEFORE = re.compile(
    r"(?:juf|juffrouw|meester|meneer|mevrouw|leerkracht|docent|mentor|coach|begeleider|directeur|ib'er|"
    r"intern begeleider)[ \u00a0]+\Z", re.IGNORECASE)
_BORN_FIGURATIVE = re.compile(r"\b(?:idee|plan|initiatief|netwerk|project|samenwerking|gedachte|concept|beweging)\b",
                              re.IGNORECASE)
_SENTENCE_START = re.compile(r"[.!?\n]")

# Capitalised words that are not first names: function words that start a sentence,
# numbering words, words for groups of people.
_NOT_NAMES = frozenset("""
de het een in op van voor met bij na tot uit over door om als dan daarna daarvoor toen nu ook zo maar en of dat die
dit deze wie wat waar hoe er hij zij ze wij we ik jij je u hun haar zijn mijn ons onze jouw elk elke alle veel sommige
enkele beide sinds vanaf tijdens binnen buiten rond ruim bijna ongeveer circa zeker precies totaal samen eerst later
inmiddels intussen daar hier hierna hiervoor bovendien ook verder tot slot kortom soms vaak nooit altijd iedereen
niemand ieder elk wel niet geen meer minder eind begin half sindsdien destijds vroeger vandaag gisteren morgen
artikel wet groep klas stap fase bijlage figuur tabel hoofdstuk paragraaf les module week dag jaar maand ronde deel
versie pagina blz punt vraag opdracht thema casus voorbeeld noot bron kamer lokaal niveau leerjaar seizoen aflevering
editie nummer nr regel lid item score cijfer kwartaal sessie bijeenkomst workshop training cursus uur minuten
leeftijd periode fig afb tab zie ronde onderdeel sectie stelling doel actie punt project programma traject
kinderen kind jongeren jongere jongens jongen meisjes meisje leerlingen leerling baby peuters peuter kleuters kleuter
tieners tiener pubers puber scholieren deelnemers ouders gezinnen gezin broers zussen zonen dochters tweeling
moeders vaders mensen vrouwen mannen cliënten klanten gemeenten gemeente scholen school wijken wijk teams team
januari februari maart april mei juni juli augustus september oktober november december
noord zuid oost west midden centrum
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
""".split())


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    from kennishub.municipalities import lookup

    return lookup(word).status == "ok"


def _not_a_name(word: str) -> bool:
    return word.lower() in _NOT_NAMES or _is_place(word)


def find_children(text: str) -> list[Finding]:
    """Every detail that identifies a child in `text`, in order (warnings)."""
    found: list[Finding] = []
    for m in _PATTERNS.finditer(text):
        start, end = m.start(), m.end()
        if m.group("born") is not None:
            head = text[max(0, start - 80) : start]
            cut = max((s.end() for s in _SENTENCE_START.finditer(head)), default=0)
            if _BORN_FIGURATIVE.search(head, cut):
                continue
        else:
            start = m.start("name")
            if not _REL_BEFORE.search(text, max(0, start - 20), start):
                if m.group("van") and not m.group("years") and not _VAN_STRONG_END.match(text, end):
                    continue
                if _TEACHER_BEFORE.search(text, max(0, start - 24), start):
                    continue
            if _not_a_name(m.group("name")):
                continue
        found.append(finding(start, end, "child", text[start:end]))
    return found

"""Generic masculine person nouns and gendered compounds in a parsed text.

The offline German pipeline is weak (Gender F 79, NER F 57), so the decisions rest on the
lexicon and on the closed class of determiners around the noun; the model's tags and entities
only add evidence for names and organisations, never a reason to flag.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from blogtext.analyzers._gender_lexicon import GenderedCompound, Lexicon, NounMatch

_SG, _PL = "sg", "pl"
# (case, number) readings a determiner allows for a masculine noun. "der" is also nominative
# singular masculine or genitive plural; feminine or neuter-only determiners are absent, so a
# noun after "die" that cannot be plural is read as the feminine homograph ("die Kunde").
_ART = {
    "der": {("nom", _SG), ("gen", _PL)},
    "des": {("gen", _SG)},
    "dem": {("dat", _SG)},
    "den": {("acc", _SG), ("dat", _PL)},
    "die": {("nom", _PL), ("acc", _PL)},
    "zum": {("dat", _SG)},
    "vom": {("dat", _SG)},
    "beim": {("dat", _SG)},
    "jeder": {("nom", _SG)},
    "jeden": {("acc", _SG)},
    "jedem": {("dat", _SG)},
    "jedes": {("gen", _SG)},
    "dieser": {("nom", _SG), ("gen", _PL)},
    "diesen": {("acc", _SG), ("dat", _PL)},
    "diesem": {("dat", _SG)},
    "dieses": {("gen", _SG)},
    "diese": {("nom", _PL), ("acc", _PL)},
}
# ein/kein and the possessives share one set of endings.
_EIN_STEMS = ("ein", "kein", "mein", "dein", "sein", "ihr", "unser", "euer", "eur")
_EIN_ENDINGS = {
    "": {("nom", _SG)},
    "e": {("nom", _PL), ("acc", _PL)},
    "en": {("acc", _SG), ("dat", _PL)},
    "em": {("dat", _SG)},
    "es": {("gen", _SG)},
    "er": {("gen", _PL)},
}
_NUMERALS = frozenset(
    (
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "zwanzig",
        "dreißig",
        "hundert",
        "tausend",
    )
)
#: Plural determiners: quantifiers and the numerals.
_QUANT_PL = _NUMERALS | frozenset(
    (
        "alle",
        "viele",
        "einige",
        "mehrere",
        "wenige",
        "beide",
        "sämtliche",
        "manche",
        "welche",
        "unzählige",
        "zahlreiche",
    )
)
for _q in _QUANT_PL:
    # Numerals do not inflect ("mit zwanzig Händlern"): any plural case.
    _ART[_q] = (
        {(c, _PL) for c in ("nom", "gen", "dat", "acc")}
        if _q in _NUMERALS
        else {("nom", _PL), ("acc", _PL)}
    )
    if _q.endswith("e"):
        _ART[_q + "n"] = {("dat", _PL)}
        _ART[_q + "r"] = {("gen", _PL)}
for _stem in _EIN_STEMS:
    for _end, _cells in _EIN_ENDINGS.items():
        _ART.setdefault(_stem + _end, _cells)
# "ein" has no plural: "einen Kunden" is accusative singular only; "einer"/"eine" are feminine.
_ART["ein"] = {("nom", _SG)}
_ART["einen"] = {("acc", _SG)}
_ART["einer"] = set()
_ART["eine"] = set()  # feminine: never before a masculine noun ("eine Leiter", "eine Kunde")
_ART["keine"] = {("nom", _PL), ("acc", _PL)}
#: Determiners that show a masculine singular: a person cue for ambiguous nouns (dem Leiter).
_MASC_ONLY = {"dem", "des", "ein", "einem", "einen", "eines", "jedem", "jeden", "diesem",
              "unserem", "unseren", "unseres", "ihrem", "ihres", "seinem", "meinem", "zum",
              "vom", "beim"}  # fmt: skip
#: Words after an ambiguous noun that make it a person ("Leiter der Abteilung").
_GENITIVE_CUE = {"der", "des", "von", "vom", "unserer", "unseres", "eines", "einer", "ihrer"}
_NOT_ADJ = frozenset(
    (
        "oder",
        "aber",
        "über",
        "unter",
        "hinter",
        "wieder",
        "immer",
        "weder",
        "entweder",
        "neben",
        "gegen",
        "wegen",
        "oben",
        "unten",
        "eben",
        "gerne",
        "heute",
        "bitte",
        "ihnen",
        "denen",
        "deren",
        "dessen",
        "sowie",
        "später",
        "früher",
        "nachher",
        "vorher",
        "daher",
        "dagegen",
        "außer",
        "seither",
        "jeder",
        "jedem",
        "jeden",
        "jedes",
        "sehr",
        "mehr",
    )
)
_COPULA = {"ist", "war", "wird", "bleibt", "wurde"}
_TITLES = {"Herr", "Herrn", "Frau", "Dr.", "Dr", "Prof.", "Prof", "Familie"}
_COMPANY = {"GmbH", "AG", "KG", "SE", "UG", "OHG", "GbR", "e.V.", "eG", "Inc.", "Inc", "Ltd.",
            "Ltd", "LLC", "Co.", "KGaA", "mbH", "S.A.", "SARL"}  # fmt: skip


@dataclass(frozen=True)
class NounHit:
    """A generic masculine noun: where, how it was read, and its number/case in context."""

    start: int
    end: int
    match: NounMatch
    number: str
    case: str | None
    determiner: bool


@dataclass(frozen=True)
class CompoundHit:
    """A gendered compound (Fachmann, Putzfrau) with neutral alternatives."""

    start: int
    end: int
    text: str
    compound: GenderedCompound


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    i = bisect.bisect_right(starts, start) - 1
    for j in (i, i + 1):
        if 0 <= j < len(spans) and spans[j][0] < end and start < spans[j][1]:
            return True
    return False


def _determiner(doc: Doc, i: int) -> str | None:
    """The determiner before token ``i`` (lower-cased), skipping up to two adjectives."""
    j = i - 1
    skipped = 0
    while j >= 0 and skipped <= 2:
        word = doc[j].text
        low = word.lower()
        if low in _ART:
            return low
        # An inflected adjective or participle ("neuen", "langjährigen", "zufriedene"); the
        # closed-class words with the same endings ("oder", "über", "immer") end the search.
        if (
            word.islower()
            and word.isalpha()
            and len(word) > 3
            and low.endswith(("e", "en", "er", "es", "em"))
            and low not in _NOT_ADJ
            and doc[j].pos_ not in {"CCONJ", "SCONJ", "ADP", "PRON", "VERB", "AUX"}
        ):
            j -= 1
            skipped += 1
            continue
        break
    return None


def _is_name(tok: Token, lex: Lexicon) -> bool:
    return tok.text in lex.first_names or tok.ent_type_ == "PER"


def _named(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Is the noun at ``i`` tied to a named person (title, name beside it, apposition)?"""
    tok = doc[i]
    if i > 0 and (doc[i - 1].text in _TITLES or doc[i - 1].text in lex.first_names):
        return True  # "Herr Bauer", "Thomas Schneider": a surname, not a role
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    if nxt is not None and nxt.text[:1].isupper() and _is_name(nxt, lex):
        return True  # "unser Berater Thomas Schulz"
    if nxt is not None and nxt.text == "," and i + 2 < len(doc):
        after = doc[i + 2]
        if _is_name(after, lex) or after.text in _TITLES:
            return True  # "unser Berater, Thomas Schulz, …", "Der Referent, Dr. Klein, …"
    # "Herr Müller, unser Berater": walk back over the determiner and adjectives to a comma.
    j = i - 1
    while j >= 0 and doc[j].text.islower() and i - j <= 4:
        if doc[j].text in _COPULA and j >= 1:
            if _is_name(doc[j - 1], lex) or (j >= 2 and doc[j - 2].text in lex.first_names):
                return True  # "Max Mustermann ist unser neuer Ansprechpartner"
            break
        j -= 1
    if j >= 1 and doc[j].text in {",", "–", "-"}:
        prev = doc[j - 1]
        before = doc[j - 2].text if j >= 2 else ""
        if _is_name(prev, lex) or before in _TITLES or prev.text in _TITLES:
            return True
    return tok.ent_type_ == "PER" and nxt is not None and nxt.ent_type_ == "PER"


def _organisation(doc: Doc, i: int) -> bool:
    """Does an apposition name a company ("unser Partner, die Muster GmbH")?"""

    def org_at(k: int) -> bool:
        return 0 <= k < len(doc) and (doc[k].text in _COMPANY or doc[k].ent_type_ == "ORG")

    sent_end = doc[i].sent.end if doc.has_annotation("SENT_START") else len(doc)
    k = i + 1
    if k < len(doc) and doc[k].text in {",", "(", "–", ":", "wie"}:
        for m in range(k + 1, min(k + 7, sent_end)):
            if doc[m].text in {",", ")", ".", ";"} and m > k + 1:
                break
            if org_at(m):
                return True
    j = i - 1
    while j >= 0 and doc[j].text.islower() and i - j <= 4:
        j -= 1
    return j >= 1 and doc[j].text == "," and org_at(j - 1)


def _number_case(
    doc: Doc, i: int, match: NounMatch, det: str | None
) -> tuple[str, str | None] | None:
    """(number, case) of the noun, or ``None`` if no masculine reading fits the determiner."""
    cells = set(match.cells)
    if det is not None:
        cells &= _ART[det]
        if not cells:
            return None
    numbers = {n for _, n in cells}
    # Genuinely ambiguous ("den Kunden", "Partner"): generic use is mostly plural, and the
    # weak model's Number feature is wrong too often to override that.
    number = numbers.pop() if len(numbers) == 1 else _PL
    cases = {c for c, n in cells if n == number}
    return number, (cases.pop() if len(cases) == 1 else None)


def find_nouns(
    doc: Doc,
    lex: Lexicon,
    blocked: list[tuple[int, int]],
    *,
    skip_organisations: bool = True,
    allowlist: frozenset[str] = frozenset(),
) -> tuple[list[NounHit], list[CompoundHit]]:
    """Generic masculine nouns and gendered compounds outside the ``blocked`` spans."""
    text = doc.text
    blocked = sorted(blocked)
    starts = [s for s, _ in blocked]
    nouns: list[NounHit] = []
    compounds: list[CompoundHit] = []
    for i, tok in enumerate(doc):
        word = tok.text.rstrip("*")  # a footnote marker glued to the word
        if not word[:1].isupper() or not word.replace("-", "").isalnum():
            continue
        start, end = tok.idx, tok.idx + len(word)
        if word in allowlist or _overlaps(blocked, starts, start, end):
            continue
        if text[end : end + 1] in {"-", "/", "("}:
            continue  # "Kunden-Feedback", "Kunden- und Partnerdaten", "Kunde/in"
        if word in lex.compounds:
            compounds.append(CompoundHit(start, end, word, lex.compounds[word]))
            continue
        hit = _noun_hit(doc, i, word, lex, skip_organisations, allowlist)
        if hit is not None:
            nouns.append(hit)
    return nouns, compounds


def _noun_hit(
    doc: Doc, i: int, word: str, lex: Lexicon, skip_org: bool, allowlist: frozenset[str]
) -> NounHit | None:
    match = lex.lookup(word)
    if match is None or match.noun.lemma in allowlist:
        return None
    kind = lex.person_kind(match)
    if kind in {"epicene", "thing", "male"}:
        return None
    det = _determiner(doc, i)
    if kind == "ambiguous":
        nxt = doc[i + 1].text if i + 1 < len(doc) else ""
        if det not in _MASC_ONLY and nxt not in _GENITIVE_CUE:
            return None
    nxt_tok = doc[i + 1] if i + 1 < len(doc) else None
    if match.noun.lemma in lex.demonyms and nxt_tok is not None and nxt_tok.text[:1].isupper():
        return None  # "Berliner Unternehmen": an adjective, not a person
    if _named(doc, i, lex) or (skip_org and _organisation(doc, i)):
        return None
    reading = _number_case(doc, i, match, det)
    if reading is None:
        return None
    number, case = reading
    start = doc[i].idx
    return NounHit(start, start + len(word), match, number, case, det is not None)

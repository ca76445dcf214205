"""Generic masculine person nouns and gendered compounds in a parsed text.

The offline German pipeline is weak (Gender F 79, NER F 57), so the decisions rest on the
lexicon and on the closed class of determiners around the noun; the model's tags and entities
only add evidence for names and organisations, never a reason to flag.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from blogtext.analyzers._doc_tokens import DocTokens
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
#: Endings of an inflected adjective, and the tags of closed-class words that share them.
_ADJ_ENDINGS = ("e", "en", "er", "es", "em")
_NOT_ADJ_POS = frozenset({"CCONJ", "SCONJ", "ADP", "PRON", "VERB", "AUX"})
_TITLES = {"Herr", "Herrn", "Frau", "Dr.", "Dr", "Prof.", "Prof", "Familie"}
_COMPANY = {"GmbH", "AG", "KG", "SE", "UG", "OHG", "GbR", "e.V.", "eG", "Inc.", "Inc", "Ltd.",
            "Ltd", "LLC", "Co.", "KGaA", "mbH", "S.A.", "SARL"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NounHit:
    """A generic masculine noun: where, how it was read, and its number/case in context."""

    start: int
    end: int
    match: NounMatch
    number: str
    case: str | None
    determiner: bool


@dataclass(frozen=True, slots=True)
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


def _determiner(tokens: DocTokens, i: int) -> str | None:
    """The determiner before token ``i`` (lower-cased), skipping up to two adjectives."""
    j = i - 1
    skipped = 0
    while j >= 0 and skipped <= 2:
        word = tokens.words[j]
        low = word.lower()
        if low in _ART:
            return low
        # An inflected adjective or participle ("neuen", "langjährigen", "zufriedene"); the
        # closed-class words with the same endings ("oder", "über", "immer") end the search.
        if (
            word.islower()
            and word.isalpha()
            and len(word) > 3
            and low.endswith(_ADJ_ENDINGS)
            and low not in _NOT_ADJ
            and tokens.pos[j] not in _NOT_ADJ_POS
        ):
            j -= 1
            skipped += 1
            continue
        break
    return None


def _is_name(tokens: DocTokens, k: int, lex: Lexicon) -> bool:
    return tokens.words[k] in lex.first_names or tokens.ent_type[k] == "PER"


def _named(tokens: DocTokens, i: int, lex: Lexicon) -> bool:
    """Is the noun at ``i`` tied to a named person (title, name beside it, apposition)?"""
    words, n = tokens.words, len(tokens)
    if i > 0 and (words[i - 1] in _TITLES or words[i - 1] in lex.first_names):
        return True  # "Herr Bauer", "Thomas Schneider": a surname, not a role
    has_next = i + 1 < n
    if has_next and words[i + 1][:1].isupper() and _is_name(tokens, i + 1, lex):
        return True  # "unser Berater Thomas Schulz"
    if (
        has_next
        and words[i + 1] == ","
        and i + 2 < n
        and (_is_name(tokens, i + 2, lex) or words[i + 2] in _TITLES)
    ):
        return True  # "unser Berater, Thomas Schulz, …", "Der Referent, Dr. Klein, …"
    # "Herr Müller, unser Berater": walk back over the determiner and adjectives to a comma.
    j = i - 1
    while j >= 0 and words[j].islower() and i - j <= 4:
        if words[j] in _COPULA and j >= 1:
            if _is_name(tokens, j - 1, lex) or (j >= 2 and words[j - 2] in lex.first_names):
                return True  # "Max Mustermann ist unser neuer Ansprechpartner"
            break
        j -= 1
    if j >= 1 and words[j] in {",", "–", "-"}:
        before = words[j - 2] if j >= 2 else ""
        if _is_name(tokens, j - 1, lex) or before in _TITLES or words[j - 1] in _TITLES:
            return True
    return tokens.ent_type[i] == "PER" and has_next and tokens.ent_type[i + 1] == "PER"


def _organisation(tokens: DocTokens, i: int) -> bool:
    """Does an apposition name a company ("unser Partner, die Muster GmbH")?"""
    words, n = tokens.words, len(tokens)

    def org_at(k: int) -> bool:
        return 0 <= k < n and (words[k] in _COMPANY or tokens.ent_type[k] == "ORG")

    k = i + 1
    if k < n and words[k] in {",", "(", "–", ":", "wie"}:
        # Only here is the sentence end needed (finding it walks the tokens).
        sent_end = tokens.sentence_end(i) if tokens.has_sents else n
        for m in range(k + 1, min(k + 7, sent_end)):
            if words[m] in {",", ")", ".", ";"} and m > k + 1:
                break
            if org_at(m):
                return True
    j = i - 1
    while j >= 0 and words[j].islower() and i - j <= 4:
        j -= 1
    return j >= 1 and words[j] == "," and org_at(j - 1)


def _number_case(match: NounMatch, det: str | None) -> tuple[str, str | None] | None:
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
    tokens: DocTokens,
    lex: Lexicon,
    blocked: list[tuple[int, int]],
    *,
    skip_organisations: bool = True,
    allowlist: frozenset[str] = frozenset(),
) -> tuple[list[NounHit], list[CompoundHit]]:
    """Generic masculine nouns and gendered compounds outside the ``blocked`` spans."""
    text = tokens.text
    blocked = sorted(blocked)
    starts = [s for s, _ in blocked]
    nouns: list[NounHit] = []
    compounds: list[CompoundHit] = []
    words = tokens.words
    # Only a few words of a text can become a finding (see _may_be_finding); the decision
    # depends on the word alone, so it is made once per distinct word, not once per token.
    known = _word_decisions(lex)
    distinct = set(words)
    for token_text in distinct.difference(known):
        known[token_text] = _may_be_finding(token_text, lex)
    wanted = {token_text for token_text in distinct if known[token_text]}
    if len(known) > _MAX_WORD_DECISIONS:
        known.clear()  # bounds the memory of a long batch; the next text fills it again
    if not wanted:
        return nouns, compounds
    for i in [i for i, token_text in enumerate(words) if token_text in wanted]:
        word = words[i].rstrip("*")  # a footnote marker glued to the word
        compound = lex.compounds.get(word)
        start = tokens.idx[i]
        end = start + len(word)
        if word in allowlist or _overlaps(blocked, starts, start, end):
            continue
        if text[end : end + 1] in {"-", "/", "("}:
            continue  # "Kunden-Feedback", "Kunden- und Partnerdaten", "Kunde/in"
        if compound is not None:
            compounds.append(CompoundHit(start, end, word, compound))
            continue
        hit = _noun_hit(tokens, i, word, lex, skip_organisations, allowlist)
        if hit is not None:
            nouns.append(hit)
    return nouns, compounds


#: Upper bound of the per-word decisions kept between texts.
_MAX_WORD_DECISIONS = 200_000


@cache
def _word_decisions(lex: Lexicon) -> dict[str, bool]:
    """Token text → :func:`_may_be_finding`, kept per lexicon across texts."""
    return {}


def _may_be_finding(token_text: str, lex: Lexicon) -> bool:
    """Can a token with this text be flagged (a gendered compound or a person noun)?"""
    # Most tokens are not capitalised: test that before anything else.
    if not token_text[:1].isupper():
        return False
    word = token_text.rstrip("*")  # a footnote marker glued to the word
    # Only a gendered compound or a person noun can become a finding; most capitalised
    # words are neither, and both lookups are cached.
    if word not in lex.compounds and lex.lookup(word) is None:
        return False
    return word[:1].isupper() and word.replace("-", "").isalnum()


def _noun_hit(
    tokens: DocTokens, i: int, word: str, lex: Lexicon, skip_org: bool, allowlist: frozenset[str]
) -> NounHit | None:
    match = lex.lookup(word)
    if match is None or match.noun.lemma in allowlist:
        return None
    kind = lex.person_kind(match)
    if kind in {"epicene", "thing", "male"}:
        return None
    det = _determiner(tokens, i)
    has_next = i + 1 < len(tokens)
    if kind == "ambiguous":
        nxt = tokens.words[i + 1] if has_next else ""
        if det not in _MASC_ONLY and nxt not in _GENITIVE_CUE:
            return None
    if match.noun.lemma in lex.demonyms and has_next and tokens.words[i + 1][:1].isupper():
        return None  # "Berliner Unternehmen": an adjective, not a person
    if _named(tokens, i, lex) or (skip_org and _organisation(tokens, i)):
        return None
    reading = _number_case(match, det)
    if reading is None:
        return None
    number, case = reading
    start = tokens.idx[i]
    return NounHit(start, start + len(word), match, number, case, det is not None)

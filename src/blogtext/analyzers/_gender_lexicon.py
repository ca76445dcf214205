"""The gender analysis's data: person nouns, exceptions, alternatives, disclaimer patterns.

Everything is read once from ``blogtext/data/gender/`` (see its README) and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from blogtext.data import read_lines, read_tsv

AREA = "gender"
#: Case × number order of the form columns in person_nouns.tsv.
CELLS: tuple[tuple[str, str], ...] = tuple(
    (case, number) for number in ("sg", "pl") for case in ("nom", "gen", "dat", "acc")
)
#: Shortest compound head and prefix the splitter accepts. Three-letter heads (Rat, Tor) hit
#: far more things than persons ("Vorrat", "Beirat"); keep in sync with the build script.
MIN_HEAD = 4
MIN_PREFIX = 2


@dataclass(frozen=True)
class PersonNoun:
    """A masculine person noun with a feminine counterpart.

    ``forms`` maps each (case, number) cell to its forms, main form first.
    """

    lemma: str
    feminine: str
    forms: dict[tuple[str, str], tuple[str, ...]]

    @property
    def feminine_stem(self) -> str:
        """The feminine lemma without "in" (Kundin → Kund), the base of Kund:innen."""
        return self.feminine[:-2]


@dataclass(frozen=True)
class NounMatch:
    """A word form read as a person noun, possibly as the head of a compound.

    ``prefix`` is the part before the head ("Kooperations" + "partner"), "" for a whole word;
    ``head`` the form of the head as written (capitalised), ``cells`` its possible
    (case, number) readings.
    """

    word: str
    prefix: str
    head: str
    noun: PersonNoun
    cells: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class GenderedCompound:
    """A -mann/-frau compound (or Mannstunde) with neutral alternatives per number."""

    lemma: str
    number: str
    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class NeutralAlternative:
    """A neutral replacement for a person noun (``kind``: "partizip" or "noun")."""

    number: str
    text: str
    kind: str


class Lexicon:
    """All lookups the gender analysis needs; build it with :func:`load_lexicon`."""

    def __init__(self) -> None:
        self.nouns: dict[str, PersonNoun] = {}
        self.forms: dict[str, list[tuple[PersonNoun, tuple[str, str]]]] = {}
        for name in ("person_nouns.tsv", "person_nouns_extra.tsv"):
            for row in read_tsv(AREA, name):
                lemma, feminine, *cells = row
                forms = {cell: tuple(v.split("|")) for cell, v in zip(CELLS, cells, strict=True)}
                noun = PersonNoun(lemma, feminine, forms)
                self.nouns[lemma] = noun
                for cell, variants in forms.items():
                    for form in variants:
                        self.forms.setdefault(form, []).append((noun, cell))
        self.epicene = frozenset(read_lines(AREA, "epicene.txt"))
        self.nonperson = {row[0]: row[1] for row in read_tsv(AREA, "nonperson.tsv")}
        self.blocklist = frozenset(read_lines(AREA, "compound_blocklist.txt"))
        self.first_names = frozenset(read_lines(AREA, "first_names.txt"))
        self.demonyms = frozenset(read_lines(AREA, "demonyms.txt"))
        self.alternatives: dict[str, list[NeutralAlternative]] = {}
        for lemma, number, text, kind in read_tsv(AREA, "neutral_alternatives.tsv"):
            self.alternatives.setdefault(lemma, []).append(NeutralAlternative(number, text, kind))
        self.compounds = _compound_forms(read_tsv(AREA, "gendered_compounds.tsv"))
        self.neutral_forms = _neutral_forms(read_tsv(AREA, "neutral_forms.tsv"))
        self.disclaimers = tuple(
            re.compile(p, re.IGNORECASE) for p in read_lines(AREA, "disclaimers.txt")
        )

    def lookup(self, word: str) -> NounMatch | None:
        """Read ``word`` as a masculine person noun (whole or compound head), or ``None``."""
        return _lookup(self, word)

    def person_kind(self, match: NounMatch) -> str | None:
        """``epicene``, ``thing``, ``male``, ``ambiguous`` or ``None`` (a plain person noun).

        A whole-word entry wins over its head: "Buchdrucker" (with Buchdruckerin) is a person
        even though "Drucker" is a thing.
        """
        whole = match.prefix + match.head.lower() if match.prefix else match.head
        for lemma in (whole, match.noun.lemma):
            if lemma in self.epicene:
                return "epicene"
            if lemma in self.nonperson:
                return self.nonperson[lemma]
        return None


@lru_cache(maxsize=65536)
def _lookup_cached(word: str) -> NounMatch | None:
    return _lookup_uncached(load_lexicon(), word)


def _lookup(lex: Lexicon, word: str) -> NounMatch | None:
    return _lookup_cached(word)


def _lookup_uncached(lex: Lexicon, word: str) -> NounMatch | None:
    if not word or word in lex.blocklist:
        return None
    if word in lex.forms:
        return _match(word, "", word, lex.forms[word])
    if "-" in word:  # B2B-Kunden, Vertriebs-Mitarbeiter: the last part is the head
        prefix, _, last = word.rpartition("-")
        if last[:1].isupper() and last in lex.forms and last not in lex.blocklist:
            return _match(word, prefix + "-", last, lex.forms[last])
        return None
    # Longest head first: "Mitbewerber" → Bewerber, not Werber.
    for i in range(MIN_PREFIX, len(word) - MIN_HEAD + 1):
        if not word[i].islower():
            continue
        head = word[i].upper() + word[i + 1 :]
        if lex.nonperson.get(head) == "thing":
            return None  # "Hauptschalter": the longest head is a thing, not "Halter"
        if head in lex.forms:
            return _match(word, word[:i], head, lex.forms[head])
    return None


def _match(
    word: str, prefix: str, head: str, entries: list[tuple[PersonNoun, tuple[str, str]]]
) -> NounMatch:
    # A form can belong to two lemmas (rare); the first lemma's readings are used.
    noun = entries[0][0]
    cells = frozenset(cell for n, cell in entries if n is noun)
    return NounMatch(word, prefix, head, noun, cells)


def _compound_forms(rows: list[list[str]]) -> dict[str, GenderedCompound]:
    """Every inflected form of a gendered compound → the compound with its alternatives."""
    out: dict[str, GenderedCompound] = {}
    for row in rows:
        lemma = row[0]
        sg = tuple(a for a in row[1].split("|") if a) if len(row) > 1 else ()
        pl = tuple(a for a in row[2].split("|") if a) if len(row) > 2 else ()
        if lemma.endswith("mann"):
            base = lemma[:-4]
            sg_forms = [lemma, lemma + "es", lemma + "s", lemma + "e"]
            pl_forms = [base + "männer", base + "männern"]
        elif lemma.endswith("frau"):
            sg_forms, pl_forms = [lemma], [lemma + "en"]
        elif lemma.endswith("in"):  # Sekretärin
            sg_forms, pl_forms = [lemma], [lemma + "nen"]
        elif lemma.endswith("e"):
            sg_forms, pl_forms = [lemma], [lemma + "n"]
        elif lemma.endswith("chen"):
            sg_forms, pl_forms = [lemma, lemma + "s"], []
        else:
            sg_forms, pl_forms = [lemma, lemma + "s", lemma + "es"], [lemma + "e", lemma + "en"]
        for form in sg_forms:
            out[form] = GenderedCompound(lemma, "sg", sg)
        for form in pl_forms:
            out[form] = GenderedCompound(lemma, "pl", pl or sg)
    return out


def _neutral_forms(rows: list[list[str]]) -> dict[str, str]:
    """Every form of a neutral person designation → its lemma."""
    out: dict[str, str] = {}
    for lemma, kind in rows:
        kind, _, extra = kind.partition("|")
        forms = [lemma]
        if kind == "partizip":
            forms += [lemma + "n", lemma + "r"]
        forms += [f for f in extra.split(",") if f]
        for form in forms:
            out[form] = lemma
    return out


@cache
def load_lexicon() -> Lexicon:
    """The lexicon, loaded once per process."""
    return Lexicon()

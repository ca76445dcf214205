"""The gender analysis's data: person nouns, exceptions, alternatives, disclaimer patterns.

Everything is read once from ``blogtext/data/gender/`` (see its README) and cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, repeat

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
    """All lookups the gender analysis needs; build it with :func:`load_lexicon`.

    Loading is on the start-up path of ``blogtext check``, so the 4,500-row person-noun table
    is not turned into objects up front: the load only indexes which row each word form is in
    (a few string operations per row), and a row becomes a :class:`PersonNoun` the first time
    a lookup needs it.
    """

    def __init__(self) -> None:
        self._rows = read_lines(AREA, "person_nouns.tsv") + read_lines(
            AREA, "person_nouns_extra.tsv"
        )
        # Whole-table string operations instead of a loop over rows: "lemma\tfeminine\tcells"
        columns = [row.split("\t", 2) for row in self._rows]
        if any(len(parts) != 3 or parts[2].count("\t") != len(CELLS) - 1 for parts in columns):
            raise ValueError(
                f"person_nouns: every row needs a lemma, a feminine and {len(CELLS)} forms"
            )
        cells = [parts[2] for parts in columns]
        # Every variant of every cell, in row order, and the row each one comes from.
        forms = "|".join(cells).replace("\t", "|").split("|")
        per_row = [row_cells.count("\t") + row_cells.count("|") + 1 for row_cells in cells]
        form_rows = chain.from_iterable(map(repeat, range(len(cells)), per_row))
        #: Word form → the first row that has it (a form of two lemmas reads as the first):
        #: built backwards, so the first row's entry is written last.
        self._form_rows: dict[str, int] = dict(
            zip(reversed(forms), reversed(list(form_rows)), strict=True)
        )
        # Lemma → row; a later row of the same lemma replaces an earlier one.
        lemma_rows = {parts[0]: row for row, parts in enumerate(columns)}
        self._nouns: dict[int, PersonNoun] = {}
        #: Lemma → person noun, made on first access.
        self.nouns: Mapping[str, PersonNoun] = _NounTable(self, lemma_rows)
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

    def has_form(self, word: str) -> bool:
        """Whether ``word`` is a form (any case, any number) of a person noun."""
        return word in self._form_rows

    def noun_of_row(self, row: int) -> PersonNoun:
        """The person noun of table row ``row`` (made once)."""
        noun = self._nouns.get(row)
        if noun is None:
            lemma, feminine, *cells = self._rows[row].split("\t")
            forms = {cell: tuple(v.split("|")) for cell, v in zip(CELLS, cells, strict=True)}
            noun = self._nouns[row] = PersonNoun(lemma, feminine, forms)
        return noun

    def readings(self, form: str) -> tuple[PersonNoun, frozenset[tuple[str, str]]]:
        """The person noun ``form`` belongs to and its (case, number) cells with that form.

        Raises:
            KeyError: ``form`` is not a person-noun form (see :meth:`has_form`).
        """
        noun = self.noun_of_row(self._form_rows[form])
        return noun, frozenset(cell for cell, forms in noun.forms.items() if form in forms)

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


class _NounTable(Mapping[str, PersonNoun]):
    """Lemma → :class:`PersonNoun` over the lexicon's rows, each made on first access."""

    def __init__(self, lexicon: Lexicon, rows: dict[str, int]) -> None:
        self._lexicon = lexicon
        self._rows = rows

    def __getitem__(self, lemma: str) -> PersonNoun:
        return self._lexicon.noun_of_row(self._rows[lemma])

    def __contains__(self, lemma: object) -> bool:
        return lemma in self._rows

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows)

    def __len__(self) -> int:
        return len(self._rows)


@lru_cache(maxsize=65536)
def _lookup_cached(word: str) -> NounMatch | None:
    return _lookup_uncached(load_lexicon(), word)


def _lookup(lex: Lexicon, word: str) -> NounMatch | None:
    return _lookup_cached(word)


def _lookup_uncached(lex: Lexicon, word: str) -> NounMatch | None:
    if not word or word in lex.blocklist:
        return None
    if lex.has_form(word):
        return _match(lex, word, "", word)
    if "-" in word:  # B2B-Kunden, Vertriebs-Mitarbeiter: the last part is the head
        prefix, _, last = word.rpartition("-")
        if last[:1].isupper() and lex.has_form(last) and last not in lex.blocklist:
            return _match(lex, word, prefix + "-", last)
        return None
    # Longest head first: "Mitbewerber" → Bewerber, not Werber.
    for i in range(MIN_PREFIX, len(word) - MIN_HEAD + 1):
        if not word[i].islower():
            continue
        head = word[i].upper() + word[i + 1 :]
        if lex.nonperson.get(head) == "thing":
            return None  # "Hauptschalter": the longest head is a thing, not "Halter"
        if lex.has_form(head):
            return _match(lex, word, word[:i], head)
    return None


def _match(lex: Lexicon, word: str, prefix: str, head: str) -> NounMatch:
    # A form can belong to two lemmas (rare); the first lemma's readings are used.
    noun, cells = lex.readings(head)
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

#!/usr/bin/env python3
"""Derive the person-noun lexicon in ``src/blogtext/data/gender/`` from german-nouns.

german-nouns (Wiktionary, CC BY-SA 4.0) cannot be a dependency of blogtext (its parser pins
``lxml<5``, see ``../shared/NOTES.md`` item 2), so this script reads its ``nouns.csv`` once and
writes the few facts the gender analysis needs:

* ``person_nouns.tsv`` – masculine person nouns X whose feminine counterpart exists in the
  data (X+"in", Umlaut+"in" as Arzt/Ärztin, -e stems as Kunde/Kundin), with all case × number
  forms of the masculine and the feminine lemma.
* ``compound_blocklist.txt`` – word forms of feminine/neuter nouns that the runtime compound
  splitter would otherwise read as "<prefix> + masculine person noun" (Kulturerbe → Erbe,
  Stehleiter → Leiter), so they are never flagged.
* ``first_names.txt`` – given names (Wiktionary "Vorname" entries): a name next to a person
  noun marks a named individual ("unser Berater Thomas").
* ``demonyms.txt`` – person nouns derived from place names (Berliner, Münchner, Schweizer):
  before another noun they are adjectives ("Berliner Unternehmen"), not persons.

Usage::

    python scripts/build_gender_lexicon.py              # pip download german-nouns==1.2.5
    python scripts/build_gender_lexicon.py --csv nouns.csv

The download goes to a temporary directory and is never installed.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterable
from pathlib import Path

VERSION = "1.2.5"
OUT_DIR = Path(__file__).resolve().parents[1] / "src" / "blogtext" / "data" / "gender"
CASES = ("nominativ", "genitiv", "dativ", "akkusativ")
NUMBERS = ("singular", "plural")
#: Column names of the shipped TSV, in order (masculine forms, case × number).
FORM_COLUMNS = ("nom_sg", "gen_sg", "dat_sg", "acc_sg", "nom_pl", "gen_pl", "dat_pl", "acc_pl")
#: Shortest compound head the runtime splitter accepts; keep in sync with _gender_lexicon.py.
MIN_HEAD = 4
MIN_PREFIX = 2
UMLAUT = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}


def fetch_csv(workdir: Path) -> Path:
    """Download the german-nouns wheel (no deps, not installed) and unpack nouns.csv."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
         f"german-nouns=={VERSION}", "-d", str(workdir)],
        check=True,
    )  # fmt: skip
    wheel = next(workdir.glob("german_nouns-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        zf.extract("german_nouns/nouns.csv", workdir)
    return workdir / "german_nouns" / "nouns.csv"


def genus_of(row: dict[str, str]) -> set[str]:
    """All genus values of a row (``genus`` or the numbered ``genus N`` columns)."""
    return {row[k] for k in ("genus", "genus 1", "genus 2", "genus 3", "genus 4") if row.get(k)}


def is_common_noun(row: dict[str, str]) -> bool:
    """A plain noun entry: no name, toponym, affix or multi-word entry."""
    pos = set(row["pos"].split(","))
    lemma = row["lemma"]
    return (
        "Substantiv" in pos
        and not pos & {"Vorname", "Nachname", "Toponym", "Eigenname", "Affix", "Abkürzung",
                       "Wortverbindung", "Symbol", "Buchstabe", "Straßenname"}
        and lemma[:1].isupper()
        and lemma.isalpha()
    )  # fmt: skip


def cell_forms(row: dict[str, str], case: str, number: str) -> list[str]:
    """Forms of one case × number cell, main column first, then variants (*, 1–4)."""
    out: list[str] = []
    for suffix in ("", "*", " 1", " 2", " 3", " 4"):
        value = row.get(f"{case} {number}{suffix}", "")
        if value and value.isalpha() and value not in out:
            out.append(value)
    return out


def feminine_candidates(lemma: str) -> Iterable[str]:
    """Possible feminine lemmas for a masculine one (Partner → Partnerin, Arzt → Ärztin …)."""
    stems = [lemma]
    if lemma.endswith("e"):  # Kunde → Kundin, Kollege → Kollegin, Franzose → Französin
        stems.append(lemma[:-1])
    for stem in list(stems):
        # Umlaut on one vowel at a time (Arzt → Ärzt, Anwalt → Anwält, Bauer → Bäuer).
        for i, ch in enumerate(stem):
            if ch in UMLAUT and not (ch.lower() == "u" and i and stem[i - 1].lower() in "ae"):
                stems.append(stem[:i] + UMLAUT[ch] + stem[i + 1 :])
    for stem in stems:
        yield stem + "in"


def names_and_demonyms(
    rows: list[dict[str, str]], table: list[list[str]]
) -> tuple[list[str], list[str]]:
    """Given names, and lexicon lemmas that are "<place> + er" (Berlin → Berliner)."""
    first = sorted(
        {r["lemma"] for r in rows if "Vorname" in r["pos"].split(",") and r["lemma"].isalpha()}
    )
    places = {r["lemma"] for r in rows if "Toponym" in r["pos"].split(",")}
    demonyms = []
    for lemma, *_ in table:
        if not lemma.endswith("er"):
            continue
        base = lemma[:-2]
        # Berlin+er, Brem(en)+er, Münch(en)+ner, Schweiz+er
        if {base, base + "en", lemma[:-3] + "en", base + "n"} & places:
            demonyms.append(lemma)
    return first, sorted(demonyms)


def build(rows: list[dict[str, str]]) -> tuple[list[list[str]], list[str]]:
    """Return the person-noun table rows and the compound blocklist."""
    masc: dict[str, dict[str, str]] = {}
    fem: set[str] = set()
    for row in rows:
        if not is_common_noun(row):
            continue
        g = genus_of(row)
        if g == {"m"} and row["lemma"] not in masc and cell_forms(row, "nominativ", "singular"):
            masc[row["lemma"]] = row
        if "f" in g and row["lemma"].endswith("in"):
            fem.add(row["lemma"])

    table: list[list[str]] = []
    for lemma, row in masc.items():
        feminine = next((f for f in feminine_candidates(lemma) if f in fem), None)
        if feminine is None or feminine == lemma:
            continue
        cells = ["|".join(cell_forms(row, c, n)) for n in NUMBERS for c in CASES]
        if not all(cells):
            continue
        table.append([lemma, feminine, *cells])
    table.sort(key=lambda r: r[0])

    # Forms of non-masculine nouns that the runtime splitter would misread as a person compound.
    person_forms = {f for r in table for cell in r[2:] for f in cell.split("|")}
    person_lemmas = {r[0] for r in table}
    blocklist: set[str] = set()
    for row in rows:
        if not is_common_noun(row) or row["lemma"] in person_lemmas:
            continue
        if "m" in genus_of(row):
            continue
        forms = {f for n in NUMBERS for c in CASES for f in cell_forms(row, c, n)}
        for form in forms:
            if form in person_forms:
                blocklist.add(form)  # homograph of a whole person form (e.g. Erbe n.)
                continue
            for i in range(MIN_PREFIX, len(form) - MIN_HEAD + 1):
                if form[i:].capitalize() in person_forms:
                    blocklist.add(form)
                    break
    return table, sorted(blocklist)


def write_list(path: Path, header: str, items: list[str]) -> None:
    """Write one item a line after a ``#`` header."""
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        fh.write("\n".join(items) + "\n")


def write(table: list[list[str]], blocklist: list[str], out_dir: Path) -> None:
    """Write the TSV and the blocklist with a provenance header."""
    out_dir.mkdir(parents=True, exist_ok=True)
    header = (
        f"# Derived by scripts/build_gender_lexicon.py from german-nouns {VERSION} (Wiktionary,\n"
        "# CC BY-SA 4.0, https://github.com/gambolputty/german-nouns). Do not edit by hand.\n"
    )
    with (out_dir / "person_nouns.tsv").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        fh.write("# " + "\t".join(["lemma", "feminine", *FORM_COLUMNS]) + "\n")
        for row in table:
            fh.write("\t".join(row) + "\n")
    with (out_dir / "compound_blocklist.txt").open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(header)
        fh.write("# Feminine/neuter noun forms whose tail looks like a masculine person noun.\n")
        fh.write("\n".join(blocklist) + "\n")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", type=Path, help="an existing german_nouns/nouns.csv")
    parser.add_argument("--out", type=Path, default=OUT_DIR)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.csv or fetch_csv(Path(tmp))
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    table, blocklist = build(rows)
    write(table, blocklist, args.out)
    first, demonyms = names_and_demonyms(rows, table)
    header = f"# Derived by scripts/build_gender_lexicon.py from german-nouns {VERSION} (CC BY-SA 4.0).\n"
    write_list(args.out / "first_names.txt", header, first)
    write_list(args.out / "demonyms.txt", header, demonyms)
    print(
        f"person_nouns.tsv: {len(table)}; compound_blocklist.txt: {len(blocklist)}; "
        f"first_names.txt: {len(first)}; demonyms.txt: {len(demonyms)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

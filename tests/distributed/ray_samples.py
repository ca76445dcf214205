"""German test posts of the Ray engine tests (written for these tests) and output comparison."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd

from blogtext.report.corpus import TABLES, read_tables

REPO = Path(__file__).resolve().parents[2]

THEMEN = ("Kundenservice", "Onboarding", "Preisgestaltung", "Webinare", "Lieferketten")


def kurzer_beitrag(i: int) -> str:
    """A short plain-text post with a title, two paragraphs and a reader comment."""
    thema = THEMEN[i % len(THEMEN)]
    return (
        f"{thema} für kleine Unternehmen – Folge {i}\n\n"
        f"Jeder Mitarbeiter kennt das: Beim Thema {thema} fehlt oft die Zeit. "
        "Unsere Kund:innen berichten, dass ein klarer Plan hilft. "
        f"In Folge {i} zeigen wir drei Schritte, die sich bewährt haben.\n\n"
        "Erstens: Ziele festlegen. Zweitens: Verantwortliche benennen. Drittens: "
        "regelmäßig messen, ob der Kunde zufriedener ist.\n\n"
        "3 Kommentare\n\n"
        f"Jana schrieb am 3. März 2023 um 10:{i % 60:02d} Uhr:\n"
        "Danke für die Tipps, das probieren wir im Team aus!\n"
    )


def write_posts(directory: Path, count: int) -> list[Path]:
    """``count`` short posts as ``beitrag-NNN.txt`` in ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = directory / f"beitrag-{i:03d}.txt"
        path.write_text(kurzer_beitrag(i), "utf-8")
        paths.append(path)
    return paths


def mixed_corpus(directory: Path) -> Path:
    """corpus/ (text, HTML, Markdown, JSONL), a few own posts, and inputs that fail.

    ``leer.txt`` fails when read; ``zu-lang.txt`` is read but its body exceeds what the
    pipeline analyses, so it fails on the worker (a failure row coming back from an actor).
    """
    shutil.copytree(REPO / "corpus", directory / "corpus")
    write_posts(directory / "eigene", 6)
    (directory / "eigene" / "leer.txt").write_text("", "utf-8")
    absatz = "Das Team arbeitet gern zusammen. " * 40 + "\n\n"
    (directory / "eigene" / "zu-lang.txt").write_text(
        "Ein sehr langer Beitrag\n\n" + absatz * 800, "utf-8"
    )
    return directory


def sorted_tables(out_dir: Path) -> dict[str, pd.DataFrame]:
    """The corpus tables of a run, rows sorted (engines may finish posts in any order)."""
    tables = read_tables(out_dir / "corpus")
    result = {}
    for name in TABLES:
        frame = tables[name]
        keys = [c for c in ("post_id", "index", "rank") if c in frame.columns]
        result[name] = frame.sort_values(keys).reset_index(drop=True)
    return result


def post_files(out_dir: Path) -> dict[str, bytes]:
    """Every per-post file of a run by name."""
    return {path.name: path.read_bytes() for path in sorted((out_dir / "posts").iterdir())}

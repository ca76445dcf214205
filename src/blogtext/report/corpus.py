"""Corpus tables (``DIR/corpus/*.csv`` and ``*.parquet``) from per-post report dicts.

One row per post / finding / comment / quote / theme, keyed by ``post_id``; the columns are
fixed here (:data:`SCHEMAS`) and documented in ``docs/corpus-tables.md``. A section absent from
a report (analysis not available) gives nulls in ``posts`` and no rows in the item tables.

:class:`CorpusTableWriter` streams: rows are buffered and flushed in groups (Arrow table →
Parquet row group + CSV lines) into temporary files that are renamed into place only when
every table is complete, so memory stays flat and a killed run never leaves a half table.

The CSV text is exactly what ``frame(name, rows).to_csv(index=False)`` writes (pandas'
writer is the stdlib ``csv`` module with minimal quoting, and the typed values print the same;
a test holds the two together). It is written with ``csv`` directly from the Arrow columns
rather than through a DataFrame: pandas' writer formats every value of the nullable dtypes
in Python, which made printing the tables of a large run take seconds.
"""

from __future__ import annotations

import csv
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from blogtext.report import _values as v

if TYPE_CHECKING:
    import pandas as pd

STR, INT, FLT, BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()

#: Table name → column name → Arrow type (the documented contract of the corpus tables).
SCHEMAS: dict[str, dict[str, pa.DataType]] = {
    "posts": {
        "post_id": STR, "path": STR, "record": INT, "format": STR, "encoding": STR, "sha256": STR,
        "title": STR, "url": STR, "date": STR, "author": STR, "blogtext_version": STR, "spacy_model": STR,
        "words": INT, "sentences": INT, "syllables": INT, "flesch_amstad": FLT, "readability_band": STR,
        "wstf": FLT, "lix": FLT, "findings": INT, "errors": INT, "warnings": INT, "infos": INT,
        "gender_findings": INT, "comments": INT, "boilerplate": INT, "share_quotes": INT, "themes": INT,
        "top_theme": STR, "gender_styles": STR, "inclusive_forms": INT, "gender_disclaimer": BOOL,
    },
    "findings": {
        "post_id": STR, "index": INT, "rule": STR, "area": STR, "severity": STR, "message": STR,
        "line": INT, "column": INT, "end_line": INT, "end_column": INT, "text": STR, "suggestions": STR,
    },
    "comments": {
        "post_id": STR, "index": INT, "parent": INT, "author": STR, "date": STR, "text": STR,
        "first_line": INT, "words": INT,
    },
    "quotes": {"post_id": STR, "index": INT, "text": STR, "source": STR, "first_line": INT},
    "themes": {
        "post_id": STR, "rank": INT, "phrase": STR, "lemma": STR, "score": FLT, "count": INT,
    },
}  # fmt: skip

TABLES = tuple(SCHEMAS)


def report_rows(report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The rows one report contributes to each table."""
    post_id = v.text(report.get("id")) or ""
    keyed = [
        ("findings", _finding_row, v.items(report, "findings")),
        ("comments", _comment_row, v.comments(report)),
        ("quotes", _quote_row, v.items(report, "share_quotes")),
        ("themes", _theme_row, v.items(report, "themes")),
    ]
    rows: dict[str, list[dict[str, Any]]] = {"posts": [post_row(report)]}
    for name, build, entries in keyed:
        rows[name] = [{"post_id": post_id, **build(i, e)} for i, e in enumerate(entries or [])]
    return rows


def post_row(report: dict[str, Any]) -> dict[str, Any]:
    """The ``posts`` row of one report."""
    source = v.section(report, "source") or {}
    pipeline = v.section(report, "pipeline") or {}
    row: dict[str, Any] = {
        "post_id": v.text(report.get("id")),
        "path": v.text(source.get("path")),
        "record": v.integer(source.get("record")),
        "format": v.text(source.get("format")),
        "encoding": v.text(source.get("encoding")),
        "sha256": v.text(source.get("sha256")),
        "title": v.text(report.get("title")),
        "url": v.metadata(report, "url"),
        "date": v.metadata(report, "date"),
        "author": v.metadata(report, "author"),
        "blogtext_version": v.text(pipeline.get("blogtext")),
        "spacy_model": v.text(pipeline.get("spacy_model")),
    }
    row |= _readability_columns(v.section(report, "readability"))
    row |= _finding_columns(v.items(report, "findings"))
    row |= _segment_columns(report)
    row |= _gender_columns(v.section(report, "gender"))
    return row


def _readability_columns(data: dict[str, Any] | None) -> dict[str, Any]:
    if data is None:
        return {}
    amstad = v.num(data.get("flesch_amstad"))
    return {
        "words": v.integer(data.get("words")),
        "sentences": v.integer(data.get("sentences")),
        "syllables": v.integer(data.get("syllables")),
        "flesch_amstad": amstad,
        "readability_band": v.amstad_band(amstad),
        "wstf": v.wstf(data),
        "lix": v.num(data.get("lix")),
    }


def _finding_columns(findings: list[dict[str, Any]] | None) -> dict[str, Any]:
    if findings is None:
        return {}
    count = {s: sum(f.get("severity") == s for f in findings) for s in ("error", "warning", "info")}
    gender = sum(str(f.get("rule", "")).startswith("gender/") for f in findings)
    return {
        "findings": len(findings),
        "errors": count["error"],
        "warnings": count["warning"],
        "infos": count["info"],
        "gender_findings": gender,
    }


def _segment_columns(report: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    segments = v.segments(report)
    if segments is not None:
        row["comments"] = len(v.items(segments, "comments") or [])
        row["boilerplate"] = len(v.items(segments, "boilerplate") or [])
    quotes = v.items(report, "share_quotes")
    if quotes is not None:
        row["share_quotes"] = len(quotes)
    themes = v.items(report, "themes")
    if themes is not None:
        row["themes"] = len(themes)
        row["top_theme"] = v.text(themes[0].get("phrase")) if themes else None
    return row


def _gender_columns(data: dict[str, Any] | None) -> dict[str, Any]:
    if data is None:
        return {}
    styles = [v.text(s) for s in data.get("styles_used") or []]
    return {
        "gender_styles": ",".join(s for s in styles if s),
        "inclusive_forms": len(v.items(data, "inclusive_forms") or []),
        "gender_disclaimer": v.section(data, "disclaimer") is not None,
    }


def _finding_row(index: int, f: dict[str, Any]) -> dict[str, Any]:
    rule = v.text(f.get("rule")) or ""
    suggestions = [s for s in f.get("suggestions") or [] if isinstance(s, str)]
    return {
        "index": index,
        "rule": rule,
        "area": rule.split("/", 1)[0] if "/" in rule else None,
        "severity": v.text(f.get("severity")),
        "message": v.text(f.get("message")),
        **{k: v.integer(f.get(k)) for k in ("line", "column", "end_line", "end_column")},
        "text": v.text(f.get("text")),
        "suggestions": "; ".join(suggestions),
    }


def _comment_row(index: int, c: dict[str, Any]) -> dict[str, Any]:
    text = v.text(c.get("text")) or ""
    return {
        "index": v.integer(c.get("index")) if v.integer(c.get("index")) is not None else index,
        "parent": v.integer(c.get("parent")),
        "author": v.text(c.get("author")),
        "date": v.text(c.get("date")),
        "text": text,
        "first_line": v.first_line(c),
        "words": len(text.split()),
    }


def _quote_row(index: int, q: dict[str, Any]) -> dict[str, Any]:
    return {
        "index": index,
        "text": v.text(q.get("text")),
        "source": v.text(q.get("source")),
        "first_line": v.first_line(q),
    }


def _theme_row(index: int, t: dict[str, Any]) -> dict[str, Any]:
    return {
        "rank": index + 1,
        "phrase": v.text(t.get("phrase")),
        "lemma": v.text(t.get("lemma")),
        "score": v.num(t.get("score")),
        "count": v.integer(t.get("count")),
    }


def frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """A DataFrame of table ``name`` with exactly its documented columns and nullable dtypes."""
    return _frame_of(arrow_table(name, rows))


def arrow_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """An Arrow table of table ``name`` (its documented schema; a missing key is a null).

    Built column by column: several times faster than ``DataFrame.from_records`` plus a cast
    to the nullable dtypes, which was most of the cost of writing the tables of a large run.
    """
    schema = _ARROW_SCHEMAS[name]
    columns = [
        pa.array([row.get(column) for row in rows], type=kind)
        for column, kind in SCHEMAS[name].items()
    ]
    return pa.Table.from_arrays(columns, schema=schema)


def _frame_of(table: pa.Table) -> pd.DataFrame:
    return table.to_pandas(types_mapper=_pandas_dtypes().get)


@cache
def _pandas_dtypes() -> dict[pa.DataType, Any]:
    """Arrow type → the nullable pandas dtype of the documented tables."""
    import pandas as pd

    return {
        INT: pd.Int64Dtype(), FLT: pd.Float64Dtype(), BOOL: pd.BooleanDtype(), STR: pd.StringDtype()
    }  # fmt: skip


def csv_rows(table: pa.Table) -> list[tuple[Any, ...]]:
    """The rows of ``table`` as pandas' ``to_csv`` prints them (a null is an empty field)."""
    columns = [
        ["" if value is None else value for value in column]
        for column in table.to_pydict().values()
    ]
    return list(zip(*columns, strict=True))


_ARROW_SCHEMAS = {name: pa.schema(list(columns.items())) for name, columns in SCHEMAS.items()}


class CorpusTableWriter:
    """Streams report rows into ``directory/<table>.csv`` and ``.parquet`` (atomic at close)."""

    def __init__(self, directory: Path, flush_rows: int = 5000) -> None:
        """Prepare temporary files in ``directory`` (created if missing)."""
        self.directory = directory
        self.flush_rows = flush_rows
        directory.mkdir(parents=True, exist_ok=True)
        self._buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
        self._parquet: dict[str, pq.ParquetWriter] = {}
        self._csv: dict[str, Any] = {}
        tag = f".{os.getpid()}.tmp"
        self._temporary = {
            (name, ext): directory / f".{name}.{ext}{tag}"
            for name in TABLES
            for ext in ("csv", "parquet")
        }

    def add(self, report: dict[str, Any]) -> dict[str, Any]:
        """Add one report's rows; returns its ``posts`` row (for the dashboard)."""
        rows = report_rows(report)
        for name, table_rows in rows.items():
            self._buffers[name].extend(table_rows)
            if len(self._buffers[name]) >= self.flush_rows:
                self._flush(name)
        return rows["posts"][0]

    def _flush(self, name: str) -> None:
        table = arrow_table(name, self._buffers[name])
        self._buffers[name] = []
        if name not in self._parquet:
            self._parquet[name] = pq.ParquetWriter(self._temporary[(name, "parquet")], table.schema)
            # Kept open across flushes and closed in close()/abort(): no context manager.
            csv_path = self._temporary[(name, "csv")]
            self._csv[name] = open(csv_path, "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._csv_writer(name).writerow(table.column_names)
        self._csv_writer(name).writerows(csv_rows(table))
        self._parquet[name].write_table(table)

    def _csv_writer(self, name: str) -> Any:
        # pandas' to_csv dialect: minimal quoting, "\n" line ends (see the module docstring).
        return csv.writer(self._csv[name], lineterminator="\n")

    def close(self) -> None:
        """Write what is buffered and move every table into place."""
        for name in TABLES:
            if self._buffers[name] or name not in self._parquet:
                self._flush(name)
            self._parquet.pop(name).close()
            self._csv.pop(name).close()
        for (name, ext), temporary in self._temporary.items():
            os.replace(temporary, self.directory / f"{name}.{ext}")

    def abort(self) -> None:
        """Close and delete the temporary files (after an error)."""
        for handle in [*self._parquet.values(), *self._csv.values()]:
            handle.close()
        for temporary in self._temporary.values():
            temporary.unlink(missing_ok=True)


def read_tables(directory: Path) -> dict[str, pd.DataFrame]:
    """The corpus tables written to ``directory`` (from Parquet, dtypes as documented)."""
    import pandas as pd

    return {
        name: frame(name, [])
        if not (directory / f"{name}.parquet").exists()
        else pd.read_parquet(directory / f"{name}.parquet").astype(frame(name, []).dtypes.to_dict())
        for name in TABLES
    }

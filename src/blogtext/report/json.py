"""The per-post JSON report (schema in DESIGN.md, ``schema_version`` "1")."""

from __future__ import annotations

import json
from typing import Any

import orjson

from blogtext.model import Report, Segments

SCHEMA_VERSION = "1"


def report_to_dict(report: Report) -> dict[str, Any]:
    """The per-post report as plain JSON-serialisable data, keys in contract order."""
    post = report.post
    source: dict[str, Any] = {
        "path": post.path,
        "format": post.format,
        "encoding": post.encoding,
        "sha256": post.sha256,
    }
    if post.record is not None:
        source["record"] = post.record
        source["container"] = post.container_format
    pipeline: dict[str, Any] = {"blogtext": report.blogtext_version}
    if report.pipeline is not None:
        pipeline["spacy_model"] = report.pipeline.label
        pipeline["spacy_model_stand_in"] = report.pipeline.stand_in
    data: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": post.id,
        "source": source,
        "pipeline": pipeline,
        "title": report.segments.title if report.segments and report.segments.title else post.title,
        "metadata": {k: v for k, v in post.metadata.items() if not k.startswith("_")},
    }
    if report.segments is not None:
        data["segments"] = segments_to_dict(report.segments)
        if report.quotes is not None:
            data["share_quotes"] = [quote.to_dict() for quote in report.quotes]
        else:
            data["share_quotes"] = [
                {"text": q.text, "lines": list(q.lines), "source": q.source}
                for q in report.segments.share_quotes
            ]
    if report.themes is not None:
        data["themes"] = [t.to_dict() for t in report.themes]
    if report.readability is not None:
        data["readability"] = report.readability.to_dict()
    if report.gender is not None:
        position = report.body.position if report.body is not None else None
        data["gender"] = report.gender.to_dict(position)
    if report.segments is not None or report.findings:
        data["findings"] = [f.to_dict() for f in report.findings]
    return data


def segments_to_dict(segments: Segments) -> dict[str, Any]:
    """The ``segments`` part: body (text + lines + blocks), comments, boilerplate."""
    body_lines = sorted({line for block in segments.body for line in block.lines})
    return {
        "body": {
            "text": "\n\n".join(block.text for block in segments.body),
            "lines": body_lines,
            "blocks": [{"kind": b.kind, "text": b.text, "lines": b.lines} for b in segments.body],
        },
        "comments": [
            {
                "index": c.index,
                "parent": c.parent,
                "author": c.author,
                "date": c.date,
                "text": c.text,
                "lines": list(c.lines),
            }
            for c in segments.comments
        ],
        "boilerplate": [
            {
                "kind": b.kind,
                "text": b.text,
                "lines": list(b.lines),
                **({"inline": True} if b.inline else {}),
            }
            for b in segments.boilerplate
        ],
    }


def dumps(data: Any) -> str:
    """JSON text as blogtext writes it: UTF-8 characters kept, 2-space indent, final newline.

    orjson writes it (the same text as ``json.dumps(data, ensure_ascii=False, indent=2)`` for
    report data, about 20 times faster: the standard library's indenting encoder is pure
    Python and was the largest cost of writing a report). Values orjson refuses (e.g. an
    integer beyond 64 bits) go to :mod:`json`.
    """
    try:
        return orjson.dumps(data, option=_ORJSON_OPTIONS).decode("utf-8") + "\n"
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def loads(text: str | bytes) -> Any:
    """Data of JSON text (a report file, a cached report): the inverse of :func:`dumps`.

    orjson parses it, several times faster than :mod:`json` (a batch run reads every report
    back to build the corpus tables); what orjson refuses but :mod:`json` accepts (an integer
    beyond 64 bits, ``NaN``) goes to :mod:`json`.

    Raises:
        ValueError: ``text`` is not JSON.
    """
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return json.loads(text)


_ORJSON_OPTIONS = orjson.OPT_INDENT_2 | orjson.OPT_NON_STR_KEYS

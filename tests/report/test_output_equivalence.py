"""The fast writers give the text of the standard ones they replace.

Per-post JSON is written by orjson instead of ``json.dumps(…, indent=2)``, and the escaping
functions take a fast path for text without special characters. For report data the files must
not change by a byte; for any JSON data, orjson's text must read back as the same data.
"""

from __future__ import annotations

import html
import json
import os
import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from blogtext.report._html import esc
from blogtext.report.json import dumps
from blogtext.report.markdown import md_escape


def reference_dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# What reports hold: strings (any Unicode, JSON structure characters inside), ints, finite
# floats, booleans, None, in dicts with string keys and in lists.
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**63), 2**64 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(),
    st.text(alphabet='{}[],:\n "\\\u2028'),
)
_DATA = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner), st.dictionaries(st.text(), inner), st.lists(st.text())
    ),
    max_leaves=40,
)


@settings(max_examples=300, deadline=None)
@given(_DATA)
def test_json_text_reads_back_as_the_same_data(data):
    text = dumps(data)
    assert text.endswith("\n")
    assert json.loads(text) == data


@settings(max_examples=200, deadline=None)
@given(
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(-(2**53), 2**53), st.text()),
        lambda inner: st.one_of(st.lists(inner), st.dictionaries(st.text(), inner)),
        max_leaves=40,
    )
)
def test_json_text_is_json_dumps_without_floats(data):
    assert dumps(data) == reference_dumps(data)


def test_json_text_of_the_sample_report_is_json_dumps(report):
    assert dumps(report) == reference_dumps(report)


def test_json_text_takes_what_orjson_refuses():
    huge = {"count": 2**70, 1: "int key"}
    assert json.loads(dumps(huge)) == {"count": 2**70, "1": "int key"}


# --- escaping: the fast paths give the original text ---------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def reference_md_escape(value: object) -> str:
    """md_escape as it was: entities first, then a backslash before each Markdown character."""
    text = "" if value is None else " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


_ESCAPABLE = st.one_of(
    st.none(), st.integers(), st.text(), st.text(alphabet="\\`*_[]|~&<>\"' \n\tax„“")
)


@settings(max_examples=300, deadline=None)
@given(_ESCAPABLE)
def test_md_escape_is_the_original(value):
    assert md_escape(value) == reference_md_escape(value)


@settings(max_examples=300, deadline=None)
@given(_ESCAPABLE)
def test_html_esc_is_html_escape(value):
    assert esc(value) == html.escape("" if value is None else str(value), quote=True)


def test_output_files_get_the_users_file_mode(tmp_path):
    from blogtext.batch._outputs import write_file
    from blogtext.report.files import FILE_MODE, write_atomic

    mask = os.umask(0o022)
    os.umask(mask)
    write_atomic(tmp_path / "index.html", "<p>Bericht</p>")
    write_file(tmp_path / "post.json", "{}\n")
    for name in ("index.html", "post.json"):
        mode = (tmp_path / name).stat().st_mode & 0o777
        assert mode == FILE_MODE == 0o666 & ~mask, (name, oct(mode))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index.html", "post.json"]

#!/usr/bin/env bash
# One-command set-up: a virtual environment with blogtext and its dev tools, the German spaCy
# pipeline (download, or offline from a wheel directory), then the demo run on corpus/.
#
#   bash scripts/setup.sh            # PYTHON=python3.12 bash scripts/setup.sh for another Python
#
# Offline machines: the pipeline wheel is taken from $BLOGTEXT_MODEL_WHEELS or from
# shared/models/wheels in this directory or a parent (see `blogtext model install --help`).
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
# The pip of a new venv (23.x) resolves trafilatura to an old release; upgrade it first.
.venv/bin/python -m pip install --quiet --upgrade pip
# dev: test and lint tools; ray: the distributed engine (`analyze --engine ray`) and its tests.
.venv/bin/python -m pip install --quiet -e ".[dev,ray]"
.venv/bin/blogtext model install
.venv/bin/blogtext model status
.venv/bin/blogtext analyze corpus/ -o reports/

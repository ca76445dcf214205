"""Imports every rule module so their rules register (one module per area)."""

from __future__ import annotations

import importlib

#: Rule modules; a module whose analysis has not landed yet is simply absent.
RULE_MODULES = ("blogtext.rules.readability", "blogtext.rules.style", "blogtext.rules.gender")

for _module in RULE_MODULES:
    try:
        importlib.import_module(_module)
    except ModuleNotFoundError as error:
        if error.name != _module:
            raise

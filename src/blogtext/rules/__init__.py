"""Rules: every check a user can see, with a stable id, a severity and documentation.

Importing :mod:`blogtext.rules.catalog` registers every rule area.
"""

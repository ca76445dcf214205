"""blogtext: German text analysis for business blog posts."""

__version__ = "0.1.0"

"""Stage 4: analyses over a parsed body text (readability, gender, quotes, themes, style)."""

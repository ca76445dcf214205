"""Stage 5: reports – per-post JSON/Markdown/HTML, corpus tables, the dashboard."""

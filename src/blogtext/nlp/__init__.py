"""Stage 3: the German spaCy pipeline (resolution, loading, installation) and our components."""

"""Stage 1, the sources: a seeds folder read into articles, their text cleaned, duplicates dropped."""

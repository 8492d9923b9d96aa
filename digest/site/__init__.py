"""Stage 5, output: Markdown pages, digest.json and the MkDocs plugin that publishes them."""

"""digest: a cross-source news digest published as an MkDocs Material site."""

__version__ = "0.1.0"

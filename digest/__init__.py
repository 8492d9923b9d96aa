"""digest: a cross-source news digest published as an MkDocs Material site."""

from importlib import metadata

# The name on PyPI; the import name and the MkDocs plugin's stay `digest`.
DISTRIBUTION = "mkdocs-digest-news"


def installed_version() -> str:
    """The installed distribution's version, as pip reports it; a source tree never installed has none."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+unknown"


__version__ = installed_version()

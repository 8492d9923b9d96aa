"""Claims: statements of fact that several outlets share, and those only one makes."""

from __future__ import annotations

from collections.abc import Sequence

from digest.model import Claim, Extraction


def group_claims(extractions: Sequence[Extraction]) -> tuple[Claim, ...]:
    """Placeholder until alignment lands: no claims."""
    return ()

"""Changes list model: ``GET /3/movie/changes``, ``/3/tv/changes``, ``/3/person/changes``."""

from __future__ import annotations

import attrs

__all__ = ["ChangedEntry"]


@attrs.frozen(kw_only=True)
class ChangedEntry:
    """One id in a changes list (``GET /3/movie/changes`` ...): the item changed recently.

    ``adult`` and ``softcore`` (recent answers) are ``None`` when TMDB leaves them out.
    """

    id: int
    adult: bool | None = None
    softcore: bool | None = None

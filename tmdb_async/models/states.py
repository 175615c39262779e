"""The user's state for one title (``GET /3/movie/{id}/account_states`` and the TV twin).

TMDB sends ``rated`` as ``false`` when the user has not rated the title and as
``{"value": 8.5}`` when they have; the model exposes one clear type, ``float | None``
(the converter's ``"rated"`` field hook does the mapping).
"""

from __future__ import annotations

import attrs

__all__ = ["AccountStates", "EpisodeAccountState", "SeasonAccountStates"]


@attrs.frozen(kw_only=True)
class AccountStates:
    """Whether the session's user rated, favourited or watchlisted a title.

    Also what ``append_to_response=account_states`` adds to a movie (needs a session).

    Attributes:
        id: the title's id (absent when appended to the title).
        favorite: in the user's favourites.
        rated: the user's rating (0.5 to 10), ``None`` when not rated.
        watchlist: on the user's watchlist.
    """

    id: int | None = None
    favorite: bool = False
    rated: float | None = attrs.field(default=None, metadata={"hook": "rated"})
    watchlist: bool = False


@attrs.frozen(kw_only=True)
class EpisodeAccountState:
    """The user's rating of one episode of a season (``rated`` is ``None`` when unrated)."""

    id: int
    episode_number: int | None = None
    rated: float | None = attrs.field(default=None, metadata={"hook": "rated"})


@attrs.frozen(kw_only=True)
class SeasonAccountStates:
    """The user's ratings of a season's episodes
    (``GET /3/tv/{series_id}/season/{season_number}/account_states``).

    Attributes:
        id: the season's id.
        results: one entry per episode.
    """

    id: int | None = None
    results: list[EpisodeAccountState] = attrs.Factory(list)

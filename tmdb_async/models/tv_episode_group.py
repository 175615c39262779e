"""TV episode group models: ``GET /3/tv/episode_group/{tv_episode_group_id}``.

An episode group is an alternative ordering of a series' episodes (DVD order, story arcs,
a network's broadcast order ...). A series lists its groups at ``/3/tv/{id}/episode_groups``
(:class:`~tmdb_async.EpisodeGroups`); this module models one group with its episodes.
"""

from __future__ import annotations

import attrs

from .tv import EpisodeSummary, Network

__all__ = ["EpisodeGroupEpisode", "EpisodeGroupPart", "TVEpisodeGroup"]


@attrs.frozen(kw_only=True)
class EpisodeGroupEpisode(EpisodeSummary):
    """An episode in an episode group; ``order`` is its place in the group (from 0)."""

    order: int = 0


@attrs.frozen(kw_only=True)
class EpisodeGroupPart:
    """One part of an episode group (a "season" of that ordering), with its episodes."""

    id: str
    name: str = ""
    order: int = 0
    locked: bool = False
    episodes: list[EpisodeGroupEpisode] = attrs.Factory(list)


@attrs.frozen(kw_only=True)
class TVEpisodeGroup:
    """An episode group's details (``GET /3/tv/episode_group/{tv_episode_group_id}``).

    Attributes:
        id: the group's id (24-hex string).
        type: 1 original air date, 2 absolute, 3 DVD, 4 digital, 5 story arc,
            6 production, 7 TV.
        groups: the parts of the ordering, each with its episodes.
    """

    id: str
    name: str = ""
    description: str = ""
    episode_count: int = 0
    group_count: int = 0
    type: int | None = None
    network: Network | None = None
    groups: list[EpisodeGroupPart] = attrs.Factory(list)

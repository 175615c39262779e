"""Mixed media lists: items tagged by ``media_type`` (trending, multi search, known for).

TMDB mixes movies, TV series and people in one list and says which is which in each item's
``media_type``. The converter (``_convert``) structures such a list item into the class its
tag names; an item whose tag is unknown (or not expected in that list) becomes
:class:`UnknownMedia`, which keeps the raw JSON, so a new media type never breaks a page.
"""

from __future__ import annotations

import attrs

from .movie import MovieSummary
from .tv import TVSummary

__all__ = ["MEDIA_TAGS", "MediaSummary", "UnknownMedia"]


@attrs.frozen(kw_only=True)
class UnknownMedia:
    """An item of a mixed list with a ``media_type`` this version does not model.

    Attributes:
        media_type: the tag TMDB sent (``None`` when missing).
        id: the item's ``id`` when it is an int.
        data: the item's JSON as received.
    """

    media_type: str | None = None
    id: int | None = None
    data: dict[str, object] = attrs.Factory(dict)


#: A movie or a TV series from a mixed list (trending all, a person's ``known_for``).
MediaSummary = MovieSummary | TVSummary | UnknownMedia

#: ``media_type`` tag -> class name, for the converter's tagged-union hook.
MEDIA_TAGS: dict[str, str] = {
    "movie": "MovieSummary",
    "tv": "TVSummary",
    "person": "PersonSummary",
    "tv_episode": "EpisodeSummary",  # a person's tagged images
}

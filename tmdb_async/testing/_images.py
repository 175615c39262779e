"""The images behind the sandbox's image URLs: small PNGs that show the title or name.

TMDB hands out image paths (``poster_path``, ``profile_path``, ``file_path`` ...) to be
joined to ``/configuration``'s ``secure_base_url`` and a size. The sandbox serves every
path its answers contain (real ones from the catalogue data, generated ones from the
filler records) as a PNG drawn here: a colour taken from the path, the shape of the kind
of image (posters and profiles 2:3, backdrops and stills 16:9, logos 2:1) and the title or
name in a built-in 5x7 pixel font. Pure Python (zlib and struct), no I/O, no dependencies.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
import unicodedata
import zlib
from collections.abc import Iterator
from typing import Any

from ._catalogue import Catalogue, data

__all__ = ["ImageIndex", "render_png"]

# 5x7 glyphs, one 5-bit row per entry (most significant bit on the left).
_GLYPHS: dict[str, tuple[int, ...]] = {
    "A": (0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001),
    "B": (0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110),
    "C": (0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110),
    "D": (0b11100, 0b10010, 0b10001, 0b10001, 0b10001, 0b10010, 0b11100),
    "E": (0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111),
    "F": (0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000),
    "G": (0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111),
    "H": (0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001),
    "I": (0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110),
    "J": (0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100),
    "K": (0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001),
    "L": (0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111),
    "M": (0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001),
    "N": (0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001),
    "O": (0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110),
    "P": (0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000),
    "Q": (0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101),
    "R": (0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001),
    "S": (0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110),
    "T": (0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100),
    "U": (0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110),
    "V": (0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100),
    "W": (0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010),
    "X": (0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001),
    "Y": (0b10001, 0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100),
    "Z": (0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111),
    "0": (0b01110, 0b10001, 0b10011, 0b10101, 0b11001, 0b10001, 0b01110),
    "1": (0b00100, 0b01100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110),
    "2": (0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0b01000, 0b11111),
    "3": (0b11111, 0b00010, 0b00100, 0b00010, 0b00001, 0b10001, 0b01110),
    "4": (0b00010, 0b00110, 0b01010, 0b10010, 0b11111, 0b00010, 0b00010),
    "5": (0b11111, 0b10000, 0b11110, 0b00001, 0b00001, 0b10001, 0b01110),
    "6": (0b00110, 0b01000, 0b10000, 0b11110, 0b10001, 0b10001, 0b01110),
    "7": (0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b01000, 0b01000),
    "8": (0b01110, 0b10001, 0b10001, 0b01110, 0b10001, 0b10001, 0b01110),
    "9": (0b01110, 0b10001, 0b10001, 0b01111, 0b00001, 0b00010, 0b01100),
    " ": (0, 0, 0, 0, 0, 0, 0),
    ".": (0, 0, 0, 0, 0, 0b01100, 0b01100),
    ",": (0, 0, 0, 0, 0b01100, 0b00100, 0b01000),
    ":": (0, 0b01100, 0b01100, 0, 0b01100, 0b01100, 0),
    "-": (0, 0, 0, 0b11111, 0, 0, 0),
    "'": (0b01100, 0b00100, 0b01000, 0, 0, 0, 0),
    "!": (0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0, 0b00100),
    "?": (0b01110, 0b10001, 0b00001, 0b00010, 0b00100, 0, 0b00100),
    "&": (0b01100, 0b10010, 0b10100, 0b01000, 0b10101, 0b10010, 0b01101),
    "(": (0b00010, 0b00100, 0b01000, 0b01000, 0b01000, 0b00100, 0b00010),
    ")": (0b01000, 0b00100, 0b00010, 0b00010, 0b00010, 0b00100, 0b01000),
    "/": (0, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0),
    "#": (0b01010, 0b01010, 0b11111, 0b01010, 0b11111, 0b01010, 0b01010),
    "+": (0, 0b00100, 0b00100, 0b11111, 0b00100, 0b00100, 0),
}

#: Width / height of each kind of image.
_ASPECT = {
    "poster": (2, 3),
    "profile": (2, 3),
    "backdrop": (16, 9),
    "still": (16, 9),
    "logo": (2, 1),
    "avatar": (1, 1),
}
_FIELD_KINDS = {
    "poster_path": "poster",
    "profile_path": "profile",
    "backdrop_path": "backdrop",
    "still_path": "still",
    "logo_path": "logo",
    "avatar_path": "avatar",
}
_LIST_KINDS = {
    "posters": "poster",
    "profiles": "profile",
    "backdrops": "backdrop",
    "stills": "still",
    "logos": "logo",
}
# What the filler records' paths look like (_catalogue.image_path).
_FILLER = re.compile(r"/([mtpse])(\d+)([bps])\.png")
_MAX_WIDTH = 1280


def printable(text: str) -> str:
    """``text`` in the font's alphabet: upper case, accents dropped, others as ``?``."""
    folded = unicodedata.normalize("NFKD", text)
    out = []
    for char in folded:
        if unicodedata.combining(char):
            continue
        upper = char.upper()
        out.append(upper if upper in _GLYPHS else "?")
    return "".join(out)


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > width:  # a word longer than a line is cut
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:width])
            word = word[width:]
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= width:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def dimensions(size: str, kind: str) -> tuple[int, int]:
    """Pixel size for a TMDB size name (``w342``, ``h632``, ``original``) and image kind."""
    across, down = _ASPECT.get(kind, (2, 3))
    if size.startswith("w") and size[1:].isdigit():
        width = min(max(int(size[1:]), 16), _MAX_WIDTH)
        return width, max(1, width * down // across)
    if size.startswith("h") and size[1:].isdigit():
        height = min(max(int(size[1:]), 16), _MAX_WIDTH)
        return max(1, height * across // down), height
    width = 500 if across < down else 1280
    return width, width * down // across


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


@functools.lru_cache(maxsize=256)
def render_png(label: str, kind: str, size: str, seed: str) -> bytes:
    """A PNG of the ``kind``'s shape at ``size`` showing ``label``; ``seed`` picks its colour."""
    width, height = dimensions(size, kind)
    digest = hashlib.sha256(seed.encode()).digest()
    background = bytes(40 + b // 3 for b in digest[:3])
    band = bytes(c // 2 for c in background)
    ink = b"\xff\xff\xff"
    row_bytes = 1 + width * 3
    pixels = bytearray((b"\x00" + background * width) * height)

    scale = max(1, width // 90)
    columns = max(1, (width - 4 * scale) // (6 * scale))
    lines = _wrap(printable(label), columns)
    max_lines = max(1, (height - 4 * scale) // (9 * scale))
    lines = lines[:max_lines]
    block = len(lines) * 9 * scale
    top = max(0, (height - block) // 2)
    for y in range(max(0, top - 2 * scale), min(height, top + block + scale)):
        start = y * row_bytes + 1
        pixels[start : start + width * 3] = band * width
    for number, line in enumerate(lines):
        left = max(0, (width - len(line) * 6 * scale + scale) // 2)
        y0 = top + number * 9 * scale
        for index, char in enumerate(line):
            x0 = left + index * 6 * scale
            for gy, bits in enumerate(_GLYPHS[char]):
                for gx in range(5):
                    if not bits & (0b10000 >> gx):
                        continue
                    x = x0 + gx * scale
                    if x + scale > width:
                        continue
                    for y in range(y0 + gy * scale, min(height, y0 + (gy + 1) * scale)):
                        start = y * row_bytes + 1 + x * 3
                        pixels[start : start + 3 * scale] = ink * scale
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(pixels), 1))
        + _chunk(b"IEND", b"")
    )


def _label(record: dict[str, Any]) -> str | None:
    for key in ("title", "name", "original_title", "original_name", "username"):
        value = record.get(key)
        if isinstance(value, str) and value:
            return value
    return None


def _walk(value: Any, label: str, kind: str | None) -> Iterator[tuple[str, str, str]]:
    """``(path, label, kind)`` for every image path in a JSON value."""
    if isinstance(value, list):
        for item in value:
            yield from _walk(item, label, kind)
        return
    if not isinstance(value, dict):
        return
    own = _label(value) or label
    for key, item in value.items():
        if isinstance(item, str) and item.startswith("/"):
            if key in _FIELD_KINDS:
                yield item, own, _FIELD_KINDS[key]
            elif key == "file_path":
                yield item, label, kind or "poster"
        elif isinstance(item, dict | list):
            yield from _walk(item, own, _LIST_KINDS.get(key, kind))


class ImageIndex:
    """Which title or name, and which kind of image, each served image path shows."""

    def __init__(self, catalogue: Catalogue, extra: dict[str, tuple[str, str]] | None = None):
        self.cat = catalogue
        self._extra = dict(extra or {})

    @functools.cached_property
    def _real(self) -> dict[str, tuple[str, str]]:
        index: dict[str, tuple[str, str]] = {}
        tables = ("movies", "tv", "people", "collections", "companies", "networks")
        for table in (*tables, "seasons", "episodes"):
            for key, record in data(table).items():
                label = _label(record) or ""
                if table in ("seasons", "episodes"):
                    show = data("tv").get(key.split("/")[0])
                    label = f"{_label(show) or ''} {label}".strip() if show else label
                for path, name, kind in _walk(record, label, None):
                    index.setdefault(path, (name, kind))
        for key, answer in data("answers").items():
            kind_name, _, rest = key.partition("/")
            item_id = rest.split("/")[0]
            owner_table = {"movie": "movies", "tv": "tv", "person": "people"}.get(kind_name)
            owner = data(owner_table).get(item_id) if owner_table else None
            owner_label = (_label(owner) if owner else None) or ""
            for path, name, kind in _walk(answer, owner_label, None):
                index.setdefault(path, (name, kind))
        return index

    def _filler(self, path: str) -> tuple[str, str] | None:
        match = _FILLER.fullmatch(path)
        if match is None:
            return None
        what, number, which = match.group(1), int(match.group(2)), match.group(3)
        kind = {"b": "backdrop", "p": "poster", "s": "still"}[which]
        if what == "m" and self.cat.has_movie(number):
            return self.cat.movie_title(number), kind
        if what == "t" and self.cat.has_tv(number):
            return self.cat.tv_name(number), kind
        if what == "p" and self.cat.has_person(number):
            return self.cat.person_name(number), "profile"
        if what == "s" and self.cat.has_tv(number // 100):
            return f"{self.cat.tv_name(number // 100)} Season {number % 100}", kind
        if what == "e" and self.cat.has_tv(number // 10_000):
            season, episode = divmod(number % 10_000, 100)
            return f"{self.cat.tv_name(number // 10_000)} {season}x{episode:02d}", kind
        return None

    def lookup(self, path: str) -> tuple[str, str] | None:
        """``(label, kind)`` of an image path the sandbox hands out, else ``None``."""
        return self._extra.get(path) or self._real.get(path) or self._filler(path)

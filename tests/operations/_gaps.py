"""Operations no public SDK call reaches yet. Remove a line when its call lands in CALLS;
tests/test_every_operation.py fails if this list and CALLS overlap or miss one."""

from __future__ import annotations

GAPS: frozenset[str] = frozenset({})
